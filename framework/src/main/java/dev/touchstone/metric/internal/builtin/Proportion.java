package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/**
 * A metric that is a plain share of examples: {@code successes} of {@code trials}. Such metrics
 * get a Wilson interval and exact tests for proportions.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Proportion(long successes, long trials) {

    public Proportion {
        if (successes < 0 || trials < successes) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
    }
}
