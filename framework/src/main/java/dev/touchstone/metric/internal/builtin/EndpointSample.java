package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.Map;

/**
 * What the calls of one slice's examples to a model's endpoint gave.
 *
 * @param examples         examples in the slice
 * @param failures         how many examples failed, by cause, in order of first occurrence
 * @param answeredMillis   latency of every answered example of the slice, in ms, ascending
 * @param runExamples      examples in the whole run
 * @param examplesPerSecond throughput of the whole run
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record EndpointSample(int examples, Map<String, Integer> failures, double[] answeredMillis, long runExamples,
        double examplesPerSecond) {

    public EndpointSample {
        failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
    }

    public long failed() {
        long failed = 0;
        for (int count : failures.values()) {
            failed += count;
        }
        return failed;
    }
}
