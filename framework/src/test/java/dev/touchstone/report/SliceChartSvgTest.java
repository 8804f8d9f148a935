package dev.touchstone.report;

import static dev.touchstone.report.Fixtures.AT_LEAST_080_95;
import static dev.touchstone.report.Fixtures.recall;
import static dev.touchstone.report.Fixtures.result;
import static dev.touchstone.report.Xml.all;
import static dev.touchstone.report.Xml.children;
import static dev.touchstone.report.Xml.number;
import static dev.touchstone.report.Xml.one;
import static dev.touchstone.report.Xml.withClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SliceChartSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    /** Five slices whose intervals reach exactly 0 and 1, so the axis is [0, 1]. */
    private static List<SliceResult> unitRange() {
        return List.of(
                recall("camera=front", 0.93, 0.90, 1.0, 12_412, Verdict.PASSED),
                recall("camera=rear", 0.84, 0.77, 0.89, 412, Verdict.INCONCLUSIVE),
                recall("camera=side", 0.30, 0.0, 0.55, 20, Verdict.FAILED),
                recall("camera=top", 0.85, 0.82, 0.88, 2_000, Verdict.PASSED),
                recall("camera=dash", 0.79, 0.70, 0.86, 300, Verdict.INCONCLUSIVE));
    }

    @Test
    void isAStandaloneSvg11Document() {
        String svg = SliceChartSvg.of(unitRange());
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document doc = Xml.parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getAttribute("version")).isEqualTo("1.1");
        double width = number(root, "width");
        double height = number(root, "height");
        assertThat(width).isPositive();
        assertThat(height).isPositive();
        assertThat(root.getAttribute("viewBox").split(" "))
                .containsExactly("0", "0", root.getAttribute("width"), root.getAttribute("height"));
        assertThat(all(doc, "*")).allSatisfy(e -> assertThat(e.getNamespaceURI()).isEqualTo(SVG));
        assertThat(Xml.elementNames(doc)).doesNotContain("script", "image", "foreignObject", "a", "style", "use");
        assertThat(svg).doesNotContain("href", "url(", "http://www.w3.org/1999/xlink");
        assertThat(children(root, "title")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).isEqualTo("recall by slice"));
        assertThat(one(doc, "text", "title").getTextContent()).isEqualTo("recall by slice");
        assertThat(one(doc, "text", "y-title").getTextContent()).isEqualTo("recall");
    }

    @Test
    void onePointWhiskerAndLabelPerSlice() {
        Document doc = Xml.parse(SliceChartSvg.of(unitRange()));
        assertThat(withClass(doc, "g", "slice")).hasSize(5);
        assertThat(withClass(doc, "circle", "point")).hasSize(5);
        assertThat(withClass(doc, "line", "whisker")).hasSize(5);
        assertThat(withClass(doc, "line", "cap")).hasSize(10);
        assertThat(withClass(doc, "text", "x-label").stream().map(Element::getTextContent))
                .containsExactly("camera=front", "camera=rear", "camera=side", "camera=top", "camera=dash");
        // points go left to right in slice order, inside the plot
        Element plot = one(doc, "rect", "plot-area");
        double left = number(plot, "x");
        double right = left + number(plot, "width");
        List<Double> xs = withClass(doc, "circle", "point").stream().map(c -> number(c, "cx")).toList();
        assertThat(xs).isSorted().allSatisfy(x -> assertThat(x).isBetween(left, right));
    }

    @Test
    void thresholdPointsAndWhiskersSitOnTheScale() {
        Document doc = Xml.parse(SliceChartSvg.of(unitRange()));
        assertThat(withClass(doc, "g", "tick").stream().map(t -> t.getAttribute("data-value")))
                .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        Element plot = one(doc, "rect", "plot-area");
        double top = number(plot, "y");
        double height = number(plot, "height");
        assertThat(height).isEqualTo(SliceChartSvg.PLOT_HEIGHT);

        Element threshold = one(doc, "g", "threshold");
        assertThat(threshold.getAttribute("data-value")).isEqualTo("0.8");
        Element line = all(threshold, "line").get(0);
        assertThat(number(line, "y1")).isCloseTo(top + height * (1 - 0.8), within(0.01));
        assertThat(number(line, "y2")).isEqualTo(number(line, "y1"));
        assertThat(line.getAttribute("stroke-dasharray")).isNotBlank();
        assertThat(number(line, "x1")).isEqualTo(number(plot, "x"));
        assertThat(number(line, "x2")).isCloseTo(number(plot, "x") + number(plot, "width"), within(0.01));
        assertThat(all(threshold, "text").get(0).getTextContent()).isEqualTo("\u2265 0.800");

        // tick at 1.0 on the top edge, 0.0 on the bottom edge
        for (Element tick : withClass(doc, "g", "tick")) {
            double value = Double.parseDouble(tick.getAttribute("data-value"));
            assertThat(number(all(tick, "line").get(0), "y1")).isCloseTo(top + height * (1 - value), within(0.01));
        }
        // the side camera: point at 0.30, whisker from 0.0 to 0.55
        Element side = slice(doc, "camera=side");
        assertThat(number(all(side, "circle").get(0), "cy")).isCloseTo(top + height * 0.7, within(0.01));
        Element whisker = withClass(side, "line", "whisker").get(0);
        assertThat(number(whisker, "y1")).isCloseTo(top + height * 0.45, within(0.01));
        assertThat(number(whisker, "y2")).isCloseTo(top + height, within(0.01));
    }

    @Test
    void pointsAreColouredByVerdict() {
        List<SliceResult> slices = new ArrayList<>(unitRange());
        slices.add(recall("camera=broken", 0.5, 0.4, 0.6, 10, Verdict.ERROR));
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        for (Element group : withClass(doc, "g", "slice")) {
            Verdict verdict = Verdict.valueOf(group.getAttribute("data-verdict"));
            String colour = switch (verdict) {
                case PASSED -> "#2e7d32";
                case FAILED -> "#c62828";
                case INCONCLUSIVE -> "#e69b00";
                case ERROR -> "#6a1b9a";
            };
            assertThat(all(group, "circle").get(0).getAttribute("fill")).as(verdict.name()).isEqualTo(colour);
            assertThat(all(group, "line").get(0).getAttribute("stroke")).as(verdict.name()).isEqualTo(colour);
        }
        assertThat(slice(doc, "camera=side").getAttribute("data-verdict")).isEqualTo("FAILED");
        assertThat(all(one(doc, "g", "legend"), "text").stream().map(Element::getTextContent))
                .containsExactly("PASSED", "FAILED", "INCONCLUSIVE", "ERROR", "threshold");
    }

    @Test
    void betweenDrawsTwoDashedLinesAndTheBandBetweenThem() {
        Expectation between = Expectation.between(0.8, 0.9, OptionalDouble.of(0.95));
        List<SliceResult> slices = List.of(
                result("a", "accuracy", 0.85, 0.0, 0.95, 100, between, Verdict.INCONCLUSIVE),
                result("b", "accuracy", 0.86, 0.82, 1.0, 100, between, Verdict.INCONCLUSIVE));
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        Element plot = one(doc, "rect", "plot-area");
        double top = number(plot, "y");
        double height = number(plot, "height");
        List<Element> thresholds = withClass(doc, "g", "threshold");
        assertThat(thresholds).hasSize(2);
        assertThat(thresholds.stream().map(t -> t.getAttribute("data-value"))).containsExactly("0.8", "0.9");
        assertThat(number(all(thresholds.get(0), "line").get(0), "y1")).isCloseTo(top + height * 0.2, within(0.01));
        assertThat(number(all(thresholds.get(1), "line").get(0), "y1")).isCloseTo(top + height * 0.1, within(0.01));
        assertThat(thresholds).allSatisfy(t -> assertThat(all(t, "line").get(0).getAttribute("stroke-dasharray")).isNotBlank());
        assertThat(thresholds.stream().map(t -> all(t, "text").get(0).getTextContent()))
                .containsExactly("\u2265 0.800", "\u2264 0.900");
        Element band = one(doc, "rect", "band");
        assertThat(number(band, "y")).isCloseTo(top + height * 0.1, within(0.01));
        assertThat(number(band, "height")).isCloseTo(height * 0.1, within(0.01));
        assertThat(one(doc, "text", "subtitle").getTextContent()).contains("expected between 0.800 and 0.900 with 95% confidence");
    }

    @Test
    void undefinedSliceIsAHollowMarkerOnTheAxisLabelledUndefined() {
        List<SliceResult> slices = List.of(
                recall("camera=front", 0.93, 0.90, 0.95, 1000, Verdict.PASSED),
                Fixtures.undefined("camera=empty", "no positive examples"));
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        Element plot = one(doc, "rect", "plot-area");
        double bottom = number(plot, "y") + number(plot, "height");

        Element empty = slice(doc, "camera=empty");
        Element marker = withClass(empty, "circle", "point").get(0);
        assertThat(Xml.hasClass(marker, "undefined")).isTrue();
        assertThat(marker.getAttribute("fill")).isEqualTo("#ffffff");
        assertThat(marker.getAttribute("stroke")).isEqualTo("#e69b00");
        assertThat(number(marker, "cy")).isEqualTo(bottom);
        assertThat(withClass(empty, "line", "whisker")).isEmpty();
        assertThat(one(empty, "text", "undefined-label").getTextContent()).isEqualTo("undefined");
        assertThat(children(empty, "title").get(0).getTextContent())
                .contains("camera=empty", "undefined (no positive examples)", "INCONCLUSIVE");
        // the conventional value 0 does not stretch the axis
        assertThat(withClass(doc, "g", "tick").get(0).getAttribute("data-value")).isNotEqualTo("0");
        assertThat(withClass(doc, "g", "tick").get(0).getAttribute("data-value")).isNotEqualTo("0.0");
        assertThat(withClass(doc, "circle", "point")).hasSize(2);
        assertThat(withClass(doc, "line", "whisker")).hasSize(1);
    }

    @Test
    void valueWithoutIntervalIsAHollowMarkerAtItsValue() {
        List<SliceResult> slices = List.of(
                recall("a", 0.5, 0.0, 1.0, 1000, Verdict.PASSED),
                Fixtures.withoutInterval("b", 0.6));
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        Element plot = one(doc, "rect", "plot-area");
        Element b = slice(doc, "b");
        Element marker = withClass(b, "circle", "point").get(0);
        assertThat(Xml.hasClass(marker, "no-interval")).isTrue();
        assertThat(marker.getAttribute("fill")).isEqualTo("#ffffff");
        assertThat(number(marker, "cy")).isCloseTo(number(plot, "y") + number(plot, "height") * 0.4, within(0.01));
        assertThat(withClass(b, "line", "whisker")).isEmpty();
        assertThat(one(b, "text", "undefined-label").getTextContent()).isEqualTo("no interval");
    }

    @Test
    void axisCoversMetricsOutsideTheUnitInterval() {
        Expectation atMost = Expectation.of(Expectation.Kind.AT_MOST, 5.0, OptionalDouble.empty());
        List<SliceResult> mae = List.of(
                result("region=north", "mae", 2.3, 1.9, 2.8, 500, atMost, Verdict.PASSED),
                result("region=south", "mae", 6.4, 5.1, 7.9, 300, atMost, Verdict.FAILED));
        assertAxisCovers(Xml.parse(SliceChartSvg.of(mae)), 1.9, 7.9);

        Expectation atLeast = Expectation.of(Expectation.Kind.AT_LEAST, 1000, OptionalDouble.empty());
        List<SliceResult> size = List.of(
                result("store=1", "size", 12_345, 12_345, 12_345, 12_345, atLeast, Verdict.PASSED),
                result("store=2", "size", 380, 380, 380, 380, atLeast, Verdict.FAILED));
        assertAxisCovers(Xml.parse(SliceChartSvg.of(size)), 380, 12_345);

        Expectation above = Expectation.of(Expectation.Kind.ABOVE, 0.0, OptionalDouble.empty());
        List<SliceResult> r2 = List.of(result("all", "r2", -0.35, -0.6, -0.1, 50, above, Verdict.FAILED));
        Document doc = Xml.parse(SliceChartSvg.of(r2));
        assertAxisCovers(doc, -0.6, 0.0);
        assertThat(one(doc, "g", "threshold").getAttribute("data-value")).isEqualTo("0.0");
    }

    @Test
    void hostileNamesAreEscaped() {
        String script = "<script>alert('x')</script>";
        String amp = "a&b \"quoted\" 'single'";
        Expectation e = AT_LEAST_080_95;
        List<SliceResult> slices = List.of(
                withNames("m&<model>", "d\"s", script, "recall(class=<b>&)", e, Verdict.FAILED),
                withNames("m&<model>", "d\"s", amp, "recall(class=<b>&)", e, Verdict.PASSED),
                withNames("m&<model>", "d\"s", "ctrl\u0000\u001b]]>--", "recall(class=<b>&)", e, Verdict.PASSED));
        String svg = SliceChartSvg.of(slices);
        assertThat(svg).doesNotContain("<script", "<b>", "<model>");
        Document doc = Xml.parse(svg);
        assertThat(Xml.elementNames(doc)).doesNotContain("script", "b", "model");
        assertThat(withClass(doc, "g", "slice").stream().map(g -> g.getAttribute("data-slice")))
                .containsExactly(script, amp, "ctrl\uFFFD\uFFFD]]>--");
        assertThat(withClass(doc, "text", "x-label").get(1).getTextContent()).isEqualTo(amp);
        assertThat(one(doc, "text", "title").getTextContent()).isEqualTo("recall(class=<b>&) by slice");
        assertThat(one(doc, "text", "subtitle").getTextContent()).startsWith("m&<model> on d\"s");
        assertThat(children(slice(doc, script), "title").get(0).getTextContent()).startsWith(script + ": ");
    }

    @Test
    void longNamesAreTruncatedWithTheFullNameAsTooltipAndRotated() {
        String name = "store_region=north-east-metropolitan-area-with-a-very-long-name";
        List<SliceResult> slices = new ArrayList<>();
        slices.add(recall(name, 0.9, 0.85, 0.95, 100, Verdict.PASSED));
        for (int i = 0; i < 7; i++) {
            slices.add(recall("s" + i, 0.9, 0.85, 0.95, 100, Verdict.PASSED));
        }
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        Element label = withClass(doc, "text", "x-label").get(0);
        assertThat(label.getAttribute("transform")).startsWith("rotate(-45");
        // rotated labels hang down and left from their tick: the first must not leave the image
        String visible = label.getLastChild().getNodeValue();
        assertThat(visible).hasSize(32).endsWith("\u2026").startsWith(name.substring(0, 31));
        double x = number(label, "x");
        assertThat(x - visible.length() * 6.4 * Math.sqrt(0.5)).isGreaterThanOrEqualTo(0);
        assertThat(children(label, "title").get(0).getTextContent()).isEqualTo(name);
    }

    @Test
    void shortNamesOnFewSlicesAreNotRotated() {
        Document doc = Xml.parse(SliceChartSvg.of(unitRange()));
        assertThat(withClass(doc, "text", "x-label"))
                .allSatisfy(l -> assertThat(l.getAttribute("transform")).isEmpty());
    }

    @Test
    void sixtySlicesStillRender() {
        List<SliceResult> slices = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double v = 0.70 + (i % 13) * 0.02;
            Verdict verdict = v - 0.03 >= 0.8 ? Verdict.PASSED : v + 0.03 < 0.8 ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            slices.add(recall("store=" + (1000 + i), v, v - 0.03, v + 0.03, 100 + i, verdict));
        }
        slices.set(17, Fixtures.undefined("store=1017", "empty slice"));
        Document doc = Xml.parse(SliceChartSvg.of(slices));
        Element root = doc.getDocumentElement();
        double width = number(root, "width");
        double height = number(root, "height");
        assertThat(withClass(doc, "g", "slice")).hasSize(60);
        assertThat(withClass(doc, "circle", "point")).hasSize(60);
        assertThat(withClass(doc, "line", "whisker")).hasSize(59);
        assertThat(withClass(doc, "text", "undefined-label")).hasSize(1);
        List<Element> labels = withClass(doc, "text", "x-label");
        assertThat(labels).hasSize(60).allSatisfy(l -> {
            assertThat(l.getAttribute("transform")).startsWith("rotate(-45");
            assertThat(number(l, "x")).isBetween(0.0, width);
            assertThat(number(l, "y")).isBetween(0.0, height);
        });
        List<Double> xs = withClass(doc, "circle", "point").stream().map(c -> number(c, "cx")).toList();
        assertThat(xs).isSorted();
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i) - xs.get(i - 1)).as("slot width").isGreaterThanOrEqualTo(16);
        }
        Element plot = one(doc, "rect", "plot-area");
        assertThat(number(plot, "x") + number(plot, "width")).isLessThan(width);
        assertThat(width).isLessThan(2000);
        assertThat(withClass(doc, "g", "tick")).hasSizeBetween(4, 6);
    }

    @Test
    void oneSliceAndNoSliceRender() {
        Document one = Xml.parse(SliceChartSvg.of(List.of(recall("overall", 0.91, 0.89, 0.93, 5000, Verdict.PASSED))));
        assertThat(withClass(one, "circle", "point")).hasSize(1);
        assertThat(withClass(one, "g", "tick")).hasSizeBetween(4, 6);
        Element plot = one(one, "rect", "plot-area");
        double cx = number(withClass(one, "circle", "point").get(0), "cx");
        assertThat(cx).isCloseTo(number(plot, "x") + number(plot, "width") / 2, within(0.01));

        Document none = Xml.parse(SliceChartSvg.of(List.of()));
        assertThat(withClass(none, "g", "slice")).isEmpty();
        assertThat(one(none, "text", "empty").getTextContent()).isEqualTo("no slices were evaluated");
        assertThat(withClass(none, "g", "tick")).hasSizeBetween(4, 6);
    }

    @Test
    void nonFiniteValuesAreTreatedAsUndefined() {
        MetricValue nan = new MetricValue("log_loss", "x", Double.POSITIVE_INFINITY, 10,
                new Interval(1.0, Double.POSITIVE_INFINITY, 0.95, "bootstrap-percentile"),
                Optional.empty(), List.of(), Optional.empty());
        SliceResult result = new SliceResult("m", "d", "x", nan,
                Expectation.of(Expectation.Kind.AT_MOST, 0.7, OptionalDouble.empty()), Verdict.FAILED, "r",
                OptionalLong.empty(), "msg");
        Document doc = Xml.parse(SliceChartSvg.of(List.of(result, result("y", "log_loss", 0.4, 0.3, 0.5, 10,
                Expectation.of(Expectation.Kind.AT_MOST, 0.7, OptionalDouble.empty()), Verdict.PASSED))));
        assertThat(withClass(doc, "circle", "undefined")).hasSize(1);
        assertThat(withClass(doc, "line", "whisker")).hasSize(1);
        assertThat(Xml.parse(SliceChartSvg.of(List.of(result))).getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void noExpectationMeansNoThreshold() {
        SliceResult plain = new SliceResult(null, null, null, new MetricValue("size", "all", 3, 3,
                new Interval(3, 3, 0.95, "exact"), Optional.empty(), List.of(), Optional.empty()), null,
                Verdict.PASSED, null, null, null);
        Document doc = Xml.parse(SliceChartSvg.of(List.of(plain)));
        assertThat(withClass(doc, "g", "threshold")).isEmpty();
        assertThat(withClass(doc, "circle", "point")).hasSize(1);
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> SliceChartSvg.of(null));
    }

    private static SliceResult withNames(String model, String dataset, String slice, String metric, Expectation e,
            Verdict verdict) {
        MetricValue v = new MetricValue(metric, slice, 0.85, 100, new Interval(0.8, 0.9, 0.95, "wilson"),
                Optional.empty(), List.of(), Optional.empty());
        return new SliceResult(model, dataset, slice, v, e, verdict, "<i>reason</i> & more", OptionalLong.empty(), "m");
    }

    private static Element slice(Document doc, String name) {
        return withClass(doc, "g", "slice").stream().filter(g -> g.getAttribute("data-slice").equals(name))
                .findFirst().orElseThrow();
    }

    private static void assertAxisCovers(Document doc, double min, double max) {
        List<Element> ticks = withClass(doc, "g", "tick");
        assertThat(ticks).hasSizeBetween(4, 6);
        double low = Double.parseDouble(ticks.get(0).getAttribute("data-value"));
        double high = Double.parseDouble(ticks.get(ticks.size() - 1).getAttribute("data-value"));
        assertThat(low).isLessThanOrEqualTo(min);
        assertThat(high).isGreaterThanOrEqualTo(max);
        // every drawn y lies within the plot
        Element plot = one(doc, "rect", "plot-area");
        double top = number(plot, "y");
        double bottom = top + number(plot, "height");
        for (Element c : withClass(doc, "circle", "point")) {
            assertThat(number(c, "cy")).isBetween(top, bottom);
        }
        for (Element w : withClass(doc, "line", "whisker")) {
            assertThat(number(w, "y1")).isBetween(top, bottom);
            assertThat(number(w, "y2")).isBetween(top, bottom);
        }
    }
}
