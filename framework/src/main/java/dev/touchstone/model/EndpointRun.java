package dev.touchstone.model;

import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.internal.Call;
import dev.touchstone.model.endpoint.Failure;
import dev.touchstone.model.endpoint.internal.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a table on an endpoint: per example, the prediction (null where it failed)
 * and the outcomes (latency or failure). Serves both the predictions and the operational metrics.
 */
final class EndpointRun {

    private static final String FAILED = "%s: %d of %d examples failed: %s; first failure: %s: %s";

    private final String who;
    private final String model;
    private final Table table;
    private final @Nullable Prediction[] perExample;
    private final EndpointOutcomes outcomes;

    private EndpointRun(String model, String who, Table table, @Nullable Prediction[] perExample,
            EndpointOutcomes outcomes) {
        this.model = model;
        this.who = who;
        this.table = table;
        this.perExample = perExample;
        this.outcomes = outcomes;
    }

    /**
     * Spreads per-call outcomes over the examples: call {@code c} answers {@code examples()}
     * consecutive rows, in order, with one prediction each.
     *
     * @param endpoint the endpoint as messages show it
     */
    static EndpointRun of(String model, String endpoint, Table table, List<Call<Prediction[]>> calls,
            List<Outcome<Prediction[]>> outcomes, long wallNanos) {
        int n = table.rowCount();
        Prediction[] predictions = new Prediction[n];
        Failure[] failures = new Failure[n];
        long[] latencies = new long[n];
        int row = 0;
        for (int c = 0; c < calls.size(); c++) {
            Outcome<Prediction[]> outcome = outcomes.get(c);
            for (int i = 0; i < calls.get(c).examples(); i++, row++) {
                if (outcome.isSuccess()) {
                    predictions[row] = outcome.value()[i];
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
        return new EndpointRun(model, "model '" + model + "' at " + endpoint, table, predictions,
                new EndpointOutcomes(endpoint, latencies, failures, calls.size(), wallNanos));
    }

    EndpointOutcomes outcomes() {
        return outcomes;
    }

    /**
     * The predictions, when every example has one; else a {@link QualityConfigurationException}
     * that counts the failed examples by cause: "model 'm' at URL: 12 of 400 examples failed:
     * 10 × HTTP 503 after 3 retries, 2 × timeout after 10 s; first failure: data.csv line 9: ...".
     */
    Predictions predictions() {
        Failure[] failures = outcomes.failures();
        Map<String, Integer> causes = new LinkedHashMap<>();
        int first = -1;
        for (int row = 0; row < failures.length; row++) {
            if (failures[row] != null) {
                causes.merge(failures[row].cause(), 1, Integer::sum);
                first = first < 0 ? row : first;
            }
        }
        if (first >= 0) {
            StringJoiner counts = new StringJoiner(", ");
            causes.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> counts.add(e.getValue() + " × " + e.getKey()));
            throw new QualityConfigurationException(String.format(FAILED, who, outcomes.failed(), failures.length,
                    counts, table.locate(first), failures[first]));
        }
        return PredictionColumns.of(model, who, table, perExample);
    }
}
