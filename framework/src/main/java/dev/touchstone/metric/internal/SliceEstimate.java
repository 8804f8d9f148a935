package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.metric.ConfusionCounts;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.IntervalSource;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.NormalQuantiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric evaluated on one slice, before a confidence level is chosen: the estimate, the
 * slice it is about and, for classification metrics, the slice's confusion matrix.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class SliceEstimate {

    private final String metric;
    private final SliceRows slice;
    private final Estimate estimate;
    private final ConfusionCounts confusion;

    SliceEstimate(String metric, SliceRows slice, Estimate estimate, ConfusionCounts confusion) {
        this.metric = metric;
        this.slice = slice;
        this.estimate = estimate;
        this.confusion = confusion;
    }

    static SliceEstimate of(String metric, SliceRows slice, Estimate estimate) {
        return new SliceEstimate(metric, slice, estimate, null);
    }

    /** The slice has no examples: nothing to compute. */
    static SliceEstimate empty(String metric, SliceRows slice, List<String> notes) {
        return of(metric, slice, Estimate.undefined(Double.NaN, "the slice has no examples", "none").withNotes(notes));
    }

    double value() {
        return estimate.value();
    }

    SliceRows slice() {
        return slice;
    }

    String undefinedReason() {
        return estimate.undefinedReason().orElse(null);
    }

    Map<String, Double> statistics() {
        return estimate.statistics();
    }

    public String sliceName() {
        return slice.name();
    }

    public String sliceDefinition() {
        return slice.definition();
    }

    public boolean isDefined() {
        return estimate.isDefined();
    }

    /** About how many examples would let the {@code level} interval clear {@code bound}; see {@link IntervalSource#examplesToClear}. */
    public java.util.OptionalLong examplesToClear(double bound, double level) {
        if (!isDefined()) {
            return java.util.OptionalLong.empty();
        }
        return estimate.intervals().examplesToClear(estimate.value(), bound, slice.size(), level);
    }

    public MetricValue at(double level) {
        IntervalSource intervals = estimate.intervals();
        Interval interval = isDefined() ? intervals.at(level) : IntervalSource.undefined("none").at(level);
        Map<String, Double> all = new HashMap<>(estimate.statistics());
        if (interval.isDefined() && !all.containsKey("standardError")) {
            // The standard error an interval of this width implies; what unpaired comparisons use.
            all.put("standardError", interval.width() / (2 * NormalQuantiles.z(level)));
        }
        List<String> notes = estimate.notes();
        int undefined = intervals.undefinedReplicates();
        if (undefined > 0) {
            notes = new ArrayList<>(notes);
            notes.add(undefined + " bootstrap resamples where " + metric + " is undefined were left out of the interval");
        }
        return new MetricValue(metric, slice.name(), estimate.value(), slice.size(), interval,
                estimate.undefinedReason(), notes, java.util.Optional.ofNullable(confusion), all);
    }
}
