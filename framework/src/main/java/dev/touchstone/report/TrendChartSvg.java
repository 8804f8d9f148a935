package dev.touchstone.report;

import dev.touchstone.result.Expectation;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A metric over runs for one check and slice, as a standalone SVG 1.1 document: one point per
 * run, oldest first, with its interval as whiskers and coloured by that run's verdict, the
 * current bound as a dashed line and, for comparisons, each run's reference value as a diamond.
 * Where Allure's own trend counts statuses, this one shows the number a status hides: a recall
 * that slides from 0.95 to 0.91 over ten green runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TrendChartSvg {

    /**
     * One run's value.
     *
     * @param run       the run's label on the x axis (its date and time)
     * @param value     the metric's value, NaN when undefined
     * @param low       the interval's bounds, NaN without an interval
     * @param reference the reference the run was compared with, NaN when none
     */
    public record Point(String run, Verdict verdict, double value, double low, double high, double level, long n,
            double reference) {

        public Point {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    private TrendChartSvg() {
    }

    /**
     * @param metric        the metric's name (the y axis)
     * @param slice         the slice's name
     * @param points        the runs, oldest first; at most a few dozen read well
     * @param expectation   the latest run's expectation, whose bound is drawn; null for none
     * @param referenceName what the reference is ("baseline previous-run"), null when there is none
     * @return an SVG 1.1 document with an XML declaration
     */
    public static String of(String metric, String slice, List<Point> points, @Nullable Expectation expectation,
            @Nullable String referenceName) {
        Objects.requireNonNull(points, "points");
        List<DotChart.Point> dots = new ArrayList<>();
        for (Point p : points) {
            StringBuilder tip = new StringBuilder(p.run()).append(": ").append(metric).append(' ');
            if (Double.isFinite(p.value())) {
                tip.append(Markup.number(p.value(), Facts.DECIMALS, java.math.RoundingMode.HALF_EVEN));
                if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                    tip.append(" [").append(Markup.number(p.low(), Facts.DECIMALS, java.math.RoundingMode.FLOOR))
                            .append(", ").append(Markup.number(p.high(), Facts.DECIMALS, java.math.RoundingMode.CEILING))
                            .append("] ").append(Markup.percent(p.level()));
                }
            } else {
                tip.append("undefined");
            }
            tip.append(", n = ").append(Markup.count(p.n()));
            if (Double.isFinite(p.reference())) {
                tip.append("; ").append(referenceName == null ? "reference" : referenceName).append(' ')
                        .append(Markup.number(p.reference(), Facts.DECIMALS, java.math.RoundingMode.HALF_EVEN));
            }
            tip.append(" \u2014 ").append(p.verdict().name());
            dots.add(new DotChart.Point(p.run(), p.verdict(), Double.isFinite(p.value()) ? p.value() : Double.NaN,
                    p.low(), p.high(), tip.toString(), p.reference(), Double.NaN, Double.NaN, Double.NaN, "undefined"));
        }
        boolean references = points.stream().anyMatch(p -> Double.isFinite(p.reference()));
        String subtitle = "slice " + slice + " \u00b7 " + points.size() + (points.size() == 1 ? " run" : " runs")
                + " (latest on the right)"
                + (expectation == null ? "" : " \u00b7 expected " + expectation.describe(expectation.decimals()));
        return DotChart.render(new DotChart.Spec(metric + " over runs", subtitle, metric, dots,
                SliceChartSvg.thresholds(expectation, new LinkedHashSet<>()), List.of(),
                references ? (referenceName == null ? "reference" : referenceName) : null, null, "no runs recorded yet"));
    }
}
