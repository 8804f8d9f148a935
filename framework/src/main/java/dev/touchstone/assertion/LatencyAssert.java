package dev.touchstone.assertion;

import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

/** Latency of a model behind an endpoint: pick the quantile, then the bound. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LatencyAssert implements Descriptable<LatencyAssert> {

    private final Statement statement;

    LatencyAssert(Statement statement) {
        this.statement = statement;
    }

    /** The median latency of the answered examples. */
    public DurationAssert p50() {
        return quantile(BuiltInMetrics.LATENCY_P50);
    }

    public DurationAssert p95() {
        return quantile(BuiltInMetrics.LATENCY_P95);
    }

    public DurationAssert p99() {
        return quantile(BuiltInMetrics.LATENCY_P99);
    }

    @Override
    public LatencyAssert describedAs(Description description) {
        return new LatencyAssert(statement.withDescription(description == null ? null : description.value()));
    }

    private DurationAssert quantile(BuiltInMetric metric) {
        return new DurationAssert(statement.withMetric(MetricSpec.of(metric)), Stance.POINT_ESTIMATE);
    }
}
