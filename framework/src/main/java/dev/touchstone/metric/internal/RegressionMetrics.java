package dev.touchstone.metric.internal;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.stats.Bootstrap;
import java.util.List;

/**
 * Regression errors with scikit-learn's definitions: MAE, MSE, RMSE = √MSE, R² = 1 − SSE/SST
 * (undefined when the true value is constant; the value is then 1 if the fit is perfect, else
 * 0, as scikit-learn reports), MAPE = mean |e| / max(|y|, ε) with ε the float64 epsilon. Each is
 * a function of per-row sums, which is what the bootstrap resamples.
 */
final class RegressionMetrics {

    private static final double MAPE_EPS = Math.ulp(1.0);

    private RegressionMetrics() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, BuiltIn metric, TouchstoneSettings settings) {
        RegressionOutcomes data = outcomes.regression();
        String name = metric.name();
        int m = slice.size();
        if (m == 0) {
            return new SliceEstimate(name, slice, Double.NaN, "the slice has no examples", List.of(),
                    IntervalSource.undefined("none"));
        }
        double[] y = new double[m];
        double[] e = new double[m];
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            y[i] = data.target[r];
            e[i] = data.estimate[r] - data.target[r];
        }
        String stream = MetricEvaluator.streamKey(outcomes, slice, name);
        return switch (metric.metric()) {
            case MAE -> ScoreMetrics.meanWithBootstrap(name, slice, map(e, Math::abs), List.of(), settings, stream);
            case MSE -> ScoreMetrics.meanWithBootstrap(name, slice, map(e, v -> v * v), List.of(), settings, stream);
            case MAPE -> {
                double[] ape = new double[m];
                for (int i = 0; i < m; i++) {
                    ape[i] = Math.abs(e[i]) / Math.max(Math.abs(y[i]), MAPE_EPS);
                }
                yield ScoreMetrics.meanWithBootstrap(name, slice, ape, List.of(), settings, stream);
            }
            case RMSE -> rmse(name, slice, e, settings, stream);
            case R2 -> r2(name, slice, y, e, settings, stream);
            default -> throw new IllegalArgumentException(metric.metric().name());
        };
    }

    private static SliceEstimate rmse(String name, SliceRows slice, double[] e, TouchstoneSettings settings, String stream) {
        double[] squares = map(e, v -> v * v);
        int m = squares.length;
        double value = Math.sqrt(sum(squares) / m);
        return new SliceEstimate(name, slice, value, null, List.of(), IntervalSource.bootstrap(
                Bootstrap.sumsMethod(m, settings.resamples()),
                () -> Bootstrap.ofSums(new double[][] {squares}, settings.resamples(), settings.seed(), stream,
                        sums -> Math.sqrt(Math.max(0, sums[0]) / m))));
    }

    private static SliceEstimate r2(String name, SliceRows slice, double[] y, double[] e, TouchstoneSettings settings,
            String stream) {
        int m = y.length;
        double mean = sum(y) / m;
        double sst = 0;
        double sse = 0;
        for (int i = 0; i < m; i++) {
            double d = y[i] - mean;
            sst += d * d;
            sse += e[i] * e[i];
        }
        if (sst == 0) {
            return new SliceEstimate(name, slice, sse == 0 ? 1.0 : 0.0,
                    "R² is undefined: the true value is the same on every example of the slice", List.of(),
                    IntervalSource.undefined("none"));
        }
        double value = 1 - sse / sst;
        // Centre y before resampling so that SST from sums stays accurate.
        double[] centred = map(y, v -> v - mean);
        double[] centredSquares = map(centred, v -> v * v);
        double[] squares = map(e, v -> v * v);
        return new SliceEstimate(name, slice, value, null, List.of(), IntervalSource.bootstrap(
                Bootstrap.sumsMethod(m, settings.resamples()),
                () -> Bootstrap.ofSums(new double[][] {squares, centred, centredSquares}, settings.resamples(),
                        settings.seed(), stream, sums -> {
                            double total = sums[2] - sums[1] * sums[1] / m;
                            return total <= 0 ? Double.NaN : 1 - sums[0] / total;
                        })));
    }

    private static double[] map(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
