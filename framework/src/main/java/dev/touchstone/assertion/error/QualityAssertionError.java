package dev.touchstone.assertion.error;

import dev.touchstone.result.StatementResult;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * A model that does not meet a quality statement on at least one slice. The message lists
 * every failing slice, each in the one message template, and {@link #result()} holds the
 * judged evidence for tools.
 *
 * <p>An error may also carry its evidence apart from a one-line message ({@link #details()}): the
 * engine reports checks that way, so that a summary of failures (Surefire's "Results:") has one
 * line per failure while the failure itself ({@link #toString()}, hence every printed stack
 * trace) shows the whole evidence once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QualityAssertionError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient StatementResult result;
    private final @Nullable String details;

    public QualityAssertionError(String message, StatementResult result) {
        this(message, null, result);
    }

    /**
     * @param summary one line: what did not pass
     * @param details the whole evidence, shown wherever the error is printed; null for {@code summary} alone
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public QualityAssertionError(String summary, @Nullable String details, StatementResult result) {
        super(summary);
        this.result = result;
        this.details = details;
    }

    public StatementResult result() {
        return result;
    }

    /** The whole evidence: the message itself unless it was given apart. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public String details() {
        return details == null ? getMessage() : details;
    }

    /** The class name and the whole evidence, as every stack trace prints the error. */
    @Override
    public String toString() {
        return details == null ? super.toString() : getClass().getName() + ": " + details;
    }
}
