package dev.touchstone.metric.internal.builtin;

/**
 * A metric that is a plain share of examples: {@code successes} of {@code trials}. Such metrics
 * get a Wilson interval and exact tests for proportions.
 */
public record Proportion(long successes, long trials) {

    public Proportion {
        if (successes < 0 || trials < successes) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
    }
}
