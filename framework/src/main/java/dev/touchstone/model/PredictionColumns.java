package dev.touchstone.model;

import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one {@link Prediction} per row into {@link Predictions}: a categorical column of labels
 * (with a score column when every row has a score), or a numeric column for regression. The one
 * builder of in-process and endpoint models, so both check the same things the same way.
 */
final class PredictionColumns {

    private static final String MIXED = "%s mixes class predictions and numeric predictions; see %s";
    private static final String PARTIAL_SCORES = "%s gave a score for some rows but not for %s "
            + "(%d rows without a score)";

    private PredictionColumns() {
    }

    /**
     * @param model   the model's name: the columns are named after it
     * @param who     how errors name the model: {@code model 'm'}, {@code model 'm' at http://...}
     * @param outputs one non-null prediction per row of {@code table}
     */
    static Predictions of(String model, String who, Table table, Prediction[] outputs) {
        String origin = "model '" + model + "'";
        if (outputs.length > 0 && outputs[0].label().isEmpty()) {
            return new Predictions(numeric(model, who, table, outputs), null, origin);
        }
        int n = outputs.length;
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[n];
        double[] scores = new double[n];
        BitSet noScore = new BitSet(n);
        for (int row = 0; row < n; row++) {
            Prediction p = outputs[row];
            if (p.label().isEmpty()) {
                throw mixed(who, table, row);
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
        if (noScore.cardinality() == n) {
            return new Predictions(predicted, null, origin);
        }
        if (!noScore.isEmpty()) {
            throw new QualityConfigurationException(String.format(PARTIAL_SCORES, who,
                    table.locate(noScore.nextSetBit(0)), noScore.cardinality()));
        }
        return new Predictions(predicted, new NumericColumn(model + " score", scores, noScore, null), origin);
    }

    private static Column numeric(String model, String who, Table table, Prediction[] outputs) {
        double[] values = new double[outputs.length];
        for (int row = 0; row < outputs.length; row++) {
            if (outputs[row].value().isEmpty()) {
                throw mixed(who, table, row);
            }
            values[row] = outputs[row].value().getAsDouble();
        }
        return new NumericColumn(model, values, new BitSet(), null);
    }

    private static QualityConfigurationException mixed(String who, Table table, int row) {
        return new QualityConfigurationException(String.format(MIXED, who, table.locate(row)));
    }
}
