package dev.touchstone.metric.internal.builtin;

import dev.touchstone.stats.internal.Percentiles;
import java.util.List;

/**
 * A latency quantile in milliseconds over the examples the endpoint answered, with a
 * distribution-free order-statistic interval.
 */
final class LatencyQuantile extends EndpointMetric {

    private final double quantile;

    LatencyQuantile(int percent) {
        super("latency_p" + percent + "_ms", false, Range.NON_NEGATIVE);
        this.quantile = percent / 100.0;
    }

    @Override
    public Estimate estimate(EndpointSample sample) {
        double[] sorted = sample.answeredMillis();
        if (sorted.length == 0) {
            return Estimate.undefined(Double.NaN, "no example of the slice was answered", Percentiles.ORDER_STATISTIC);
        }
        int failed = sample.examples() - sorted.length;
        Estimate estimate = Estimate.defined(Percentiles.quantile(sorted, quantile),
                level -> Percentiles.orderStatisticInterval(sorted, quantile, level));
        return failed == 0 ? estimate
                : estimate.withNotes(List.of(failed + " failed examples have no latency and are left out"));
    }
}
