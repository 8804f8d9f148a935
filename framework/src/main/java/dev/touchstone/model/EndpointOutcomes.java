package dev.touchstone.model;

import dev.touchstone.model.endpoint.Failure;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What evaluating a dataset on an endpoint took, example by example: the latency of the request
 * that answered each example (a batch shares its request's latency), or the failure with its
 * cause. The basis of the operational metrics (latency quantiles, error rate, throughput).
 *
 * @param endpoint  the endpoint as messages show it (no credentials)
 * @param requests  inference requests made, retries not counted
 * @param wallNanos wall-clock time of the whole evaluation
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record EndpointOutcomes(String endpoint, long[] latencyNanos, @Nullable Failure[] failures, int requests,
        long wallNanos) {

    public EndpointOutcomes {
        Objects.requireNonNull(endpoint, "endpoint");
        if (latencyNanos.length != failures.length) {
            throw new IllegalArgumentException("one latency and one failure slot per example");
        }
        latencyNanos = latencyNanos.clone();
        failures = failures.clone();
    }

    /** Per example: latency in nanoseconds of the request that answered it; -1 where it failed. */
    @Override
    public long[] latencyNanos() {
        return latencyNanos.clone();
    }

    /** Per example: the failure, or null where it has a prediction. */
    @Override
    public @Nullable Failure[] failures() {
        return failures.clone();
    }

    public int examples() {
        return failures.length;
    }

    public int failed() {
        return (int) Arrays.stream(failures).filter(Objects::nonNull).count();
    }

    /** Failed examples / examples (0 for no examples). */
    public double errorRate() {
        return examples() == 0 ? 0 : (double) failed() / examples();
    }

    /** Examples evaluated per second of wall-clock time. */
    public double examplesPerSecond() {
        return wallNanos <= 0 ? 0 : examples() / (wallNanos / 1e9);
    }

    /** The latencies of the examples that have a prediction, in nanoseconds, in example order. */
    public long[] successfulLatencyNanos() {
        return Arrays.stream(latencyNanos).filter(x -> x >= 0).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointOutcomes other && endpoint.equals(other.endpoint)
                && Arrays.equals(latencyNanos, other.latencyNanos) && Arrays.equals(failures, other.failures)
                && requests == other.requests && wallNanos == other.wallNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, Arrays.hashCode(latencyNanos), Arrays.hashCode(failures), requests, wallNanos);
    }

    @Override
    public String toString() {
        return "EndpointOutcomes[" + endpoint + ": " + examples() + " examples, " + failed() + " failed, "
                + requests + " requests]";
    }
}
