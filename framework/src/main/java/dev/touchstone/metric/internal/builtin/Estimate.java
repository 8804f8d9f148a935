package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric on one slice before a confidence level is chosen: the point estimate, why it is only
 * a convention (if it is), notes worth showing, where its intervals come from, and the
 * sufficient statistics that unpaired comparisons with a recorded baseline need
 * ({@code successes}/{@code trials}, or {@code variance}/{@code positives}/{@code negatives}).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Estimate(double value, Optional<String> undefinedReason, List<String> notes, IntervalSource intervals,
        Map<String, Double> statistics) {

    public Estimate {
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        notes = List.copyOf(notes);
        Objects.requireNonNull(intervals, "intervals");
        statistics = Map.copyOf(statistics);
    }

    public static Estimate defined(double value, IntervalSource intervals) {
        return new Estimate(value, Optional.empty(), List.of(), intervals, Map.of());
    }

    /** A value that is only a convention (or NaN): the verdict ignores it. */
    public static Estimate undefined(double conventionalValue, String reason, String method) {
        return new Estimate(conventionalValue, Optional.of(reason), List.of(), IntervalSource.undefined(method), Map.of());
    }

    /** A proportion with Wilson intervals and the counts unpaired tests need. */
    public static Estimate proportion(double value, Proportion p) {
        return new Estimate(value, Optional.empty(), List.of(), IntervalSource.wilson(p.successes(), p.trials()),
                Map.of("successes", (double) p.successes(), "trials", (double) p.trials()));
    }

    public Estimate withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Estimate(value, undefinedReason, all, intervals, statistics);
    }

    public boolean isDefined() {
        return undefinedReason.isEmpty();
    }
}
