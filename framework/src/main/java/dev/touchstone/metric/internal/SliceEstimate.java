package dev.touchstone.metric.internal;

import dev.touchstone.metric.ConfusionCounts;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.NormalQuantiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Double> statistics;

    SliceEstimate(String metric, SliceRows slice, double value, String undefinedReason, List<String> notes,
            IntervalSource intervals) {
        this(metric, slice, value, undefinedReason, notes, intervals, null);
    }

    SliceEstimate(String metric, SliceRows slice, double value, String undefinedReason, List<String> notes,
            IntervalSource intervals, ConfusionCounts confusion) {
        this(metric, slice, value, undefinedReason, notes, intervals, confusion, Map.of());
    }

    SliceEstimate(String metric, SliceRows slice, double value, String undefinedReason, List<String> notes,
            IntervalSource intervals, ConfusionCounts confusion, Map<String, Double> statistics) {
        this.metric = metric;
        this.slice = slice;
        this.value = value;
        this.undefinedReason = undefinedReason;
        this.notes = List.copyOf(notes);
        this.intervals = intervals;
        this.confusion = confusion;
        this.statistics = Map.copyOf(statistics);
    }

    SliceEstimate withStatistics(Map<String, Double> more) {
        Map<String, Double> all = new HashMap<>(statistics);
        all.putAll(more);
        return new SliceEstimate(metric, slice, value, undefinedReason, notes, intervals, confusion, all);
    }

    double value() {
        return value;
    }

    SliceRows slice() {
        return slice;
    }

    String undefinedReason() {
        return undefinedReason;
    }

    Map<String, Double> statistics() {
        return statistics;
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
        Interval interval = isDefined() ? intervals.at(level) : IntervalSource.undefined("none").at(level);
        Map<String, Double> all = new HashMap<>(statistics);
        if (interval.isDefined() && !all.containsKey("standardError")) {
            // The standard error an interval of this width implies; what unpaired comparisons use.
            all.put("standardError", interval.width() / (2 * NormalQuantiles.z(level)));
        }
        List<String> allNotes = notes;
        int undefined = intervals.undefinedReplicates();
        if (undefined > 0) {
            allNotes = new java.util.ArrayList<>(notes);
            allNotes.add(undefined + " bootstrap resamples where " + metric
                    + " is undefined were left out of the interval");
        }
        return new MetricValue(metric, slice.name(), value, slice.size(), interval,
                Optional.ofNullable(undefinedReason), allNotes, Optional.ofNullable(confusion), all);
    }
}
