package dev.touchstone.assertion;

import org.apiguardian.api.API;

/** Expectations on one metric: {@code isAbove}, {@code isAtLeast}, ..., {@code withConfidence}. */
@API(status = API.Status.STABLE, since = "0.1")
public final class MetricAssert extends AbstractMetricAssert<MetricAssert> {

    MetricAssert(Statement statement, Stance stance) {
        super(statement, stance);
    }

    @Override
    MetricAssert copy(Statement newStatement, Stance newStance) {
        return new MetricAssert(newStatement, newStance);
    }
}
