package dev.touchstone.assertion.error;

import dev.touchstone.result.StatementResult;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * A model that does not meet a quality statement on at least one slice. The message lists
 * every failing slice, each in the one message template, and {@link #result()} holds the
 * judged evidence for tools.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QualityAssertionError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient StatementResult result;

    public QualityAssertionError(String message, StatementResult result) {
        super(message);
        this.result = result;
    }

    public StatementResult result() {
        return result;
    }
}
