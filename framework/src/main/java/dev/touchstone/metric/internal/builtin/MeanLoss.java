package dev.touchstone.metric.internal.builtin;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The mean of a per-example loss, optionally transformed (RMSE is the root of the mean squared
 * error). Lower is better. One instance per metric, built by the catalogue.
 */
final class MeanLoss extends SumsMetric {

    /** A per-example loss of truth {@code y} and prediction {@code p}. */
    interface Loss {
        double of(double y, double p);
    }

    /** scikit-learn's clipping of probabilities in log loss and its floor for MAPE: the float64 epsilon. */
    static final double EPS = Math.ulp(1.0);

    private final Loss loss;
    private final DoubleUnaryOperator transform;
    private final boolean probabilities;

    MeanLoss(String id, Input input, Loss loss, DoubleUnaryOperator transform, boolean probabilities) {
        this(id, input, loss, transform, probabilities, Range.NON_NEGATIVE);
    }

    /** @param range the values the mean loss can take: [0, 1] for the squared error of probabilities (Brier) */
    MeanLoss(String id, Input input, Loss loss, DoubleUnaryOperator transform, boolean probabilities, Range range) {
        super(id, false, range, input);
        this.loss = loss;
        this.transform = transform;
        this.probabilities = probabilities;
    }

    static MeanLoss mean(String id, Input input, Loss loss) {
        return new MeanLoss(id, input, loss, null, false);
    }

    @Override
    public int columns() {
        return 1;
    }

    @Override
    public void columns(double y, double p, double meanTruth, double[] out) {
        out[0] = loss.of(y, p);
    }

    @Override
    public double value(double[] sums, int m) {
        double mean = sums[0] / m;
        return transform == null ? mean : transform.applyAsDouble(Math.max(0, mean));
    }

    @Override
    public boolean isMean() {
        return transform == null;
    }

    @Override
    public boolean needsProbabilities() {
        return probabilities;
    }

    /** Log loss is defined on any number of classes; the Brier score, as in scikit-learn, only on two. */
    @Override
    public boolean readsTrueClassProbability() {
        return id().equals("log_loss");
    }

    /** MAPE divides by the true value: where it is 0, scikit-learn divides by the float64 epsilon instead. */
    @Override
    public Optional<String> undefinedReason(double[] truth, double[] predicted) {
        if (!id().equals("mape")) {
            return Optional.empty();
        }
        int zeros = 0;
        for (double y : truth) {
            if (Math.abs(y) < EPS) {
                zeros++;
            }
        }
        return zeros == 0 ? Optional.empty() : Optional.of("MAPE divides by the true value, which is 0 on " + zeros
                + " example(s) of the slice (scikit-learn divides by 2.2e-16 there)");
    }

    @Override
    public double conventionalValue(double[] truth, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += absolutePercentage(truth[i], predicted[i]);
        }
        return sum / truth.length;
    }

    static double logLoss(double y, double p) {
        double clipped = Math.min(Math.max(p, EPS), 1 - EPS);
        return -(y == 1 ? Math.log(clipped) : Math.log(1 - clipped));
    }

    static double squared(double y, double p) {
        double d = y - p;
        return d * d;
    }

    static double absolute(double y, double p) {
        return Math.abs(p - y);
    }

    static double absolutePercentage(double y, double p) {
        return Math.abs(p - y) / Math.max(Math.abs(y), EPS);
    }
}
