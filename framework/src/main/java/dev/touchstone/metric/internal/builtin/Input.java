package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/** What a metric reads of each example: the evaluation builds that view of the model's outputs. */
@API(status = API.Status.INTERNAL, since = "0.2")
public enum Input {
    /** True and predicted class. */
    CLASSES,
    /** True class and the score of the positive class (binary). */
    SCORES,
    /** True class and one score per class (one-vs-rest over a multi-class problem). */
    CLASS_SCORES,
    /** True and predicted number. */
    REGRESSION,
    /** Nothing but the examples themselves. */
    NONE,
    /** Latency and failures of the calls to a model behind an endpoint. */
    ENDPOINT
}
