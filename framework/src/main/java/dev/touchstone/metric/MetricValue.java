package dev.touchstone.metric;

import dev.touchstone.stats.Interval;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An evaluated metric on one slice: the point estimate, the number of examples in the slice and
 * a confidence interval. When the metric cannot be computed on the slice (no positives for
 * recall, one class only for ROC AUC), {@link #isDefined()} is false, {@link #value()} holds
 * scikit-learn's conventional value (usually 0) and {@link #undefinedReason()} says why.
 *
 * @param metric          the metric's name, e.g. {@code recall}, {@code f1(macro)}
 * @param slice           {@code overall}, a named slice, or {@code column=value}
 * @param value           the point estimate
 * @param n               examples (rows) in the slice
 * @param interval        the confidence interval at the statement's level
 * @param undefinedReason why the metric is undefined on this slice, if it is
 * @param notes           facts about the data worth knowing (a class never predicted, ...)
 * @param confusion       the slice's confusion matrix, for classification metrics
 * @param statistics      sufficient statistics that comparisons with a recorded baseline need:
 *                        {@code successes}/{@code trials} for proportions, {@code variance},
 *                        {@code positives}/{@code negatives} for ROC AUC, {@code standardError}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MetricValue(String metric, String slice, double value, long n, Interval interval,
        Optional<String> undefinedReason, List<String> notes, Optional<ConfusionCounts> confusion,
        Map<String, Double> statistics) {

    public MetricValue {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        notes = List.copyOf(notes);
        Objects.requireNonNull(confusion, "confusion");
        statistics = Map.copyOf(statistics);
    }

    public MetricValue(String metric, String slice, double value, long n, Interval interval,
            Optional<String> undefinedReason, List<String> notes, Optional<ConfusionCounts> confusion) {
        this(metric, slice, value, n, interval, undefinedReason, notes, confusion, Map.of());
    }

    public boolean isDefined() {
        return undefinedReason.isEmpty();
    }
}
