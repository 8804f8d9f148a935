package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.Model;
import dev.touchstone.model.internal.Predictions;

/** Regression outcomes: true and predicted values, all finite (checked when built). */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class RegressionOutcomes {

    final double[] target;
    final double[] estimate;

    private RegressionOutcomes(double[] target, double[] estimate) {
        this.target = target;
        this.estimate = estimate;
    }

    static RegressionOutcomes build(Model model, Dataset dataset, Table table, Predictions predictions) {
        String labelName = dataset.labelColumn().orElseThrow(() -> new QualityConfigurationException(
                "dataset '" + dataset.name() + "' has no label column; call withLabel(\"column\") on it"));
        if (predictions.scoresOnly()) {
            throw new QualityConfigurationException("regression metrics need predicted values, but model '" + model.name()
                    + "' has only a score (" + predictions.origin() + "); call withPrediction(\"column\") on its dataset");
        }
        double[] target = finiteValues(table, table.column(labelName), "the true value (label)");
        double[] estimate = finiteValues(table, predictions.predicted(), "the predicted value");
        return new RegressionOutcomes(target, estimate);
    }

    private static double[] finiteValues(Table table, Column column, String what) {
        if (!(column instanceof NumericColumn numeric)) {
            String where = table.findColumn(column.name()).isPresent()
                    ? table.firstNonNumeric(column.name())
                    : "predictions of " + column.name() + " are classes";
            throw new QualityConfigurationException("regression metrics need numbers for " + what + ", but " + where);
        }
        double[] values = numeric.valuesView();
        for (int row = 0; row < values.length; row++) {
            if (numeric.isMissing(row)) {
                throw new QualityConfigurationException(table.locate(row, column.name()) + ": " + what + " is missing");
            }
            if (!Double.isFinite(values[row])) {
                throw new QualityConfigurationException(table.locate(row, column.name()) + ": " + what + " is "
                        + numeric.text(row) + "; values must be finite numbers");
            }
        }
        return values;
    }
}
