package dev.touchstone.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A comparison with a recorded baseline that has no entry for some of its slices: which entries
 * are missing and where, the message that says so, and the model's values on those slices, from
 * which the entries can be recorded. The statement's other slices are judged as usual.
 *
 * @param directory the baseline's directory
 * @param keys      the missing entries' keys, in slice order
 * @param message   what is missing, and how to record it
 * @param values    the model's values on the slices without an entry
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record MissingBaseline(Path directory, List<String> keys, String message, StatementResult values) {

    public MissingBaseline {
        Objects.requireNonNull(directory, "directory");
        keys = List.copyOf(keys);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(values, "values");
    }
}
