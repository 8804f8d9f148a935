package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.Optional;

/**
 * A metric that is a function of per-example sums: mean losses (MAE, MSE, RMSE, MAPE, log loss,
 * Brier) and R². The bootstrap resamples the per-example columns; paired comparisons resample
 * both models' columns on the same draws.
 *
 * <p>The truth {@code y} of an example is its true value (regression) or 1/0 for the positive
 * class (scores); the prediction {@code p} is the predicted value or the positive-class score.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract non-sealed class SumsMetric extends BuiltInMetric {

    private final Input input;

    SumsMetric(String id, boolean higherIsBetter, Range range, Input input) {
        super(id, higherIsBetter, range);
        this.input = input;
    }

    @Override
    public final Input input(Averaging averaging) {
        return input;
    }

    /** How many per-example columns the metric's sums are over. */
    public abstract int columns();

    /** The columns of one example into {@code out}; {@code meanTruth} is the slice's mean of {@code y}. */
    public abstract void columns(double y, double p, double meanTruth, double[] out);

    /** The metric from the column sums over {@code m} examples; NaN where it is undefined. */
    public abstract double value(double[] sums, int m);

    /** Whether the metric is the mean of its only column, so that paired tests can resample differences. */
    public boolean isMean() {
        return false;
    }

    /**
     * Whether, on data with a probability per class, each example's prediction is the probability
     * of its true class (multi-class log loss) rather than the positive class's score.
     */
    public boolean readsTrueClassProbability() {
        return false;
    }

    /** Whether predictions must be probabilities in [0, 1]. */
    public boolean needsProbabilities() {
        return false;
    }

    /** Why the metric is only a convention on this slice; empty when it is defined. */
    public Optional<String> undefinedReason(double[] truth, double[] predicted) {
        return Optional.empty();
    }

    /** The value scikit-learn reports where the metric is undefined. */
    public double conventionalValue(double[] truth, double[] predicted) {
        return Double.NaN;
    }

    @Override
    public final <R> R accept(Family<R> family) {
        return family.sums(this);
    }
}
