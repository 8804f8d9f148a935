package dev.touchstone.gate;

import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.metric.internal.builtin.Range;
import java.util.Optional;

/** What the gate knows of metric names as the results file writes them: direction and range, from each metric's definition. */
final class Metrics {

    private Metrics() {
    }

    /** Whether larger values are better; unknown (custom) metrics are taken as higher-is-better. */
    static boolean higherIsBetter(String metric) {
        return BuiltInMetrics.forResultName(metric).map(BuiltInMetric::higherIsBetter).orElse(true);
    }

    /** The values a built-in metric can take; empty for custom metrics. */
    static Optional<Range> range(String metric) {
        return BuiltInMetrics.forResultName(metric).map(BuiltInMetric::range);
    }
}
