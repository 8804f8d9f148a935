package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.IntervalSource;
import dev.touchstone.metric.internal.builtin.Input;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.SumsMetric;
import dev.touchstone.stats.internal.Bootstrap;
import java.util.List;
import java.util.Optional;

/**
 * Metrics of per-example sums (mean losses, R²) on a slice: the slice's truths and predictions
 * are gathered, the definition turns each example into columns, and the bootstrap resamples
 * the columns' sums.
 */
final class SumsEvaluation {

    private SumsEvaluation() {
    }

    /** Truth and prediction of each example of a slice, as the metric reads them. */
    record Sample(double[] truth, double[] predicted, List<String> notes) {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, SumsMetric metric, String name,
            Resampling resampling) {
        Sample sample = sample(outcomes, slice, metric);
        int m = sample.truth().length;
        if (m == 0) {
            return SliceEstimate.empty(name, slice, sample.notes());
        }
        Optional<String> undefined = metric.undefinedReason(sample.truth(), sample.predicted());
        if (undefined.isPresent()) {
            return SliceEstimate.of(name, slice, Estimate.undefined(metric.conventionalValue(sample.truth(),
                    sample.predicted()), undefined.get(), "none").withNotes(sample.notes()));
        }
        double[][] columns = columns(metric, sample.truth(), sample.predicted());
        double value = metric.value(sums(columns), m);
        // A bound outside the metric's range (an MSE below 0) would be a claim the data cannot make.
        IntervalSource intervals = IntervalSource.clipped(IntervalSource.bootstrapped(() -> Bootstrap.drawSums(columns,
                resampling.resamples(), resampling.seed(), resampling.stream(), sums -> metric.value(sums, m))),
                metric.range());
        return SliceEstimate.of(name, slice, Estimate.defined(value, intervals).withNotes(sample.notes()));
    }

    static Sample sample(Outcomes outcomes, SliceRows slice, SumsMetric metric) {
        int m = slice.size();
        double[] truth = new double[m];
        double[] predicted = new double[m];
        if (metric.input(dev.touchstone.metric.internal.builtin.Averaging.DEFAULT) == Input.REGRESSION) {
            RegressionOutcomes data = outcomes.regression();
            for (int i = 0; i < m; i++) {
                int r = slice.row(i);
                truth[i] = data.target[r];
                predicted[i] = data.estimate[r];
            }
            return new Sample(truth, predicted, List.of());
        }
        ClassOutcomes classes = outcomes.classification();
        if (metric.readsTrueClassProbability() && classes.hasClassScores()) {
            // one probability per class: the loss of each example is that of its true class
            double[] p = m > 0 ? classes.trueClassProbabilities(metric.id()) : null;
            for (int i = 0; i < m; i++) {
                truth[i] = 1;
                predicted[i] = p[slice.row(i)];
            }
            return new Sample(truth, predicted, classes.notes());
        }
        int positive = MetricEvaluator.binaryPositive(classes, metric, outcomes);
        if (m > 0 && metric.needsProbabilities()) {
            classes.requireProbabilities(metric.id());
        }
        double[] scores = m > 0 ? classes.scores() : null;
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            truth[i] = classes.label[r] == positive ? 1 : 0;
            predicted[i] = scores[r];
        }
        return new Sample(truth, predicted, classes.notes());
    }

    /** {@code columns[j][i]}: column j of example i. */
    static double[][] columns(SumsMetric metric, double[] truth, double[] predicted) {
        int m = truth.length;
        double meanTruth = 0;
        for (double y : truth) {
            meanTruth += y;
        }
        meanTruth /= m;
        int c = metric.columns();
        double[][] columns = new double[c][m];
        double[] out = new double[c];
        for (int i = 0; i < m; i++) {
            metric.columns(truth[i], predicted[i], meanTruth, out);
            for (int j = 0; j < c; j++) {
                columns[j][i] = out[j];
            }
        }
        return columns;
    }

    static double[] sums(double[][] columns) {
        double[] sums = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (double v : columns[j]) {
                sums[j] += v;
            }
        }
        return sums;
    }
}
