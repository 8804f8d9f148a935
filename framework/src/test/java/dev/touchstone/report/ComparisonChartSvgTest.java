package dev.touchstone.report;

import static dev.touchstone.report.Xml.number;
import static dev.touchstone.report.Xml.one;
import static dev.touchstone.report.Xml.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Power;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The per-slice chart of a comparison: current value, the baseline's, and the difference with its interval. */
class ComparisonChartSvgTest {

    private static final Expectation NOT_WORSE = Expectation.of(Expectation.Kind.NOT_SIGNIFICANTLY_WORSE_THAN, 0.02,
            OptionalDouble.of(0.95));

    private static SliceResult compared(String slice, double value, double reference, Verdict verdict) {
        double difference = value - reference;
        MetricValue v = new MetricValue("accuracy", slice, value, 400, new Interval(value - 0.02, Math.min(1, value + 0.02),
                0.95, "wilson"), Optional.empty(), List.of(), Optional.empty());
        ComparisonResult c = new ComparisonResult("previous-run", reference, 400, true, "id", difference,
                new Interval(difference - 0.03, difference + 0.03, 0.95, "newcombe"), "mcnemar-exact", 0,
                verdict == Verdict.FAILED ? 1e-9 : 0.4, Double.NaN, 0.05, null, "", Double.NaN, 0.02, true, 0.8,
                Power.normal(0.01), 1, Double.NaN);
        return new SliceResult("detector-v8", "detections", slice, v, NOT_WORSE, verdict, "reason", OptionalLong.empty(),
                "message", Optional.of(c));
    }

    /** A collapse from 0.94 to 0.04 on one slice, a steady 0.93 on another. */
    private static List<SliceResult> collapse() {
        return List.of(compared("site=hospital_a", 0.04, 0.94, Verdict.FAILED),
                compared("site=hospital_b", 0.93, 0.93, Verdict.PASSED));
    }

    @Test
    void the_axis_covers_both_the_current_values_and_the_baseline() {
        Document doc = Xml.parse(SliceChartSvg.of(collapse()));
        List<BigDecimal> ticks = withClass(doc, "g", "tick").stream().map(t -> new BigDecimal(t.getAttribute("data-value")))
                .toList();
        assertThat(ticks.get(0)).isLessThanOrEqualTo(new BigDecimal("0.02"));
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(new BigDecimal("0.95"));
    }

    @Test
    void each_slice_has_a_baseline_mark_at_the_baseline_s_value() {
        Document doc = Xml.parse(SliceChartSvg.of(collapse()));
        // one mark per slice, in the slice's group (the legend has one more)
        List<Element> marks = withClass(doc, "g", "slice").stream().flatMap(g -> withClass(g, "path", "baseline").stream())
                .toList();
        assertThat(marks).hasSize(2);
        // the collapsed slice: its point far below its baseline mark (SVG's y grows downwards)
        Element plot = one(doc, "rect", "plot-area");
        double top = number(plot, "y");
        double bottom = top + number(plot, "height");
        double point = number(withClass(doc, "circle", "point").get(0), "cy");
        double mark = Double.parseDouble(marks.get(0).getAttribute("d").replaceAll("^M\\S+ (\\S+) .*$", "$1"));
        assertThat(point).isBetween(top, bottom);
        assertThat(point - mark).isGreaterThan(0.7 * (bottom - top));
    }

    @Test
    void a_second_panel_shows_the_difference_with_its_interval_a_zero_line_and_the_tolerance() {
        Document doc = Xml.parse(SliceChartSvg.of(collapse()));
        assertThat(withClass(doc, "g", "difference")).hasSize(2);
        assertThat(withClass(doc, "circle", "difference-point")).hasSize(2);
        assertThat(withClass(doc, "g", "zero-line")).hasSize(1);
        assertThat(withClass(doc, "g", "tolerance-line")).singleElement()
                .satisfies(t -> assertThat(Double.parseDouble(t.getAttribute("data-value"))).isEqualTo(-0.02));
        List<BigDecimal> ticks = withClass(doc, "g", "difference-tick").stream()
                .map(t -> new BigDecimal(t.getAttribute("data-value"))).toList();
        assertThat(ticks.get(0)).isLessThanOrEqualTo(new BigDecimal("-0.93"));
    }

    @Test
    void the_evidence_table_fills_baseline_difference_and_p_value() {
        String html = EvidenceHtml.fragment(collapse(), null);
        assertThat(html).contains("0.9400", "baseline previous-run", "-0.9000", "&lt; 0.0001", "mcnemar-exact");
    }
}
