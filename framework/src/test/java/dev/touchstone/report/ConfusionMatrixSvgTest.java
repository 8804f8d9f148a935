package dev.touchstone.report;

import static dev.touchstone.report.Xml.number;
import static dev.touchstone.report.Xml.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.metric.ConfusionCounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The confusion matrix attachment is sized to its content, so a page shows every row. */
class ConfusionMatrixSvgTest {

    private static final ConfusionCounts THREE = new ConfusionCounts(List.of("cat", "dog", "bird"),
            new long[] {50, 3, 2, 4, 40, 6, 1, 2, 30});

    @Test
    void every_cell_lies_inside_the_document_s_declared_size() {
        Document doc = Xml.parse(ConfusionMatrixSvg.of("detector on pets, slice overall", THREE));
        Element root = doc.getDocumentElement();
        double width = number(root, "width");
        double height = number(root, "height");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + root.getAttribute("width") + " "
                + root.getAttribute("height"));
        List<Element> cells = withClass(doc, "g", "cell");
        assertThat(cells).hasSize(9);
        for (Element cell : cells) {
            Element rect = Xml.all(cell, "rect").get(0);
            assertThat(number(rect, "x") + number(rect, "width")).isLessThanOrEqualTo(width);
            assertThat(number(rect, "y") + number(rect, "height")).isLessThanOrEqualTo(height);
        }
        // the last row is drawn below the first: the document grows with its rows
        double firstRow = number(Xml.all(cells.get(0), "rect").get(0), "y");
        double lastRow = number(Xml.all(cells.get(8), "rect").get(0), "y");
        assertThat(lastRow).isGreaterThan(firstRow);
    }

    @Test
    void a_matrix_with_more_classes_is_taller() {
        ConfusionCounts five = new ConfusionCounts(List.of("a", "b", "c", "d", "e"), new long[25]);
        double three = number(Xml.parse(ConfusionMatrixSvg.of("t", THREE)).getDocumentElement(), "height");
        double fiveHigh = number(Xml.parse(ConfusionMatrixSvg.of("t", five)).getDocumentElement(), "height");
        assertThat(fiveHigh).isGreaterThan(three);
    }
}
