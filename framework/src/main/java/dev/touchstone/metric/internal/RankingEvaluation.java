package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.ClassOutcomes.ClassScores;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.ScoreSample;
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
                ScoreRanks ranks = ranks(outcomes, slice, classes);
                String positiveName = classes.classes[positive];
                yield ranks == null
                        ? metric.estimate(sample(slice, classes.scores(), classes.label, positive, positiveName),
                                resampling)
                        : metric.estimate(ranks.counts(classes.label, positive, slice, positiveName), resampling);
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

    private record ScoreRanksKey() {
    }

    /**
     * The ranks of the whole score column (one sort per evaluation, shared by every slice and
     * statement), or {@code null} for a slice small enough that sorting its own scores is cheaper
     * than a sweep over every distinct score of the column.
     */
    static ScoreRanks ranks(Outcomes outcomes, SliceRows slice, ClassOutcomes classes) {
        double[] scores = classes.scores();
        if ((long) slice.size() * 16 < scores.length) {
            return null;
        }
        ScoreRanks ranks = outcomes.memo(new ScoreRanksKey(), k -> ScoreRanks.of(scores));
        return ranks.distinct().length < ScoreRanks.MAX_DISTINCT ? ranks : null;
    }

    /** The slice's scores split by whether the label is {@code positive}, unsorted. */
    static ScoreSample sample(SliceRows slice, double[] scores, int[] label, int positive, String positiveName) {
        int positives = 0;
        for (int i = 0; i < slice.size(); i++) {
            if (label[slice.row(i)] == positive) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[slice.size() - positives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < slice.size(); i++) {
            int r = slice.row(i);
            if (label[r] == positive) {
                pos[p++] = scores[r];
            } else {
                neg[q++] = scores[r];
            }
        }
        return new ScoreSample(pos, neg, false, positiveName);
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
