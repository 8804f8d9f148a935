package dev.touchstone.model;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.Row;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A Java function called once per row; its outputs are cached per loaded table. */
final class FunctionModel extends Model {

    private final Function<Row, Prediction> predict;

    FunctionModel(String name, Function<Row, Prediction> predict) {
        super(name);
        this.predict = Objects.requireNonNull(predict, "predict");
    }

    @Override
    public Optional<Dataset> dataset() {
        return Optional.empty();
    }

    @Override
    public Predictions predict(Dataset dataset) {
        return memo(new CacheKey(dataset.tableIdentity()), key -> run(dataset.table()));
    }

    private record CacheKey(Object table) {
    }

    private Predictions run(Table table) {
        int n = table.rowCount();
        Prediction[] outputs = new Prediction[n];
        try (Progress progress = Progress.start("model '" + name() + "' on " + table.source(), n, "rows")) {
            predictAll(table, outputs, progress);
        }
        return n > 0 && outputs[0].label().isEmpty() ? numeric(table, outputs) : categorical(table, outputs);
    }

    private void predictAll(Table table, Prediction[] outputs, Progress progress) {
        for (int row = 0; row < outputs.length; row++) {
            Prediction p;
            try {
                p = predict.apply(Row.of(table, row));
            } catch (RuntimeException e) {
                throw new QualityConfigurationException("model '" + name() + "' failed on " + table.locate(row)
                        + ": " + e, e);
            }
            if (p == null) {
                throw new QualityConfigurationException("model '" + name() + "' returned no prediction for "
                        + table.locate(row));
            }
            outputs[row] = p;
            progress.advance(row + 1);
        }
    }

    private Predictions categorical(Table table, Prediction[] outputs) {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[outputs.length];
        double[] scores = new double[outputs.length];
        BitSet noScore = new BitSet(outputs.length);
        for (int row = 0; row < outputs.length; row++) {
            Prediction p = outputs[row];
            final int r = row;
            String label = p.label().orElseThrow(() -> mixed(table, r));
            codes[row] = dictionary.computeIfAbsent(label, k -> dictionary.size());
            if (p.score().isPresent()) {
                scores[row] = p.score().getAsDouble();
            } else {
                scores[row] = Double.NaN;
                noScore.set(row);
            }
        }
        Column predicted = new CategoricalColumn(name(), codes, dictionary.keySet().toArray(String[]::new));
        Column scoreColumn = null;
        if (noScore.cardinality() < outputs.length) {
            if (!noScore.isEmpty()) {
                int row = noScore.nextSetBit(0);
                throw new QualityConfigurationException("model '" + name() + "' gave a score for some rows but not for "
                        + table.locate(row) + " (" + noScore.cardinality() + " rows without a score)");
            }
            scoreColumn = new NumericColumn(name() + " score", scores, noScore, null);
        }
        return new Predictions(predicted, scoreColumn, "model '" + name() + "'");
    }

    private Predictions numeric(Table table, Prediction[] outputs) {
        double[] values = new double[outputs.length];
        for (int row = 0; row < outputs.length; row++) {
            final int r = row;
            values[row] = outputs[row].value().orElseThrow(() -> mixed(table, r));
        }
        return new Predictions(new NumericColumn(name(), values, new BitSet(), null), null, "model '" + name() + "'");
    }

    private QualityConfigurationException mixed(Table table, int row) {
        return new QualityConfigurationException("model '" + name() + "' mixes class predictions and numeric predictions; "
                + "see " + table.locate(row));
    }
}
