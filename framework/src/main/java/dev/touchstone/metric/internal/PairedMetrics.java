package dev.touchstone.metric.internal;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.Averaging.Kind;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.stats.Bootstrap;
import dev.touchstone.stats.DeLong;

/**
 * Metric values and paired bootstrap replicates of differences on {@link PairedData}. The
 * resampling keeps pairs together; its cost does not grow with the number of examples where the
 * metric allows: confusion-matrix metrics resample the joint (label, model, reference) cells,
 * mean-type metrics the sums of per-example differences.
 */
final class PairedMetrics {

    private PairedMetrics() {
    }

    /** {b, c, n} of the paired 2×2 table when the metric is a proportion over label-defined examples, else null. */
    static long[] proportionTable(PairedData data, BuiltIn metric) {
        if (data.isRegression()) {
            return null;
        }
        Kind kind = metric.averaging().kind();
        int mode;
        int target = -1;
        switch (metric.metric()) {
            case ACCURACY -> mode = 0;
            case PRECISION, RECALL, F1, FBETA -> {
                if (kind == Kind.MICRO) {
                    mode = 0;
                } else if (metric.metric() == BuiltInMetric.RECALL && (kind == Kind.DEFAULT || kind == Kind.CLASS)) {
                    mode = 1;
                    target = Pairing.target(data, metric);
                } else {
                    return null;
                }
            }
            case SPECIFICITY -> {
                if (kind != Kind.DEFAULT && kind != Kind.CLASS) {
                    return null;
                }
                mode = 2;
                target = Pairing.target(data, metric);
            }
            default -> {
                return null;
            }
        }
        long b = 0;
        long c = 0;
        long n = 0;
        for (int i = 0; i < data.size; i++) {
            int y = data.label[i];
            boolean a;
            boolean r;
            if (mode == 0) {
                a = data.model[i] == y;
                r = data.reference[i] == y;
            } else if (mode == 1) {
                if (y != target) {
                    continue;
                }
                a = data.model[i] == target;
                r = data.reference[i] == target;
            } else {
                if (y == target) {
                    continue;
                }
                a = data.model[i] != target;
                r = data.reference[i] != target;
            }
            n++;
            if (a && !r) {
                b++;
            } else if (!a && r) {
                c++;
            }
        }
        return new long[] {b, c, n};
    }

    static String positiveName(PairedData data, BuiltIn metric) {
        return data.classes[data.positive];
    }

    static int[] all(int m) {
        int[] positions = new int[m];
        for (int i = 0; i < m; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /** The reference's value of the metric on all paired examples. */
    static double referenceValue(PairedData data, MetricDefinition metric, Outcomes outcomes, TouchstoneSettings settings) {
        return value(data, metric, false, all(data.size));
    }

    /** One side's metric on the given positions (with repeats, for resamples). */
    static double value(PairedData data, MetricDefinition metric, boolean ofModel, int[] positions) {
        if (metric instanceof MetricDefinition.Custom custom) {
            return custom.metric().compute(data.side(ofModel, positions));
        }
        BuiltIn b = (BuiltIn) metric;
        int m = positions.length;
        switch (b.metric().family()) {
            case CONFUSION: {
                int k = data.classes.length;
                long[] cells = new long[k * k];
                int[] pred = ofModel ? data.model : data.reference;
                for (int p : positions) {
                    cells[data.label[p] * k + pred[p]]++;
                }
                int target = b.metric().perClass() && (b.averaging().kind() == Kind.DEFAULT
                        || b.averaging().kind() == Kind.CLASS) ? Pairing.target(data, b) : -1;
                return ConfusionMetrics.value(b.metric(), b.beta(), b.averaging().kind(), target, cells, k);
            }
            case SCORE: {
                double[] s = ofModel ? data.modelScore : data.referenceScore;
                int pos = 0;
                for (int p : positions) {
                    if (data.label[p] == data.positive) {
                        pos++;
                    }
                }
                double[] positives = new double[pos];
                double[] negatives = new double[m - pos];
                double lossSum = 0;
                int i = 0;
                int j = 0;
                for (int p : positions) {
                    boolean y = data.label[p] == data.positive;
                    if (y) {
                        positives[i++] = s[p];
                    } else {
                        negatives[j++] = s[p];
                    }
                    lossSum += loss(b.metric(), y, s[p]);
                }
                return switch (b.metric()) {
                    case ROC_AUC -> DeLong.estimate(positives, negatives).auc();
                    case AVERAGE_PRECISION -> ScoreHistogram.averagePrecision(ScoreHistogram.descending(positives, negatives));
                    default -> lossSum / m;
                };
            }
            case REGRESSION: {
                double[] e = ofModel ? data.modelEstimate : data.referenceEstimate;
                double sum = 0;
                double sumY = 0;
                for (int p : positions) {
                    sum += regressionLoss(b.metric(), data.target[p], e[p]);
                    sumY += data.target[p];
                }
                if (b.metric() == BuiltInMetric.RMSE) {
                    return Math.sqrt(sum / m);
                }
                if (b.metric() == BuiltInMetric.R2) {
                    double mean = sumY / m;
                    double sst = 0;
                    for (int p : positions) {
                        sst += (data.target[p] - mean) * (data.target[p] - mean);
                    }
                    return sst == 0 ? Double.NaN : 1 - sum / sst;
                }
                return sum / m;
            }
            default:
                return m;
        }
    }

    static double loss(BuiltInMetric metric, boolean positive, double score) {
        if (metric == BuiltInMetric.LOG_LOSS) {
            double p = Math.min(Math.max(score, ScoreMetrics.LOG_LOSS_EPS), 1 - ScoreMetrics.LOG_LOSS_EPS);
            return -(positive ? Math.log(p) : Math.log(1 - p));
        }
        double d = (positive ? 1 : 0) - score;
        return d * d;
    }

    static double regressionLoss(BuiltInMetric metric, double y, double estimate) {
        double e = estimate - y;
        return switch (metric) {
            case MAE -> Math.abs(e);
            case MAPE -> Math.abs(e) / Math.max(Math.abs(y), Math.ulp(1.0));
            default -> e * e;
        };
    }

    /** Bootstrap replicates of sign·(model − reference), pairs kept together. */
    static double[] replicates(PairedData data, MetricDefinition metric, double sign, int resamples, long seed,
            String stream) {
        int m = data.size;
        if (metric instanceof BuiltIn b) {
            switch (b.metric().family()) {
                case CONFUSION -> {
                    int k = data.classes.length;
                    long[] joint = new long[k * k * k];
                    for (int i = 0; i < m; i++) {
                        joint[(data.label[i] * k + data.model[i]) * k + data.reference[i]]++;
                    }
                    int target = b.metric().perClass() && (b.averaging().kind() == Kind.DEFAULT
                            || b.averaging().kind() == Kind.CLASS) ? Pairing.target(data, b) : -1;
                    long[] cellsA = new long[k * k];
                    long[] cellsB = new long[k * k];
                    return Bootstrap.ofCells(joint, resamples, seed, stream, draw -> {
                        java.util.Arrays.fill(cellsA, 0);
                        java.util.Arrays.fill(cellsB, 0);
                        for (int y = 0; y < k; y++) {
                            for (int a = 0; a < k; a++) {
                                for (int r = 0; r < k; r++) {
                                    long count = draw[(y * k + a) * k + r];
                                    cellsA[y * k + a] += count;
                                    cellsB[y * k + r] += count;
                                }
                            }
                        }
                        return sign * (ConfusionMetrics.value(b.metric(), b.beta(), b.averaging().kind(), target, cellsA, k)
                                - ConfusionMetrics.value(b.metric(), b.beta(), b.averaging().kind(), target, cellsB, k));
                    });
                }
                case SCORE -> {
                    if (b.metric() == BuiltInMetric.LOG_LOSS || b.metric() == BuiltInMetric.BRIER_SCORE) {
                        double[] diff = new double[m];
                        for (int i = 0; i < m; i++) {
                            boolean y = data.label[i] == data.positive;
                            diff[i] = loss(b.metric(), y, data.modelScore[i]) - loss(b.metric(), y, data.referenceScore[i]);
                        }
                        return Bootstrap.ofSums(new double[][] {diff}, resamples, seed, stream, s -> sign * s[0] / m);
                    }
                }
                case REGRESSION -> {
                    double[] lossA = new double[m];
                    double[] lossB = new double[m];
                    double mean = 0;
                    for (int i = 0; i < m; i++) {
                        lossA[i] = regressionLoss(b.metric(), data.target[i], data.modelEstimate[i]);
                        lossB[i] = regressionLoss(b.metric(), data.target[i], data.referenceEstimate[i]);
                        mean += data.target[i] / m;
                    }
                    if (b.metric() == BuiltInMetric.RMSE) {
                        return Bootstrap.ofSums(new double[][] {lossA, lossB}, resamples, seed, stream,
                                s -> sign * (Math.sqrt(Math.max(0, s[0]) / m) - Math.sqrt(Math.max(0, s[1]) / m)));
                    }
                    if (b.metric() == BuiltInMetric.R2) {
                        double[] centred = new double[m];
                        double[] squares = new double[m];
                        for (int i = 0; i < m; i++) {
                            centred[i] = data.target[i] - mean;
                            squares[i] = centred[i] * centred[i];
                        }
                        return Bootstrap.ofSums(new double[][] {lossA, lossB, centred, squares}, resamples, seed, stream,
                                s -> {
                                    double sst = s[3] - s[2] * s[2] / m;
                                    return sst <= 0 ? Double.NaN : sign * (s[1] - s[0]) / sst;
                                });
                    }
                    double[] diff = new double[m];
                    for (int i = 0; i < m; i++) {
                        diff[i] = lossA[i] - lossB[i];
                    }
                    return Bootstrap.ofSums(new double[][] {diff}, resamples, seed, stream, s -> sign * s[0] / m);
                }
                default -> {
                }
            }
        }
        // Anything else (average precision, user-defined metrics): resample the pairs themselves.
        int[] positions = new int[m];
        return Bootstrap.ofRows(m, resamples, seed, stream, drawn -> {
            System.arraycopy(drawn, 0, positions, 0, m);
            return sign * (value(data, metric, true, positions) - value(data, metric, false, positions));
        });
    }
}
