package dev.touchstone.report;

import static dev.touchstone.report.Xml.all;
import static dev.touchstone.report.Xml.one;
import static dev.touchstone.report.Xml.withClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.touchstone.metric.ConfusionCounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ConfusionMatrixHtmlTest {

    // rows: true class; columns: predicted class
    private static final ConfusionCounts THREE = new ConfusionCounts(List.of("cat", "dog", "bird"), new long[] {
        50, 10, 0,
        5, 30, 5,
        0, 0, 0});

    @Test
    void isASelfContainedXhtmlDocument() {
        String html = ConfusionMatrixHtml.of("pets", THREE);
        Document doc = Xml.parse(html);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(Xml.elementNames(doc)).doesNotContain("script", "link", "img");
        assertThat(html).doesNotContain("src=", "href=", "url(");
        assertThat(all(doc, "title").get(0).getTextContent()).isEqualTo("pets");
        assertThat(all(doc, "caption").get(0).getTextContent())
                .startsWith("pets").contains("3 classes", "n = 100", "accuracy 0.8000");
    }

    @Test
    void kByKCellsRowsTrueColumnsPredicted() {
        Document doc = Xml.parse(ConfusionMatrixHtml.of("pets", THREE));
        assertThat(withClass(doc, "th", "predicted").stream().map(Element::getTextContent))
                .containsExactly("cat", "dog", "bird");
        List<Element> rows = all(all(doc, "tbody").get(0), "tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(r -> one(r, "th", "true").getTextContent())).containsExactly("cat", "dog", "bird");
        assertThat(withClass(doc, "td", "cell")).hasSize(9);
        assertThat(count(rows.get(0), 1)).isEqualTo("10"); // true cat predicted dog
        assertThat(count(rows.get(1), 0)).isEqualTo("5");  // true dog predicted cat
        assertThat(withClass(doc, "td", "diagonal")).hasSize(3);
        for (int t = 0; t < 3; t++) {
            List<Element> cells = withClass(rows.get(t), "td", "cell");
            for (int p = 0; p < 3; p++) {
                assertThat(Xml.hasClass(cells.get(p), "diagonal")).isEqualTo(t == p);
            }
        }
    }

    @Test
    void shadeIsProportionalToTheRowShare() {
        Document doc = Xml.parse(ConfusionMatrixHtml.of("pets", THREE));
        List<Element> rows = all(all(doc, "tbody").get(0), "tr");
        Element catCat = withClass(rows.get(0), "td", "cell").get(0);
        Element catDog = withClass(rows.get(0), "td", "cell").get(1);
        assertThat(catCat.getAttribute("data-share")).isEqualTo("0.8333");
        assertThat(catDog.getAttribute("data-share")).isEqualTo("0.1667");
        assertThat(catCat.getAttribute("style"))
                .contains("background-color:" + ConfusionMatrixHtml.shade(ConfusionMatrixHtml.CORRECT, 50 / 60.0));
        assertThat(catDog.getAttribute("style"))
                .contains("background-color:" + ConfusionMatrixHtml.shade(ConfusionMatrixHtml.ERROR, 10 / 60.0));
        assertThat(ConfusionMatrixHtml.shade(ConfusionMatrixHtml.CORRECT, 0)).isEqualTo("#ffffff");
        assertThat(ConfusionMatrixHtml.shade(ConfusionMatrixHtml.CORRECT, 1)).isEqualTo("#1f5fbf");
        assertThat(ConfusionMatrixHtml.shade(ConfusionMatrixHtml.ERROR, 0.5)).isEqualTo("#eca487");
        assertThat(catDog.getAttribute("title")).isEqualTo("true cat, predicted dog: 10 (16.7% of true cat)");
    }

    @Test
    void marginsHoldTotalsRecallPrecisionAndAccuracy() {
        Document doc = Xml.parse(ConfusionMatrixHtml.of("pets", THREE));
        List<Element> rows = all(all(doc, "tbody").get(0), "tr");
        assertThat(rows.stream().map(r -> one(r, "td", "total").getTextContent())).containsExactly("60", "40", "0");
        assertThat(rows.stream().map(r -> one(r, "td", "recall").getTextContent()))
                .containsExactly("0.8333", "0.7500", "undefined");
        assertThat(one(one(rows.get(2), "td", "recall"), "span", "undefined").getAttribute("title"))
                .isEqualTo("no examples of true class bird");

        List<Element> foot = all(all(doc, "tfoot").get(0), "tr");
        assertThat(withClass(foot.get(0), "td", "total").stream().map(Element::getTextContent))
                .containsExactly("55", "40", "5", "100");
        assertThat(withClass(foot.get(1), "td", "precision").stream().map(Element::getTextContent))
                .containsExactly("0.9091", "0.7500", "0.0000");
        assertThat(one(foot.get(1), "td", "accuracy").getTextContent()).isEqualTo("0.8000");
    }

    @Test
    void neverPredictedClassHasUndefinedPrecisionAndThousandsAreSeparated() {
        ConfusionCounts counts = new ConfusionCounts(List.of("yes", "no"), new long[] {12_000, 0, 3_456, 0});
        Document doc = Xml.parse(ConfusionMatrixHtml.of("big", counts));
        List<Element> foot = all(all(doc, "tfoot").get(0), "tr");
        Element noPrecision = withClass(foot.get(1), "td", "precision").get(1);
        assertThat(noPrecision.getTextContent()).isEqualTo("undefined");
        assertThat(one(noPrecision, "span", "undefined").getAttribute("title")).isEqualTo("class no was never predicted");
        assertThat(withClass(doc, "td", "cell").get(0).getTextContent()).startsWith("12,000");
        assertThat(one(foot.get(0), "td", "grand").getTextContent()).isEqualTo("15,456");
    }

    @Test
    void hostileNamesAndTitleAreEscaped() {
        ConfusionCounts counts = new ConfusionCounts(List.of("<script>alert(1)</script>", "a&b \"q\" 's'"),
                new long[] {1, 2, 3, 4});
        String html = ConfusionMatrixHtml.of("<title>&\"", counts);
        assertThat(html).doesNotContain("<script");
        Document doc = Xml.parse(html);
        assertThat(Xml.elementNames(doc)).doesNotContain("script");
        assertThat(all(doc, "title").get(0).getTextContent()).isEqualTo("<title>&\"");
        assertThat(withClass(doc, "th", "predicted").stream().map(Element::getTextContent))
                .containsExactly("<script>alert(1)</script>", "a&b \"q\" 's'");
        assertThat(withClass(doc, "td", "cell").get(1).getAttribute("title"))
                .startsWith("true <script>alert(1)</script>, predicted a&b \"q\" 's': 2");
    }

    @Test
    void emptyAndSingleClassMatricesRender() {
        Document none = Xml.parse(ConfusionMatrixHtml.of(null, new ConfusionCounts(List.of(), new long[0])));
        assertThat(withClass(none, "td", "cell")).isEmpty();
        assertThat(all(none, "title").get(0).getTextContent()).isEqualTo("Confusion matrix");
        Document one = Xml.parse(ConfusionMatrixHtml.of("one", new ConfusionCounts(List.of("x"), new long[] {7})));
        assertThat(withClass(one, "td", "cell")).singleElement()
                .satisfies(c -> assertThat(Xml.hasClass(c, "diagonal")).isTrue());
        assertThatNullPointerException().isThrownBy(() -> ConfusionMatrixHtml.of("x", null));
    }

    private static String count(Element row, int column) {
        Element cell = withClass(row, "td", "cell").get(column);
        return cell.getFirstChild().getNodeValue();
    }
}
