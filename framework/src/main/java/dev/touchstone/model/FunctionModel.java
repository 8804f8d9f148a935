package dev.touchstone.model;

import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.Row;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
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
    Predictions predict(Dataset dataset, TouchstoneSettings settings) {
        return memo(new CacheKey(DatasetAccess.tableIdentity(dataset)), key -> run(dataset.table()));
    }

    private record CacheKey(Object table) {
    }

    private Predictions run(Table table) {
        int n = table.rowCount();
        Prediction[] outputs = new Prediction[n];
        try (Progress progress = Progress.start("model '" + name() + "' on " + table.source(), n, "rows")) {
            for (int row = 0; row < n; row++) {
                outputs[row] = predict(table, row);
                progress.advance(row + 1);
            }
        }
        return PredictionColumns.of(name(), "model '" + name() + "'", table, outputs);
    }

    private Prediction predict(Table table, int row) {
        Prediction p;
        try {
            p = predict.apply(DatasetAccess.row(table, row));
        } catch (RuntimeException e) {
            throw new QualityConfigurationException("model '" + name() + "' failed on " + table.locate(row) + ": " + e,
                    e);
        }
        if (p == null) {
            throw new QualityConfigurationException("model '" + name() + "' returned no prediction for "
                    + table.locate(row));
        }
        return p;
    }
}
