package dev.touchstone.report;

import static dev.touchstone.report.Fixtures.AT_LEAST_080_95;
import static dev.touchstone.report.Fixtures.recall;
import static dev.touchstone.report.Xml.all;
import static dev.touchstone.report.Xml.one;
import static dev.touchstone.report.Xml.withClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EvidenceHtmlTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static List<SliceResult> slices() {
        return List.of(
                recall("camera=front", 0.9312, 0.9021, 0.9523, 12_412, Verdict.PASSED),
                recall("camera=rear", 0.8412, 0.7710, 0.8930, 412, Verdict.INCONCLUSIVE),
                recall("camera=side", 0.6120, 0.5501, 0.6702, 980, Verdict.FAILED),
                Fixtures.undefined("camera=empty", "no positive examples"));
    }

    @Test
    void isASelfContainedXhtmlDocument() {
        String html = EvidenceHtml.table(slices());
        assertThat(html).startsWith("<!DOCTYPE html>");
        Document doc = Xml.parse(html);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("html");
        assertThat(root.getNamespaceURI()).isEqualTo(XHTML);
        assertThat(all(doc, "*")).allSatisfy(e -> assertThat(e.getNamespaceURI()).isEqualTo(XHTML));
        assertThat(Xml.elementNames(doc)).doesNotContain("script", "link", "img", "iframe", "object", "embed");
        assertThat(html).doesNotContain("src=", "href=", "url(", "@import", "javascript:");
        assertThat(all(doc, "style")).hasSize(1);
        assertThat(all(doc, "meta").get(0).getAttribute("charset")).isEqualTo("utf-8");
        assertThat(all(doc, "title").get(0).getTextContent())
                .isEqualTo("Touchstone evidence: recall \u2013 detector-v7 on detections");
    }

    @Test
    void oneRowPerSliceInSliceOrderUnderTheExpectedColumns() {
        Document doc = Xml.parse(EvidenceHtml.table(slices()));
        assertThat(all(all(doc, "thead").get(0), "th").stream().map(Element::getTextContent)).containsExactly(
                "slice", "metric", "value", "interval", "n", "expectation", "baseline", "difference", "p-value", "verdict", "reason");
        List<Element> rows = all(all(doc, "tbody").get(0), "tr");
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> assertThat(all(r, "td")).hasSize(11));
        assertThat(rows.stream().map(r -> one(r, "span", "name").getTextContent()))
                .containsExactly("camera=front", "camera=rear", "camera=side", "camera=empty");
        assertThat(rows.stream().map(r -> r.getAttribute("data-verdict")))
                .containsExactly("PASSED", "INCONCLUSIVE", "FAILED", "INCONCLUSIVE");
    }

    @Test
    void showsTheEvidenceOfARow() {
        Document doc = Xml.parse(EvidenceHtml.table(slices()));
        Element front = row(doc, 0);
        assertThat(cell(front, "metric")).isEqualTo("recall");
        assertThat(cell(front, "value")).isEqualTo("0.931");
        assertThat(one(front, "span", "level").getTextContent()).isEqualTo("95%");
        assertThat(one(front, "span", "low").getTextContent()).isEqualTo("0.902");
        assertThat(one(front, "span", "high").getTextContent()).isEqualTo("0.953");
        assertThat(one(front, "span", "method").getTextContent()).isEqualTo("wilson");
        assertThat(cell(front, "interval")).isEqualTo("95% [0.902, 0.953] wilson");
        assertThat(cell(front, "n")).isEqualTo("12,412");
        assertThat(cell(front, "expectation")).isEqualTo("at least 0.800 with 95% confidence");
        assertThat(cell(front, "baseline")).isEmpty();
        assertThat(cell(front, "p-value")).isEmpty();
        assertThat(cell(front, "verdict")).isEqualTo("PASSED");
        assertThat(cell(front, "reason")).isEqualTo("reason for camera=front");
        assertThat(one(front, "td", "reason").getAttribute("title")).isEqualTo("message for camera=front");
    }

    @Test
    void captionNamesModelDatasetAndCounts() {
        Document doc = Xml.parse(EvidenceHtml.table(slices()));
        Element caption = all(doc, "caption").get(0);
        assertThat(one(caption, "span", "model").getTextContent()).isEqualTo("detector-v7");
        assertThat(one(caption, "span", "dataset").getTextContent()).isEqualTo("detections");
        assertThat(caption.getTextContent()).contains("recall", "4 slices: 1 passed, 1 failed, 2 inconclusive");
    }

    @Test
    void verdictsAreColouredAndBadRowsHighlighted() {
        Document doc = Xml.parse(EvidenceHtml.table(List.of(
                recall("a", 0.9, 0.85, 0.95, 100, Verdict.PASSED),
                recall("b", 0.5, 0.45, 0.55, 100, Verdict.FAILED),
                recall("c", 0.8, 0.7, 0.9, 100, Verdict.INCONCLUSIVE),
                recall("d", 0.8, 0.7, 0.9, 100, Verdict.ERROR))));
        String[] colours = {"#2e7d32", "#c62828", "#e69b00", "#6a1b9a"};
        String[] tints = {"", "#fdecea", "#fff5dc", "#f3e5f5"};
        for (int i = 0; i < 4; i++) {
            Element row = row(doc, i);
            Element badge = one(row, "span", "badge");
            assertThat(badge.getAttribute("style")).contains("background-color:" + colours[i]);
            assertThat(one(row, "td", "slice").getAttribute("style")).contains(colours[i]);
            assertThat(row.getAttribute("style")).isEqualTo(tints[i].isEmpty() ? "" : "background-color:" + tints[i]);
        }
        assertThat(row(doc, 1).getAttribute("class")).isEqualTo("verdict-failed");
        assertThat(row(doc, 2).getAttribute("class")).isEqualTo("verdict-inconclusive");
    }

    @Test
    void undefinedValuesSayUndefinedWithTheReasonAsTitle() {
        Element empty = row(Xml.parse(EvidenceHtml.table(slices())), 3);
        Element value = one(one(empty, "td", "value"), "span", "undefined");
        assertThat(value.getTextContent()).isEqualTo("undefined");
        assertThat(value.getAttribute("title")).isEqualTo("no positive examples");
        Element interval = one(one(empty, "td", "interval"), "span", "undefined");
        assertThat(interval.getTextContent()).isEqualTo("undefined");
        assertThat(interval.getAttribute("title")).isEqualTo("no positive examples");
        assertThat(withClass(empty, "span", "low")).isEmpty();
        assertThat(cell(empty, "n")).isEqualTo("3");

        Element noInterval = row(Xml.parse(EvidenceHtml.table(List.of(Fixtures.withoutInterval("x", 0.86)))), 0);
        assertThat(cell(noInterval, "value")).isEqualTo("0.860");
        assertThat(one(one(noInterval, "td", "interval"), "span", "undefined").getAttribute("title"))
                .isEqualTo("the 95% interval cannot be computed on this slice");
    }

    @Test
    void valuesAreRoundedAwayFromMeetingTheBound() {
        // 0.79996 is below 0.8: rounding half-even would show 0.800, which seems to meet it
        Document doc = Xml.parse(EvidenceHtml.table(List.of(recall("x", 0.79996, 0.78001, 0.81999, 5_120, Verdict.INCONCLUSIVE))));
        assertThat(cell(row(doc, 0), "value")).isEqualTo("0.799");
        assertThat(cell(row(doc, 0), "interval")).isEqualTo("95% [0.780, 0.820] wilson");
        assertThat(cell(row(doc, 0), "n")).isEqualTo("5,120");
    }

    @Test
    void inconclusiveRowsSayHowManyExamplesWouldDecideAndListNotes() {
        MetricValue v = new MetricValue("recall", "night", 0.84, 412, new Interval(0.77, 0.89, 0.95, "wilson"),
                Optional.empty(), List.of("class <person> never predicted"), Optional.empty());
        SliceResult r = new SliceResult("m", "d", "hour < 6 or hour >= 20", v, AT_LEAST_080_95, Verdict.INCONCLUSIVE,
                "straddles", OptionalLong.of(2_310), "message");
        Element row = row(Xml.parse(EvidenceHtml.table(List.of(r))), 0);
        assertThat(one(row, "div", "more").getTextContent()).isEqualTo("about 2,310 examples would decide (now 412)");
        assertThat(all(one(row, "ul", "notes"), "li").get(0).getTextContent()).isEqualTo("class <person> never predicted");
        assertThat(one(row, "span", "definition").getTextContent()).isEqualTo("hour < 6 or hour >= 20");
    }

    @Test
    void hostileNamesAreEscaped() {
        String script = "<script>alert('x')</script>";
        MetricValue v = new MetricValue("recall(class=<b>)", script, 0.9, 10, new Interval(0.8, 0.95, 0.95, "wil<s>on"),
                Optional.empty(), List.of(), Optional.empty());
        MetricValue u = new MetricValue("recall", "a&b \"q\" 's'", 0, 0, Interval.undefined(0.95, "wilson"),
                Optional.of("no \"positives\" & <none>"), List.of(), Optional.empty());
        List<SliceResult> rows = List.of(
                new SliceResult("<img src=x onerror=alert(1)>", "d&\"s'", "<def>", v, AT_LEAST_080_95, Verdict.PASSED,
                        "</td><script>x</script>", OptionalLong.empty(), "msg \"with\" <tags>\nand lines"),
                new SliceResult("<img src=x onerror=alert(1)>", "d&\"s'", "a&b \"q\" 's'", u, AT_LEAST_080_95, Verdict.INCONCLUSIVE, "r\u0007",
                        OptionalLong.empty(), "m"));
        String html = EvidenceHtml.table(rows);
        assertThat(html).doesNotContain("<script", "<img", "<b>", "<def>", "<s>");
        Document doc = Xml.parse(html);
        assertThat(Xml.elementNames(doc)).doesNotContain("script", "img", "b", "def", "s");
        Element first = row(doc, 0);
        assertThat(one(first, "span", "name").getTextContent()).isEqualTo(script);
        assertThat(one(first, "span", "definition").getTextContent()).isEqualTo("<def>");
        assertThat(cell(first, "metric")).isEqualTo("recall(class=<b>)");
        assertThat(cell(first, "reason")).isEqualTo("</td><script>x</script>");
        assertThat(one(first, "td", "reason").getAttribute("title")).isEqualTo("msg \"with\" <tags>\nand lines");
        assertThat(one(first, "span", "method").getTextContent()).isEqualTo("wil<s>on");
        assertThat(one(all(doc, "caption").get(0), "span", "model").getTextContent()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(one(all(doc, "caption").get(0), "span", "dataset").getTextContent()).isEqualTo("d&\"s'");
        Element second = row(doc, 1);
        assertThat(one(second, "span", "name").getTextContent()).isEqualTo("a&b \"q\" 's'");
        assertThat(one(one(second, "td", "value"), "span", "undefined").getAttribute("title"))
                .isEqualTo("no \"positives\" & <none>");
        assertThat(cell(second, "reason")).isEqualTo("r\uFFFD");
    }

    @Test
    void moreDecimalsWhenTheBoundHasThem() {
        Expectation precise = Expectation.of(Expectation.Kind.ABOVE, 0.91234, OptionalDouble.empty());
        SliceResult r = Fixtures.result("x", "accuracy", 0.912339, 0.9, 0.92, 10, precise, Verdict.FAILED);
        Element row = row(Xml.parse(EvidenceHtml.table(List.of(r))), 0);
        assertThat(cell(row, "value")).isEqualTo("0.91233");
        assertThat(cell(row, "expectation")).isEqualTo("above 0.91234");
    }

    @Test
    void emptyListAndMissingFieldsStillRender() {
        Document empty = Xml.parse(EvidenceHtml.table(List.of()));
        assertThat(all(all(empty, "tbody").get(0), "tr")).singleElement()
                .satisfies(r -> assertThat(r.getTextContent()).isEqualTo("no slices were evaluated"));
        SliceResult bare = new SliceResult(null, null, null, new MetricValue("size", "all", 3, 3,
                new Interval(3, 3, 0.95, "exact"), Optional.empty(), List.of(), Optional.empty()), null,
                Verdict.PASSED, null, null, null);
        Element row = row(Xml.parse(EvidenceHtml.table(List.of(bare))), 0);
        assertThat(cell(row, "expectation")).isEmpty();
        // a count reads as one, as in every other output
        assertThat(cell(row, "value")).isEqualTo("3");
        assertThatNullPointerException().isThrownBy(() -> EvidenceHtml.table(null));
    }

    private static Element row(Document doc, int index) {
        return all(all(doc, "tbody").get(0), "tr").get(index);
    }

    private static String cell(Element row, String column) {
        return one(row, "td", column).getTextContent();
    }
}
