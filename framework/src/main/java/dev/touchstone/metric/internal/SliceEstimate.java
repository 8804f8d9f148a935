package dev.touchstone.metric.internal;

import dev.touchstone.metric.ConfusionCounts;
import dev.touchstone.metric.MetricValue;
import java.util.List;
import java.util.Optional;

/**
 * A metric evaluated on one slice, before a confidence level is chosen: the point estimate,
 * whether it is defined, and the source of its intervals.
 */
public final class SliceEstimate {

    private final String metric;
    private final SliceRows slice;
    private final double value;
    private final String undefinedReason;
    private final List<String> notes;
    private final IntervalSource intervals;
    private final ConfusionCounts confusion;

    SliceEstimate(String metric, SliceRows slice, double value, String undefinedReason, List<String> notes,
            IntervalSource intervals) {
        this(metric, slice, value, undefinedReason, notes, intervals, null);
    }

    SliceEstimate(String metric, SliceRows slice, double value, String undefinedReason, List<String> notes,
            IntervalSource intervals, ConfusionCounts confusion) {
        this.metric = metric;
        this.slice = slice;
        this.value = value;
        this.undefinedReason = undefinedReason;
        this.notes = List.copyOf(notes);
        this.intervals = intervals;
        this.confusion = confusion;
    }

    public String sliceName() {
        return slice.name();
    }

    public String sliceDefinition() {
        return slice.definition();
    }

    public boolean isDefined() {
        return undefinedReason == null;
    }

    public MetricValue at(double level) {
        return new MetricValue(metric, slice.name(), value, slice.size(),
                isDefined() ? intervals.at(level) : IntervalSource.undefined("none").at(level),
                Optional.ofNullable(undefinedReason), notes, Optional.ofNullable(confusion));
    }
}
