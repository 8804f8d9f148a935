package dev.touchstone.assertion.error;

import dev.touchstone.result.StatementResult;
import org.apiguardian.api.API;

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
}
