package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/** An operational metric of a model behind an endpoint: failures, latency, throughput. */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract non-sealed class EndpointMetric extends BuiltInMetric {

    EndpointMetric(String id, boolean higherIsBetter, Range range) {
        super(id, higherIsBetter, range);
    }

    @Override
    public final Input input(Averaging averaging) {
        return Input.ENDPOINT;
    }

    /** The metric on a slice with at least one example. */
    public abstract Estimate estimate(EndpointSample sample);

    @Override
    public final <R> R accept(Family<R> family) {
        return family.endpoint(this);
    }
}
