package dev.touchstone.report;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A metric across slices as a standalone SVG 1.1 document: one point per slice with whiskers
 * from the interval's low to high bound, coloured by verdict, and a dashed line at the
 * expectation's bound (two lines, with the accepted band shaded, for {@code between}).
 *
 * <p>For a comparison with a baseline or a champion, each slice also has the reference's value
 * (a diamond joined to the point, so a fall from 0.94 to 0.04 reads as its length), and a second
 * panel underneath draws the difference model − reference with its interval, the zero line and
 * the tolerance.
 *
 * <p>The y axes have 4 to 6 round ticks and cover every value, interval bound, reference and
 * threshold, whatever the metric's range (proportions, errors, log loss, sizes). Slice names are
 * on the x axis, rotated when they do not fit. A slice whose metric is undefined is a hollow
 * marker on the x axis labelled "undefined"; a slice whose value is defined but whose interval
 * is not is a hollow marker at its value labelled "no interval", so no information is hidden.
 * Every slice has a tooltip with its value, interval, n, verdict and reason. Readable from 1 to
 * about 60 slices; presentation attributes only (no CSS, no scripts, no external resources).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SliceChartSvg {

    /** Height of the plotting area in pixels. */
    static final double PLOT_HEIGHT = DotChart.PLOT_HEIGHT;
    static final double PLOT_TOP = DotChart.PLOT_TOP;

    private SliceChartSvg() {
    }

    /**
     * @param slices the results to draw, in x-axis order (usually one statement's slices); may
     *               be empty, which draws an empty, labelled chart
     * @return an SVG 1.1 document with an XML declaration
     */
    public static String of(List<SliceResult> slices) {
        Objects.requireNonNull(slices, "slices");
        List<SliceResult> list = List.copyOf(slices);
        String metric = Facts.distinct(list, SliceResult::metric);
        List<DotChart.Point> points = new ArrayList<>();
        for (SliceResult s : list) {
            points.add(point(s));
        }
        Optional<ComparisonResult> comparison = list.stream().map(SliceResult::comparison)
                .filter(Optional::isPresent).map(Optional::get).findFirst();
        String referenceLegend = comparison.map(c -> Comparisons.referenceName(c.source())).orElse(null);
        DotChart.Differences differences = comparison.map(c -> new DotChart.Differences(
                (metric.isEmpty() ? "metric" : metric) + " \u2212 " + Comparisons.referenceName(c.source())
                        + ": difference and its " + Markup.percent(c.interval().level()) + " interval",
                c.margin() > 0 ? (c.higherIsBetter() ? -c.margin() : c.margin()) : Double.NaN,
                "tolerance " + Markup.number(c.higherIsBetter() ? -c.margin() : c.margin(), 4, RoundingMode.HALF_EVEN)))
                .orElse(null);
        List<double[]> bands = new ArrayList<>();
        for (Expectation e : expectations(list)) {
            if (e.kind() == Expectation.Kind.BETWEEN && Double.isFinite(e.threshold()) && Double.isFinite(e.upper())) {
                bands.add(new double[] {Math.min(e.threshold(), e.upper()), Math.max(e.threshold(), e.upper())});
            }
        }
        return DotChart.render(new DotChart.Spec((metric.isEmpty() ? "metric" : metric) + " by slice", subtitle(list),
                metric.isEmpty() ? "metric" : metric, points, thresholds(list), bands, referenceLegend, differences,
                "no slices were evaluated"));
    }

    private static DotChart.Point point(SliceResult s) {
        MetricValue v = s.value();
        double value = Facts.hasValue(v) ? v.value() : Double.NaN;
        double low = Facts.hasValue(v) && Facts.hasInterval(v) ? v.interval().low() : Double.NaN;
        double high = Facts.hasValue(v) && Facts.hasInterval(v) ? v.interval().high() : Double.NaN;
        double reference = Double.NaN;
        double difference = Double.NaN;
        double differenceLow = Double.NaN;
        double differenceHigh = Double.NaN;
        if (s.comparison().isPresent()) {
            ComparisonResult c = s.comparison().get();
            reference = Double.isFinite(c.referenceValue()) ? c.referenceValue() : Double.NaN;
            difference = Double.isFinite(c.difference()) ? c.difference() : Double.NaN;
            if (c.interval() != null && c.interval().isDefined()) {
                differenceLow = c.interval().low();
                differenceHigh = c.interval().high();
            }
        }
        return new DotChart.Point(s.slice(), s.verdict(), value, low, high, tooltip(s), reference, difference,
                differenceLow, differenceHigh, "undefined");
    }

    private static Set<Expectation> expectations(List<SliceResult> list) {
        Set<Expectation> set = new LinkedHashSet<>();
        for (SliceResult s : list) {
            if (s.expectation() != null) {
                set.add(s.expectation());
            }
        }
        return set;
    }

    static List<DotChart.Line> thresholds(List<SliceResult> list) {
        List<DotChart.Line> lines = new ArrayList<>();
        Set<Double> seen = new LinkedHashSet<>();
        for (Expectation e : expectations(list)) {
            lines.addAll(thresholds(e, seen));
        }
        return lines;
    }

    /** The dashed lines of one expectation's bounds; none for a comparison. */
    static List<DotChart.Line> thresholds(Expectation e, Set<Double> seen) {
        List<DotChart.Line> lines = new ArrayList<>();
        if (e == null || e.isComparison()) {
            return lines;
        }
        int decimals = e.decimals();
        if (e.kind() == Expectation.Kind.BETWEEN) {
            add(lines, seen, new DotChart.Line(e.threshold(), "\u2265 " + fmt(e.threshold(), decimals), true, false));
            add(lines, seen, new DotChart.Line(e.upper(), "\u2264 " + fmt(e.upper(), decimals), false, true));
        } else {
            String symbol = switch (e.kind()) {
                case ABOVE -> ">";
                case AT_LEAST -> "\u2265";
                case BELOW -> "<";
                default -> "\u2264";
            };
            add(lines, seen, new DotChart.Line(e.threshold(), symbol + " " + fmt(e.threshold(), decimals), false, false));
        }
        return lines;
    }

    private static void add(List<DotChart.Line> lines, Set<Double> seen, DotChart.Line line) {
        if (Double.isFinite(line.value()) && seen.add(line.value())) {
            lines.add(line);
        }
    }

    private static String fmt(double value, int decimals) {
        return Markup.number(value, decimals, RoundingMode.HALF_EVEN);
    }

    private static String subtitle(List<SliceResult> list) {
        List<String> parts = new ArrayList<>();
        String models = Facts.distinct(list, SliceResult::model);
        String datasets = Facts.distinct(list, SliceResult::dataset);
        if (!models.isEmpty() || !datasets.isEmpty()) {
            parts.add((models.isEmpty() ? "model" : models) + (datasets.isEmpty() ? "" : " on " + datasets));
        }
        String expected = Facts.distinct(list, s -> Facts.expectation(s.expectation()));
        if (!expected.isEmpty()) {
            parts.add("expected " + expected);
        }
        String intervals = Facts.distinct(list, s -> Facts.hasInterval(s.value())
                ? Markup.percent(s.value().interval().level()) + " " + s.value().interval().method() + " intervals"
                : null);
        if (!intervals.isEmpty()) {
            parts.add(intervals);
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String tooltip(SliceResult s) {
        MetricValue v = s.value();
        StringBuilder tip = new StringBuilder(s.slice()).append(": ").append(v.metric()).append(' ');
        if (Facts.hasValue(v)) {
            tip.append(Facts.value(s));
            if (Facts.hasInterval(v)) {
                tip.append(" [").append(Facts.low(s)).append(", ").append(Facts.high(s)).append("] ");
            } else {
                tip.append(" (no interval: ").append(Facts.undefinedIntervalReason(v)).append(") ");
            }
        } else {
            tip.append("undefined (").append(Facts.undefinedReason(v)).append(") ");
        }
        tip.append(Markup.percent(v.interval().level())).append(' ').append(v.interval().method())
                .append(", n = ").append(Markup.count(v.n()));
        s.comparison().ifPresent(c -> tip.append("; ").append(Comparisons.referenceName(c.source())).append(' ')
                .append(Comparisons.reference(c)).append(", difference ").append(Comparisons.difference(c)));
        tip.append(" \u2014 ").append(s.verdict().name());
        if (s.reason() != null && !s.reason().isBlank()) {
            tip.append(": ").append(s.reason());
        }
        return tip.toString();
    }
}
