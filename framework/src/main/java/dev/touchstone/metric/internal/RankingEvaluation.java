package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.ClassOutcomes.ClassScores;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.ScoreSample;
import dev.touchstone.stats.internal.DeLong;
import java.util.BitSet;
import java.util.List;

/**
 * Ranking metrics (ROC AUC, average precision) on a slice: the positive-class scores split by
 * true class, or, one against the rest, every class's scores.
 */
final class RankingEvaluation {

    private RankingEvaluation() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, RankingMetric metric, Averaging averaging,
            String name, Resampling resampling) {
        ClassOutcomes classes = outcomes.classification();
        List<String> notes = classes.notes();
        if (slice.isEmpty()) {
            if (averaging.kind() == Kind.DEFAULT) {
                MetricEvaluator.binaryPositive(classes, metric, outcomes);
            }
            return SliceEstimate.empty(name, slice, notes);
        }
        Estimate estimate = switch (averaging.kind()) {
            case DEFAULT -> {
                int positive = MetricEvaluator.binaryPositive(classes, metric, outcomes);
                yield metric.estimate(sample(outcomes, slice, classes, positive), resampling);
            }
            case CLASS -> {
                ClassScores scores = classes.classScores();
                int c = scores.classes().indexOf(averaging.className());
                if (c < 0) {
                    throw new dev.touchstone.config.QualityConfigurationException(name + ": class '"
                            + averaging.className() + "' has no score column; the classes with one are "
                            + scores.classes());
                }
                yield metric.estimate(oneVsRest(slice, scores, c), resampling);
            }
            default -> {
                ClassScores scores = classes.classScores();
                yield metric.estimateAveraged(labels(slice, scores), columns(slice, scores), averaging.kind(),
                        scores.classes());
            }
        };
        return SliceEstimate.of(name, slice, estimate.withNotes(notes));
    }

    private record ScoreOrderKey() {
    }

    /**
     * The slice's positive-class scores split by class. Large slices read them in the order of
     * one sort of the whole score column (done once per evaluation, shared by every slice and
     * statement), so they need no sort of their own; small slices are left unsorted.
     */
    static ScoreSample sample(Outcomes outcomes, SliceRows slice, ClassOutcomes classes, int positive) {
        double[] scores = classes.scores();
        String positiveName = classes.classes[positive];
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
        if ((long) slice.size() * 16 < scores.length) {
            for (int i = 0; i < slice.size(); i++) {
                int r = slice.row(i);
                if (classes.label[r] == positive) {
                    pos[p++] = scores[r];
                } else {
                    neg[q++] = scores[r];
                }
            }
            return new ScoreSample(pos, neg, false, positiveName);
        }
        int[] order = outcomes.memo(new ScoreOrderKey(), k -> DeLong.sortingPermutation(scores));
        BitSet in = null;
        if (slice.rows() != null) {
            in = new BitSet(scores.length);
            for (int r : slice.rows()) {
                in.set(r);
            }
        }
        for (int r : order) {
            if (in == null || in.get(r)) {
                if (classes.label[r] == positive) {
                    pos[p++] = scores[r];
                } else {
                    neg[q++] = scores[r];
                }
            }
        }
        return new ScoreSample(pos, neg, true, positiveName);
    }

    /** Class {@code c}'s scores of the slice, split into its examples and the rest. */
    static ScoreSample oneVsRest(SliceRows slice, ClassScores scores, int c) {
        int positives = 0;
        for (int i = 0; i < slice.size(); i++) {
            if (scores.label()[slice.row(i)] == c) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[slice.size() - positives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < slice.size(); i++) {
            int r = slice.row(i);
            if (scores.label()[r] == c) {
                pos[p++] = scores.scores()[c][r];
            } else {
                neg[q++] = scores.scores()[c][r];
            }
        }
        return new ScoreSample(pos, neg, false, scores.classes().get(c));
    }

    static int[] labels(SliceRows slice, ClassScores scores) {
        int[] labels = new int[slice.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = scores.label()[slice.row(i)];
        }
        return labels;
    }

    static double[][] columns(SliceRows slice, ClassScores scores) {
        double[][] columns = new double[scores.classes().size()][slice.size()];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < slice.size(); i++) {
                columns[c][i] = scores.scores()[c][slice.row(i)];
            }
        }
        return columns;
    }
}
