package dev.touchstone.result;

import org.apiguardian.api.API;

/** The outcome of one statement on one slice. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Verdict {
    /** The evidence meets the expectation. */
    PASSED,
    /** The evidence contradicts the expectation: a quality failure. */
    FAILED,
    /** The evidence decides neither way (too few examples, metric undefined on the slice). */
    INCONCLUSIVE,
    /** The statement could not be evaluated (broken setup). */
    ERROR;

    /** The more severe of two verdicts: ERROR, then FAILED, then INCONCLUSIVE, then PASSED. */
    public Verdict worst(Verdict other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case PASSED -> 0;
            case INCONCLUSIVE -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }
}
