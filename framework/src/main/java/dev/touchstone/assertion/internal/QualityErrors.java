package dev.touchstone.assertion.internal;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * Maps a judged statement to what a test framework understands: nothing for PASSED, an
 * {@link AssertionError} subtype for FAILED, and for INCONCLUSIVE either an
 * {@link InconclusiveQualityError} (policy {@code fail}) or a {@link TestAbortedException}
 * (policy {@code skip}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class QualityErrors {

    private QualityErrors() {
    }

    /** The error of a statement in a plain test: its whole evidence as the message, its trace from the user's line. */
    public static Optional<Throwable> toThrowable(StatementResult result, InconclusivePolicy policy) {
        Verdict verdict = result.verdict();
        if (verdict == Verdict.FAILED) {
            return Optional.of(CallSite.at(new QualityAssertionError(QualityMessages.summary(result), result),
                    result.callSite()));
        }
        if (verdict == Verdict.INCONCLUSIVE) {
            String message = QualityMessages.summary(result);
            return Optional.of(CallSite.at(policy == InconclusivePolicy.SKIP
                    ? new TestAbortedException(message)
                    : new InconclusiveQualityError(message, result), result.callSite()));
        }
        return Optional.empty();
    }

    /** Rethrows {@code t} (an AssertionError or a TestAbortedException) without wrapping. */
    public static RuntimeException sneaky(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
