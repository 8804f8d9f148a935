package dev.touchstone.metric.internal.builtin;

import java.util.Optional;

/**
 * The coefficient of determination, 1 − SSE/SST, as scikit-learn: undefined when the true value
 * is constant on the slice (scikit-learn then reports 1 for a perfect fit, else 0). The truth
 * is centred on the slice mean before summing, so that SST from sums stays accurate.
 */
final class RSquared extends SumsMetric {

    RSquared() {
        super("r2", true, Range.AT_MOST_ONE, Input.REGRESSION);
    }

    @Override
    public int columns() {
        return 3;
    }

    @Override
    public void columns(double y, double p, double meanTruth, double[] out) {
        double e = p - y;
        double d = y - meanTruth;
        out[0] = e * e;
        out[1] = d;
        out[2] = d * d;
    }

    @Override
    public double value(double[] sums, int m) {
        double total = sums[2] - sums[1] * sums[1] / m;
        return total <= 0 ? Double.NaN : 1 - sums[0] / total;
    }

    @Override
    public Optional<String> undefinedReason(double[] truth, double[] predicted) {
        for (double y : truth) {
            if (y != truth[0]) {
                return Optional.empty();
            }
        }
        return Optional.of("R² is undefined: the true value is the same on every example of the slice");
    }

    @Override
    public double conventionalValue(double[] truth, double[] predicted) {
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != predicted[i]) {
                return 0.0;
            }
        }
        return 1.0;
    }
}
