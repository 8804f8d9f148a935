package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/**
 * For a proportion metric, what it counts on one example, so that two models on the same
 * examples can be compared by a test of paired proportions (McNemar): which examples are in the
 * denominator, and on which of them a prediction is a success. Codes are class codes.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public interface PairedOutcome {

    /** Whether an example with true class {@code label} is in the metric's denominator. */
    boolean counts(int label);

    /** Whether predicting {@code predicted} for an example of class {@code label} is a success. */
    boolean success(int label, int predicted);
}
