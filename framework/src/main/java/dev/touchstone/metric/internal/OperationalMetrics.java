package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.endpoint.Failure;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a model behind an endpoint, from its per-example outcomes: the share of examples
 * that failed (Wilson interval), latency quantiles in milliseconds over the examples that were
 * answered (distribution-free order-statistic interval), and the run's throughput.
 */
final class OperationalMetrics {

    private OperationalMetrics() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, BuiltIn metric, TouchstoneSettings settings) {
        EndpointOutcomes run = outcomes.model().endpointOutcomes(outcomes.dataset(), settings)
                .orElseThrow(() -> new QualityConfigurationException(metric.name() + " needs a model behind an endpoint "
                        + "(Model.openInference, Model.http, ...), but model '" + outcomes.model().name() + "' is not"));
        String name = metric.name();
        if (slice.isEmpty()) {
            return new SliceEstimate(name, slice, Double.NaN, "the slice has no examples", List.of(),
                    IntervalSource.undefined("none"));
        }
        return switch (metric.metric()) {
            case ERROR_RATE -> errorRate(name, slice, run);
            case THROUGHPUT -> new SliceEstimate(name, slice, run.examplesPerSecond(), null,
                    List.of("throughput is measured over the whole run (" + run.examples() + " examples), not per slice"),
                    IntervalSource.exact(run.examplesPerSecond()));
            default -> latency(name, slice, run, quantile(metric.metric()));
        };
    }

    private static double quantile(BuiltInMetric metric) {
        return switch (metric) {
            case LATENCY_P50 -> 0.50;
            case LATENCY_P95 -> 0.95;
            default -> 0.99;
        };
    }

    private static SliceEstimate errorRate(String name, SliceRows slice, EndpointOutcomes run) {
        Failure[] failures = run.failures();
        Map<String, Integer> causes = new LinkedHashMap<>();
        long failed = 0;
        for (int i = 0; i < slice.size(); i++) {
            Failure f = failures[slice.row(i)];
            if (f != null) {
                failed++;
                causes.merge(f.cause(), 1, Integer::sum);
            }
        }
        List<String> notes = new ArrayList<>();
        causes.forEach((cause, count) -> notes.add(count + " × " + cause));
        long n = slice.size();
        return new SliceEstimate(name, slice, (double) failed / n, null, notes, IntervalSource.wilson(failed, n), null,
                Map.of("successes", (double) failed, "trials", (double) n));
    }

    private static SliceEstimate latency(String name, SliceRows slice, EndpointOutcomes run, double q) {
        long[] nanos = run.latencyNanos();
        Failure[] failures = run.failures();
        double[] millis = new double[slice.size()];
        int m = 0;
        for (int i = 0; i < slice.size(); i++) {
            int r = slice.row(i);
            if (failures[r] == null) {
                millis[m++] = nanos[r] / 1e6;
            }
        }
        double[] sorted = Arrays.copyOf(millis, m);
        Arrays.sort(sorted);
        if (m == 0) {
            return new SliceEstimate(name, slice, Double.NaN, "no example of the slice was answered", List.of(),
                    IntervalSource.undefined(Percentiles.ORDER_STATISTIC));
        }
        double value = Percentiles.quantile(sorted, q);
        List<String> notes = m < slice.size()
                ? List.of((slice.size() - m) + " failed examples have no latency and are left out")
                : List.of();
        return new SliceEstimate(name, slice, value, null, notes, level -> {
            Interval interval = Percentiles.orderStatisticInterval(sorted, q, level);
            return interval;
        });
    }
}
