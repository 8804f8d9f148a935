package dev.touchstone.assertion;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/** Expectations on one metric: {@code isAbove}, {@code isAtLeast}, ..., {@code withConfidence}. */
@API(status = API.Status.STABLE, since = "0.1")
public final class MetricAssert extends AbstractMetricAssert<MetricAssert> {

    MetricAssert(Statement statement, OptionalDouble confidence) {
        super(statement, confidence, MetricAssert.class);
    }

    @Override
    MetricAssert copy(Statement newStatement, OptionalDouble newConfidence) {
        return new MetricAssert(newStatement, newConfidence);
    }
}
