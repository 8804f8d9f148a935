package dev.touchstone.model;

import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Table;
import java.util.Objects;
import java.util.Optional;

/** Predictions read from the prediction (and score) columns of the model's own dataset. */
final class LoggedModel extends Model {

    private final Dataset dataset;

    LoggedModel(String name, Dataset dataset) {
        super(name);
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    @Override
    public Optional<Dataset> dataset() {
        return Optional.of(dataset);
    }

    @Override
    Predictions predict(Dataset target, TouchstoneSettings settings) {
        if (DatasetAccess.tableIdentity(target) != DatasetAccess.tableIdentity(dataset)) {
            throw new QualityConfigurationException("model '" + name() + "' was logged on dataset '"
                    + dataset.name() + "' (" + dataset.source() + "); it cannot predict on dataset '"
                    + target.name() + "' (" + target.source() + ")");
        }
        Table table = dataset.table();
        // The model's own score column, or else the one the statement's dataset names.
        Optional<String> scoreColumn = dataset.scoreColumn().or(target::scoreColumn);
        Column scores = scoreColumn.map(table::column).orElse(null);
        Optional<String> predictionColumn = dataset.predictionColumn();
        if (predictionColumn.isEmpty()) {
            if (scores == null && dataset.classScoreColumns().isEmpty()) {
                throw new QualityConfigurationException("logged model '" + name() + "': dataset '" + dataset.name()
                        + "' has neither a prediction nor a score column; call withPrediction(\"column\") or "
                        + "withScore(\"column\") on it");
            }
            // a score-only model (a risk score): ranking and probability metrics need nothing else
            return new Predictions(null, scores, scoreColumn.map(c -> "column '" + c + "'").orElse("class scores"));
        }
        Column predicted = table.column(predictionColumn.get());
        return new Predictions(predicted, scores, "column '" + predictionColumn.get() + "'");
    }
}
