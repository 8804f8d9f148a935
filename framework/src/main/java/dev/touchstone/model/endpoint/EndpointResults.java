package dev.touchstone.model.endpoint;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.Prediction;
import dev.touchstone.model.Predictions;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** Turns per-example endpoint outcomes into {@link Predictions}, or an error that says what failed. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class EndpointResults {

    private EndpointResults() {
    }

    /**
     * The predictions, when every row has one; else a {@link QualityConfigurationException}:
     * "model 'm' at URL: 12 of 400 examples failed: 10 × HTTP 503 after 3 retries, 2 × timeout
     * after 10 s; first failure: ...".
     *
     * @param predictions per row, null where {@code failures} holds the cause
     */
    public static Predictions assemble(String model, String endpoint, Table table,
            @Nullable Prediction[] predictions, @Nullable Failure[] failures) {
        String summary = summary(table, failures);
        if (summary != null) {
            throw new QualityConfigurationException("model '" + model + "' at " + endpoint + ": " + summary);
        }
        int n = predictions.length;
        if (n > 0 && predictions[0].label().isEmpty()) {
            double[] values = new double[n];
            for (int row = 0; row < n; row++) {
                if (predictions[row].value().isEmpty()) {
                    throw mixed(model, table, row);
                }
                values[row] = predictions[row].value().getAsDouble();
            }
            return new Predictions(new NumericColumn(model, values, new BitSet(), null), null, "model '" + model + "'");
        }
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[n];
        double[] scores = new double[n];
        BitSet noScore = new BitSet(n);
        for (int row = 0; row < n; row++) {
            Prediction p = predictions[row];
            if (p.label().isEmpty()) {
                throw mixed(model, table, row);
            }
            codes[row] = dictionary.computeIfAbsent(p.label().get(), k -> dictionary.size());
            if (p.score().isPresent()) {
                scores[row] = p.score().getAsDouble();
            } else {
                scores[row] = Double.NaN;
                noScore.set(row);
            }
        }
        Column predicted = new CategoricalColumn(model, codes, dictionary.keySet().toArray(String[]::new));
        Column scoreColumn = null;
        if (noScore.cardinality() < n) {
            if (!noScore.isEmpty()) {
                throw new QualityConfigurationException("model '" + model + "' at " + endpoint
                        + " gave a score for some rows but not for " + table.locate(noScore.nextSetBit(0)) + " ("
                        + noScore.cardinality() + " rows without a score)");
            }
            scoreColumn = new NumericColumn(model + " score", scores, noScore, null);
        }
        return new Predictions(predicted, scoreColumn, "model '" + model + "'");
    }

    /**
     * "12 of 400 examples failed: 10 × HTTP 503 after 3 retries, 2 × timeout after 10 s; first
     * failure: data.csv line 9: HTTP 503 after 3 retries (body '...')", or null when none failed.
     */
    public static @Nullable String summary(Table table, @Nullable Failure[] failures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int failed = 0;
        int first = -1;
        for (int row = 0; row < failures.length; row++) {
            if (failures[row] != null) {
                failed++;
                counts.merge(failures[row].cause(), 1, Integer::sum);
                if (first < 0) {
                    first = row;
                }
            }
        }
        if (failed == 0) {
            return null;
        }
        StringJoiner causes = new StringJoiner(", ");
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> causes.add(e.getValue() + " × " + e.getKey()));
        return failed + " of " + failures.length + " examples failed: " + causes + "; first failure: "
                + table.locate(first) + ": " + failures[first];
    }

    private static QualityConfigurationException mixed(String model, Table table, int row) {
        return new QualityConfigurationException("model '" + model + "' mixes class predictions and numeric "
                + "predictions; see " + table.locate(row));
    }
}
