package dev.touchstone.result;

import dev.touchstone.baseline.EvaluationSource;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One judged statement: a result per slice it covered, in slice order.
 *
 * @param description the {@code as(...)} description, if one was given
 * @param slices      one result per slice
 * @param eachValue   whether the statement covers each value of a column ({@code onEachSliceOf}),
 *                    so that every slice is a test of its own in a test tree
 * @param source      the evaluation behind the statement, for recording baselines
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StatementResult(Optional<String> description, List<SliceResult> slices, boolean eachValue,
        Optional<EvaluationSource> source) {

    public StatementResult {
        slices = List.copyOf(slices);
    }

    public StatementResult(Optional<String> description, List<SliceResult> slices, boolean eachValue) {
        this(description, slices, eachValue, Optional.empty());
    }

    public StatementResult withSlices(List<SliceResult> newSlices) {
        return new StatementResult(description, newSlices, eachValue, source);
    }

    public StatementResult(Optional<String> description, List<SliceResult> slices) {
        this(description, slices, false);
    }

    /** The worst verdict over the slices. */
    public Verdict verdict() {
        Verdict worst = Verdict.PASSED;
        for (SliceResult slice : slices) {
            worst = worst.worst(slice.verdict());
        }
        return worst;
    }

    public long count(Verdict verdict) {
        return slices.stream().filter(s -> s.verdict() == verdict).count();
    }
}
