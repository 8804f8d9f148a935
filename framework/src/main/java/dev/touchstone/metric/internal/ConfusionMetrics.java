package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.Averaging.Kind;

/**
 * Confusion-matrix metrics with scikit-learn's definitions and zero-division conventions: a
 * ratio whose denominator is zero counts as 0 (precision of a class never predicted, recall
 * of a class that never occurs), and averages run over the classes present in the slice, true
 * or predicted. Cohen's kappa is NaN when the expected agreement is 1, as in scikit-learn.
 */
final class ConfusionMetrics {

    private ConfusionMetrics() {
    }

    /**
     * The metric's value on {@code cells}. {@code target} is the class for {@code Kind.CLASS}
     * (also used for the default, binary case, with the positive class).
     */
    static double value(BuiltInMetric metric, double beta, Kind kind, int target, long[] cells, int k) {
        long n = ConfusionMatrix.total(cells);
        if (n == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case ACCURACY -> (double) ConfusionMatrix.trace(cells, k) / n;
            case BALANCED_ACCURACY -> balancedAccuracy(cells, k);
            case MCC -> mcc(cells, k, n);
            case COHEN_KAPPA -> kappa(cells, k, n);
            case PRECISION, RECALL, F1, FBETA, SPECIFICITY -> averaged(metric, beta, kind, target, cells, k, n);
            default -> throw new IllegalArgumentException(metric + " is not a confusion-matrix metric");
        };
    }

    private static double averaged(BuiltInMetric metric, double beta, Kind kind, int target, long[] cells, int k, long n) {
        switch (kind) {
            case DEFAULT, CLASS:
                return perClass(metric, beta, target, cells, k, n);
            case MACRO: {
                // Over the classes present in the slice (true or predicted), as scikit-learn does.
                double sum = 0;
                int present = 0;
                for (int c = 0; c < k; c++) {
                    if (ConfusionMatrix.rowSum(cells, k, c) + ConfusionMatrix.columnSum(cells, k, c) > 0) {
                        sum += perClass(metric, beta, c, cells, k, n);
                        present++;
                    }
                }
                return sum / present;
            }
            case WEIGHTED: {
                double sum = 0;
                long support = 0;
                for (int c = 0; c < k; c++) {
                    long s = ConfusionMatrix.rowSum(cells, k, c);
                    sum += s * perClass(metric, beta, c, cells, k, n);
                    support += s;
                }
                return support == 0 ? 0 : sum / support;
            }
            case MICRO: {
                long[] pooled = pooled(cells, k, n);
                return fromCounts(metric, beta, pooled[0], pooled[1], pooled[2], pooled[3]);
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** {tp, fp, fn, tn} summed over classes (micro averaging). */
    static long[] pooled(long[] cells, int k, long n) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int c = 0; c < k; c++) {
            long[] one = oneVsRest(cells, k, c, n);
            tp += one[0];
            fp += one[1];
            fn += one[2];
            tn += one[3];
        }
        return new long[] {tp, fp, fn, tn};
    }

    /** {tp, fp, fn, tn} of class {@code c} against the rest. */
    static long[] oneVsRest(long[] cells, int k, int c, long n) {
        long tp = cells[c * k + c];
        long fp = ConfusionMatrix.columnSum(cells, k, c) - tp;
        long fn = ConfusionMatrix.rowSum(cells, k, c) - tp;
        return new long[] {tp, fp, fn, n - tp - fp - fn};
    }

    private static double perClass(BuiltInMetric metric, double beta, int c, long[] cells, int k, long n) {
        long[] one = oneVsRest(cells, k, c, n);
        return fromCounts(metric, beta, one[0], one[1], one[2], one[3]);
    }

    static double fromCounts(BuiltInMetric metric, double beta, long tp, long fp, long fn, long tn) {
        return switch (metric) {
            case PRECISION -> ratio(tp, tp + fp);
            case RECALL -> ratio(tp, tp + fn);
            case SPECIFICITY -> ratio(tn, tn + fp);
            case F1, FBETA -> {
                double b2 = beta * beta;
                double denominator = (1 + b2) * tp + b2 * fn + fp;
                yield denominator == 0 ? 0 : (1 + b2) * tp / denominator;
            }
            default -> throw new IllegalArgumentException(metric.name());
        };
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    // Mean recall over the classes that occur in the labels (scikit-learn drops the others).
    private static double balancedAccuracy(long[] cells, int k) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long support = ConfusionMatrix.rowSum(cells, k, c);
            if (support > 0) {
                sum += (double) cells[c * k + c] / support;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    // The multi-class MCC (Gorodkin's R_K), exactly as sklearn.metrics.matthews_corrcoef.
    private static double mcc(long[] cells, int k, long n) {
        double trace = ConfusionMatrix.trace(cells, k);
        double tDotP = 0;
        double pDotP = 0;
        double tDotT = 0;
        for (int c = 0; c < k; c++) {
            double t = ConfusionMatrix.rowSum(cells, k, c);
            double p = ConfusionMatrix.columnSum(cells, k, c);
            tDotP += t * p;
            pDotP += p * p;
            tDotT += t * t;
        }
        double nn = (double) n * n;
        double covTp = trace * n - tDotP;
        double covPp = nn - pDotP;
        double covTt = nn - tDotT;
        if (covPp * covTt == 0) {
            return 0;
        }
        return covTp / Math.sqrt(covTt * covPp);
    }

    private static double kappa(long[] cells, int k, long n) {
        double observed = (double) ConfusionMatrix.trace(cells, k) / n;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            expected += (double) ConfusionMatrix.rowSum(cells, k, c) * ConfusionMatrix.columnSum(cells, k, c);
        }
        expected /= (double) n * n;
        // scikit-learn computes 1 - sum(w * C) / sum(w * E); both are 0 when E has no disagreement.
        double disagreeObserved = 1 - observed;
        double disagreeExpected = 1 - expected;
        if (disagreeExpected == 0) {
            return Double.NaN;
        }
        return 1 - disagreeObserved / disagreeExpected;
    }
}
