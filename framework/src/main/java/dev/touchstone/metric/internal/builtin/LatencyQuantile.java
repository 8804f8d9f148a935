package dev.touchstone.metric.internal.builtin;

import dev.touchstone.stats.internal.Percentiles;
import dev.touchstone.stats.Interval;
import java.util.List;
import java.util.OptionalLong;

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
        Estimate estimate = Estimate.defined(Percentiles.quantile(sorted, quantile), new OrderStatistics(sorted));
        return failed == 0 ? estimate
                : estimate.withNotes(List.of(failed + " failed examples have no latency and are left out"));
    }

    /** The order-statistic interval; a bound it cannot give yet is missing, not a reason to decide nothing. */
    private final class OrderStatistics implements IntervalSource {
        private final double[] sorted;

        OrderStatistics(double[] sorted) {
            this.sorted = sorted;
        }

        @Override
        public Interval at(double level) {
            return Percentiles.orderStatisticInterval(sorted, quantile, level);
        }

        @Override
        public OptionalLong examplesToClear(double estimate, double bound, long n, double level) {
            Interval interval = at(level);
            boolean needsLower = estimate >= bound;
            if (!Double.isNaN(needsLower ? interval.low() : interval.high())) {
                return IntervalSource.scaled(estimate, interval, bound, n);
            }
            // answered examples are a share of the slice (failures have no latency): scale to it
            long answered = Percentiles.orderStatisticMinimum(quantile, level, needsLower);
            double needed = Math.ceil((double) n * answered / sorted.length);
            return OptionalLong.of((long) needed);
        }
    }
}
