package dev.touchstone.model.endpoint;

import dev.touchstone.data.table.Table;
import dev.touchstone.model.Prediction;
import dev.touchstone.model.Predictions;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a table on an endpoint: per example, the prediction (null where it failed)
 * and the outcomes (latency or failure).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record EndpointRun(String model, Table table, @Nullable Prediction[] perExample, EndpointOutcomes outcomes) {

    public EndpointRun {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(outcomes, "outcomes");
    }

    /**
     * Spreads per-call outcomes over the examples: call {@code c} answers {@code examples()}
     * consecutive rows, in order; {@code rows.apply(value)} gives its predictions.
     */
    public static <T> EndpointRun of(String model, String endpoint, Table table, List<Call<T>> calls,
            List<Outcome<T>> outcomes, java.util.function.Function<T, Prediction[]> rows, long wallNanos) {
        int n = table.rowCount();
        Prediction[] predictions = new Prediction[n];
        Failure[] failures = new Failure[n];
        long[] latencies = new long[n];
        int row = 0;
        for (int c = 0; c < calls.size(); c++) {
            Outcome<T> outcome = outcomes.get(c);
            Prediction[] answered = outcome.isSuccess() ? rows.apply(outcome.value()) : null;
            for (int i = 0; i < calls.get(c).examples(); i++, row++) {
                if (answered != null) {
                    predictions[row] = answered[i];
                    latencies[row] = outcome.latencyNanos();
                } else {
                    failures[row] = outcome.failure();
                    latencies[row] = -1;
                }
            }
        }
        if (row != n) {
            throw new IllegalStateException("calls cover " + row + " examples of " + n);
        }
        return new EndpointRun(model, table, predictions,
                new EndpointOutcomes(endpoint, latencies, failures, calls.size(), wallNanos));
    }

    /** The predictions, or the error that counts the failed examples by cause. */
    public Predictions predictions() {
        return EndpointResults.assemble(model, outcomes.endpoint(), table, perExample, outcomes.failures());
    }
}
