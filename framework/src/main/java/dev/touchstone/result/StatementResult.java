package dev.touchstone.result;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One judged statement: a result per slice it covered, in slice order.
 *
 * @param description the {@code as(...)} description, if one was given
 * @param slices      one result per slice
 */
@API(status = API.Status.STABLE, since = "0.1")
public record StatementResult(Optional<String> description, List<SliceResult> slices) {

    public StatementResult {
        slices = List.copyOf(slices);
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
