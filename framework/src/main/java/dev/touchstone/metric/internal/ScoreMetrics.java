package dev.touchstone.metric.internal;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.stats.AucEstimate;
import dev.touchstone.stats.Bootstrap;
import dev.touchstone.stats.DeLong;
import java.util.Arrays;
import java.util.List;

/**
 * Metrics of the positive-class score: ROC AUC (DeLong interval), average precision, log loss
 * and Brier score (bootstrap intervals). All need a positive class and a score column.
 */
final class ScoreMetrics {

    /** scikit-learn's clipping of probabilities in log loss: the float64 machine epsilon. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private ScoreMetrics() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, BuiltIn metric, TouchstoneSettings settings) {
        ClassOutcomes classes = outcomes.classification();
        int positive = MetricEvaluator.binaryPositive(classes, metric.metric().id(), outcomes);
        double[] scores = classes.scores();
        List<String> notes = classes.notes();
        String name = metric.name();
        if (slice.isEmpty()) {
            return new SliceEstimate(name, slice, Double.NaN, "the slice has no examples", notes, IntervalSource.undefined("none"));
        }
        String stream = MetricEvaluator.streamKey(outcomes, slice, name);
        return switch (metric.metric()) {
            case ROC_AUC -> rocAuc(outcomes, slice, classes, positive, scores, name, notes);
            case AVERAGE_PRECISION -> averagePrecision(slice, classes, positive, scores, name, notes, settings, stream);
            case LOG_LOSS, BRIER_SCORE -> {
                classes.requireProbabilities(name);
                double[] losses = losses(metric.metric(), slice, classes, positive, scores);
                yield meanWithBootstrap(name, slice, losses, notes, settings, stream);
            }
            default -> throw new IllegalArgumentException(metric.metric().name());
        };
    }

    private static SliceEstimate rocAuc(Outcomes outcomes, SliceRows slice, ClassOutcomes classes, int positive,
            double[] scores, String name, List<String> notes) {
        AucEstimate estimate = outcomes.memo(new AucKey(slice.name(), slice.definition(), slice.size()),
                k -> auc(outcomes, slice, classes, positive, scores));
        if (estimate.positives() == 0 || estimate.negatives() == 0) {
            String missing = estimate.positives() == 0 ? "positive ('" + classes.classes[positive] + "')" : "negative";
            return new SliceEstimate(name, slice, Double.NaN, "ROC AUC needs both classes, but the slice has no "
                    + missing + " example", notes, IntervalSource.undefined("delong"));
        }
        return new SliceEstimate(name, slice, estimate.auc(), null, notes, IntervalSource.delong(estimate), null,
                java.util.Map.of("variance", estimate.variance(), "positives", (double) estimate.positives(),
                        "negatives", (double) estimate.negatives()));
    }

    private record AucKey(String slice, String definition, int size) {
    }

    private record ScoreOrderKey() {
    }

    /**
     * Large slices read their scores in the order of one sort of the whole score column (done
     * once per evaluation, shared by every slice and statement), so they need no sort of their
     * own; small slices sort their few scores directly.
     */
    private static AucEstimate auc(Outcomes outcomes, SliceRows slice, ClassOutcomes classes, int positive,
            double[] scores) {
        if ((long) slice.size() * 16 < scores.length) {
            double[][] split = split(slice, classes, positive, scores);
            return DeLong.estimate(split[0], split[1]);
        }
        int[] order = outcomes.memo(new ScoreOrderKey(), k -> DeLong.sortingPermutation(scores));
        java.util.BitSet in = null;
        if (slice.rows() != null) {
            in = new java.util.BitSet(scores.length);
            for (int r : slice.rows()) {
                in.set(r);
            }
        }
        int positives = 0;
        for (int i = 0; i < slice.size(); i++) {
            if (classes.label[slice.row(i)] == positive) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[slice.size() - positives];
        int p = 0;
        int q = 0;
        for (int r : order) {
            if (in == null || in.get(r)) {
                if (classes.label[r] == positive) {
                    pos[p++] = scores[r];
                } else {
                    neg[q++] = scores[r];
                }
            }
        }
        return DeLong.estimateSorted(pos, neg);
    }

    /** {positive scores, negative scores} of the slice. */
    static double[][] split(SliceRows slice, ClassOutcomes classes, int positive, double[] scores) {
        int m = slice.size();
        int positives = 0;
        for (int i = 0; i < m; i++) {
            if (classes.label[slice.row(i)] == positive) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[m - positives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            if (classes.label[r] == positive) {
                pos[p++] = scores[r];
            } else {
                neg[q++] = scores[r];
            }
        }
        return new double[][] {pos, neg};
    }

    private static SliceEstimate averagePrecision(SliceRows slice, ClassOutcomes classes, int positive,
            double[] scores, String name, List<String> notes, TouchstoneSettings settings, String stream) {
        double[][] split = split(slice, classes, positive, scores);
        long[] cells = ScoreHistogram.descending(split[0], split[1]);
        double ap = ScoreHistogram.averagePrecision(cells);
        if (split[0].length == 0) {
            return new SliceEstimate(name, slice, ap, "average precision needs positive examples ('"
                    + classes.classes[positive] + "'), but the slice has none", notes, IntervalSource.undefined("none"));
        }
        return new SliceEstimate(name, slice, ap, null, notes, IntervalSource.bootstrap(Bootstrap.PERCENTILE,
                () -> Bootstrap.ofCells(cells, settings.resamples(), settings.seed(), stream,
                        ScoreHistogram::averagePrecision)));
    }

    private static double[] losses(BuiltInMetric metric, SliceRows slice, ClassOutcomes classes, int positive, double[] scores) {
        int m = slice.size();
        double[] losses = new double[m];
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            double p = scores[r];
            boolean y = classes.label[r] == positive;
            if (metric == BuiltInMetric.LOG_LOSS) {
                double clipped = Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
                losses[i] = -(y ? Math.log(clipped) : Math.log(1 - clipped));
            } else {
                double d = (y ? 1 : 0) - p;
                losses[i] = d * d;
            }
        }
        return losses;
    }

    static SliceEstimate meanWithBootstrap(String name, SliceRows slice, double[] values, List<String> notes,
            TouchstoneSettings settings, String stream) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        int m = values.length;
        double mean = sum / m;
        return new SliceEstimate(name, slice, mean, null, notes, IntervalSource.bootstrap(
                Bootstrap.sumsMethod(m, settings.resamples()),
                () -> Bootstrap.ofSums(new double[][] {values}, settings.resamples(), settings.seed(), stream,
                        sums -> sums[0] / m)));
    }

    static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
