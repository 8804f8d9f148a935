package dev.touchstone.assertion.error;

import dev.touchstone.result.StatementResult;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * No slice failed, but at least one could not be decided (too few examples, or the metric is
 * undefined there). Fails the test under the default {@code touchstone.inconclusive=fail}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InconclusiveQualityError extends QualityAssertionError {

    private static final long serialVersionUID = 1L;

    public InconclusiveQualityError(String message, StatementResult result) {
        super(message, result);
    }

    /** See {@link QualityAssertionError#QualityAssertionError(String, String, StatementResult)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public InconclusiveQualityError(String summary, @Nullable String details, StatementResult result) {
        super(summary, details, result);
    }
}
