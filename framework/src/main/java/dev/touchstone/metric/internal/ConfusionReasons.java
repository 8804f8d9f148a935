package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.Averaging.Kind;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;

/**
 * Why a confusion-matrix metric is undefined on a slice (its value would only be a
 * zero-division convention), and which metrics are plain proportions that get a Wilson interval.
 */
final class ConfusionReasons {

    private ConfusionReasons() {
    }

    /** A reason, or {@code null} when the metric is defined. */
    static String undefined(BuiltIn metric, Kind kind, int target, long[] cells, ClassOutcomes classes, long n) {
        if (n == 0) {
            return "the slice has no examples";
        }
        int k = classes.classCount();
        switch (metric.metric()) {
            case MCC -> {
                for (int c = 0; c < k; c++) {
                    if (ConfusionMatrix.rowSum(cells, k, c) == n) {
                        return "every example of the slice has the same true class '" + classes.classes[c] + "'";
                    }
                }
                return null;
            }
            case COHEN_KAPPA -> {
                double kappa = ConfusionMetrics.value(metric.metric(), metric.beta(), kind, target, cells, k);
                return Double.isNaN(kappa) ? "labels and predictions are all the same single class" : null;
            }
            case PRECISION, RECALL, F1, FBETA, SPECIFICITY -> {
                if (kind != Kind.CLASS && kind != Kind.DEFAULT) {
                    return null;
                }
                long[] one = ConfusionMetrics.oneVsRest(cells, k, target, n);
                String name = "'" + classes.classes[target] + "'";
                return switch (metric.metric()) {
                    case PRECISION -> one[0] + one[1] == 0 ? "no example of the slice is predicted as " + name : null;
                    case RECALL -> one[0] + one[2] == 0 ? "no example of the slice has the true class " + name : null;
                    case SPECIFICITY -> one[3] + one[1] == 0 ? "every example of the slice has the true class " + name : null;
                    default -> one[0] + one[1] + one[2] == 0
                            ? "class " + name + " neither occurs nor is predicted in the slice" : null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** {successes, trials} when the metric is a proportion (Wilson interval), else {@code null}. */
    static long[] proportion(BuiltIn metric, Kind kind, int target, long[] cells, int k, long n) {
        switch (metric.metric()) {
            case ACCURACY:
                return new long[] {ConfusionMatrix.trace(cells, k), n};
            case PRECISION, RECALL, SPECIFICITY: {
                long[] counts;
                if (kind == Kind.MICRO) {
                    counts = ConfusionMetrics.pooled(cells, k, n);
                } else if (kind == Kind.CLASS || kind == Kind.DEFAULT) {
                    counts = ConfusionMetrics.oneVsRest(cells, k, target, n);
                } else {
                    return null;
                }
                long tp = counts[0];
                long fp = counts[1];
                long fn = counts[2];
                long tn = counts[3];
                return switch (metric.metric()) {
                    case PRECISION -> new long[] {tp, tp + fp};
                    case RECALL -> new long[] {tp, tp + fn};
                    default -> new long[] {tn, tn + fp};
                };
            }
            case F1, FBETA:
                // Micro-averaged F equals accuracy when every class is counted: a proportion.
                return kind == Kind.MICRO ? new long[] {ConfusionMatrix.trace(cells, k), n} : null;
            default:
                return null;
        }
    }
}
