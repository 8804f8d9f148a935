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
 * @param callSite    where the statement was made: the stack of the user's code at the expectation
 *                    ({@code MySpec.recallAtNight(MySpec.java:42)} first), without Touchstone's
 *                    own frames; empty when not known
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StatementResult(Optional<String> description, List<SliceResult> slices, boolean eachValue,
        Optional<EvaluationSource> source, List<StackTraceElement> callSite) {

    public StatementResult {
        slices = List.copyOf(slices);
        callSite = List.copyOf(callSite);
    }

    public StatementResult(Optional<String> description, List<SliceResult> slices, boolean eachValue,
            Optional<EvaluationSource> source) {
        this(description, slices, eachValue, source, List.of());
    }

    public StatementResult(Optional<String> description, List<SliceResult> slices, boolean eachValue) {
        this(description, slices, eachValue, Optional.empty());
    }

    public StatementResult withSlices(List<SliceResult> newSlices) {
        return new StatementResult(description, newSlices, eachValue, source, callSite);
    }

    /** This statement, made at {@code frames}. */
    public StatementResult withCallSite(List<StackTraceElement> frames) {
        return new StatementResult(description, slices, eachValue, source, frames);
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
