package dev.touchstone.assertion;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Expectations on a latency quantile, in milliseconds or as a {@link Duration}:
 * {@code latency().p95().isBelow(Duration.ofMillis(200))}. With {@code withConfidence(c)} the
 * judgement uses a distribution-free order-statistic interval of the quantile.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DurationAssert extends AbstractMetricAssert<DurationAssert> {

    DurationAssert(Statement statement, Stance stance) {
        super(statement, stance);
    }

    @Override
    DurationAssert copy(Statement newStatement, Stance newStance) {
        return new DurationAssert(newStatement, newStance);
    }

    public DurationAssert isBelow(Duration bound) {
        return isBelow(millis(bound));
    }

    public DurationAssert isAtMost(Duration bound) {
        return isAtMost(millis(bound));
    }

    private static double millis(Duration bound) {
        if (bound == null || bound.isNegative()) {
            throw new IllegalArgumentException("a latency bound must be a non-negative duration but was " + bound);
        }
        return bound.toNanos() / 1e6;
    }
}
