package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import org.apiguardian.api.API;

/**
 * What confidence-based performance estimation reads from a slice of logged predictions: the
 * positive-class score of each row, whether the model predicted the positive class (its
 * prediction column, or the score against the dataset's threshold) and, on labelled data,
 * whether the label is the positive class.
 *
 * @param scores            the score of each row of the slice
 * @param predictedPositive the prediction of each row
 * @param positive          the label of each row; {@code null} when the dataset has no label column
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record EstimatedPerformance(double[] scores, boolean[] predictedPositive, boolean[] positive) {

    /** Reads the slice; a dataset without scores, a positive class or predictions fails, saying what to declare. */
    public static EstimatedPerformance of(Outcomes outcomes, SliceRows slice) {
        Dataset dataset = outcomes.dataset();
        Table table = outcomes.table();
        String what = "estimating performance without labels on dataset '" + dataset.name() + "'";
        String scoreName = dataset.scoreColumn().orElseThrow(() -> new QualityConfigurationException(what
                + " needs the positive-class probability: call withScore(\"column\") on it"));
        String positiveClass = dataset.positiveClass().orElseThrow(() -> new QualityConfigurationException(what
                + " needs to know the positive class: call withPositiveClass(\"...\") on it"));
        Column scoreColumn = table.column(scoreName);
        if (!(scoreColumn instanceof NumericColumn numeric)) {
            throw new QualityConfigurationException(table.firstNonNumeric(scoreName));
        }
        Column prediction = dataset.predictionColumn().map(table::column).orElse(null);
        if (prediction == null && dataset.threshold().isEmpty()) {
            throw new QualityConfigurationException(what + " needs the model's predictions: call withPrediction(\"column\") "
                    + "or withThreshold(t) on it");
        }
        Column label = dataset.labelColumn().map(table::column).orElse(null);
        int n = slice.size();
        double[] scores = new double[n];
        boolean[] predicted = new boolean[n];
        boolean[] positive = label == null ? null : new boolean[n];
        for (int i = 0; i < n; i++) {
            int row = slice.row(i);
            double p = numeric.isMissing(row) ? Double.NaN : numeric.value(row);
            if (!(p >= 0 && p <= 1)) {
                throw new QualityConfigurationException(table.locate(row, scoreName) + ": " + (Double.isNaN(p) ? "missing"
                        : p) + " is not a probability in [0, 1], which " + what + " needs");
            }
            scores[i] = p;
            predicted[i] = prediction != null ? positiveClass.equals(prediction.text(row))
                    : p >= dataset.threshold().getAsDouble();
            if (positive != null) {
                String text = label.text(row);
                if (text == null) {
                    throw new QualityConfigurationException(table.locate(row, label.name()) + ": the label is missing");
                }
                positive[i] = positiveClass.equals(text);
            }
        }
        return new EstimatedPerformance(scores, predicted, positive);
    }
}
