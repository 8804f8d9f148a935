package dev.touchstone.assertion;

import dev.touchstone.metric.internal.BuiltInMetric;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/** Latency of a model behind an endpoint: pick the quantile, then the bound. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LatencyAssert {

    private final Statement statement;

    LatencyAssert(Statement statement) {
        this.statement = statement;
    }

    /** The median latency of the answered examples. */
    public DurationAssert p50() {
        return quantile(BuiltInMetric.LATENCY_P50);
    }

    public DurationAssert p95() {
        return quantile(BuiltInMetric.LATENCY_P95);
    }

    public DurationAssert p99() {
        return quantile(BuiltInMetric.LATENCY_P99);
    }

    private DurationAssert quantile(BuiltInMetric metric) {
        return new DurationAssert(statement.withMetric(BuiltIn.of(metric)), OptionalDouble.empty());
    }
}
