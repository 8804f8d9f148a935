package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.baseline.RecordedOutcomes;
import dev.touchstone.metric.internal.ClassOutcomes.ClassScores;
import dev.touchstone.metric.internal.MetricSpec.BuiltIn;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.Input;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Lines up a model and its reference on the examples of one slice. */
final class Pairing {

    private Pairing() {
    }

    private static Input input(MetricSpec metric) {
        return metric instanceof BuiltIn b ? b.metric().input(b.averaging()) : Input.CLASSES;
    }

    private static boolean regression(MetricSpec metric) {
        return input(metric) == Input.REGRESSION;
    }

    private static boolean needsScores(MetricSpec metric) {
        return input(metric) == Input.SCORES;
    }

    /** A champion model evaluated on the same dataset: paired row by row. */
    static PairedData withModel(Outcomes model, Outcomes champion, SliceRows slice, MetricSpec metric) {
        int m = slice.size();
        if (input(metric) == Input.CLASS_SCORES) {
            ClassScores a = model.classification().classScores();
            ClassScores b = champion.classification().classScores();
            if (!a.classes().equals(b.classes())) {
                throw new dev.touchstone.config.QualityConfigurationException(metric.name() + ": the two models score "
                        + "different classes, " + a.classes() + " and " + b.classes());
            }
            return PairedData.classScores(a.classes(), RankingEvaluation.labels(slice, a),
                    RankingEvaluation.columns(slice, a), RankingEvaluation.columns(slice, b));
        }
        if (regression(metric)) {
            RegressionOutcomes a = model.regression();
            RegressionOutcomes b = champion.regression();
            double[] target = new double[m];
            double[] estimateA = new double[m];
            double[] estimateB = new double[m];
            for (int i = 0; i < m; i++) {
                int r = slice.row(i);
                target[i] = a.target[r];
                estimateA[i] = a.estimate[r];
                estimateB[i] = b.estimate[r];
            }
            return PairedData.regression(target, estimateA, estimateB);
        }
        ClassOutcomes a = model.classification();
        ClassOutcomes b = champion.classification();
        List<String> classes = new ArrayList<>(a.classes());
        int[] toModel = new int[b.classCount()];
        for (int c = 0; c < toModel.length; c++) {
            toModel[c] = indexOrAdd(classes, b.classes[c]);
        }
        int[] label = new int[m];
        int[] predA = new int[m];
        int[] predB = new int[m];
        boolean scores = needsScores(metric);
        boolean trueClass = scores && trueClassProbability(metric, a);
        double[] scoreA = scores ? new double[m] : null;
        double[] scoreB = scores ? new double[m] : null;
        double[] sa = !scores ? null : trueClass ? a.trueClassProbabilities(metric.name()) : a.scores();
        double[] sb = !scores ? null : trueClass ? b.trueClassProbabilities(metric.name()) : b.scores();
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            label[i] = a.label[r];
            // score-only models have no predicted classes; ranking and probability metrics need none
            predA[i] = a.predicted == null ? -1 : a.predicted[r];
            predB[i] = b.predicted == null ? -1 : toModel[b.predicted[r]];
            if (scores) {
                scoreA[i] = sa[r];
                scoreB[i] = sb[r];
            }
        }
        return trueClass
                ? PairedData.trueClassProbabilities(classes.toArray(String[]::new), label, predA, predB, scoreA, scoreB)
                : PairedData.classification(classes.toArray(String[]::new), a.positive, label, predA, predB, scoreA,
                        scoreB);
    }

    /** Multi-class log loss pairs each side's probability of the true class. */
    private static boolean trueClassProbability(MetricSpec metric, ClassOutcomes data) {
        return metric instanceof BuiltIn b && b.metric() instanceof dev.touchstone.metric.internal.builtin.SumsMetric s
                && s.readsTrueClassProbability() && data.hasClassScores();
    }

    /**
     * The model and a recorded baseline on the slice's examples, matched by id; empty when some
     * example is not in the baseline or its ground truth changed (then the comparison is unpaired).
     */
    static Optional<PairedData> withRecorded(Outcomes model, RecordedOutcomes recorded, SliceRows slice,
            MetricSpec metric) {
        int m = slice.size();
        if (regression(metric) != recorded.isRegression() || input(metric) == Input.CLASS_SCORES
                || needsScores(metric) && trueClassProbability(metric, model.classification())) {
            return Optional.empty();
        }
        int[] at = new int[m];
        for (int i = 0; i < m; i++) {
            at[i] = recorded.indexOf(model.exampleId(slice.row(i)));
            if (at[i] < 0) {
                return Optional.empty();
            }
        }
        if (recorded.isRegression()) {
            RegressionOutcomes a = model.regression();
            double[] target = new double[m];
            double[] estimateA = new double[m];
            double[] estimateB = new double[m];
            for (int i = 0; i < m; i++) {
                int r = slice.row(i);
                if (a.target[r] != recorded.target(at[i])) {
                    return Optional.empty();
                }
                target[i] = a.target[r];
                estimateA[i] = a.estimate[r];
                estimateB[i] = recorded.estimate(at[i]);
            }
            return Optional.of(PairedData.regression(target, estimateA, estimateB));
        }
        ClassOutcomes a = model.classification();
        List<String> classes = new ArrayList<>(a.classes());
        int[] label = new int[m];
        int[] predA = new int[m];
        int[] predB = new int[m];
        boolean scores = needsScores(metric);
        double[] scoreA = scores ? new double[m] : null;
        double[] scoreB = scores ? new double[m] : null;
        double[] sa = scores ? a.scores() : null;
        for (int i = 0; i < m; i++) {
            int r = slice.row(i);
            if (!a.classes[a.label[r]].equals(recorded.label(at[i]))) {
                return Optional.empty();
            }
            label[i] = a.label[r];
            predA[i] = a.predicted == null ? -1 : a.predicted[r];
            String recordedPrediction = recorded.predicted(at[i]);
            predB[i] = recordedPrediction == null || recordedPrediction.isEmpty() ? -1
                    : indexOrAdd(classes, recordedPrediction);
            if (scores) {
                scoreA[i] = sa[r];
                scoreB[i] = recorded.score(at[i]);
                if (Double.isNaN(scoreB[i])) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(PairedData.classification(classes.toArray(String[]::new), a.positive, label, predA, predB,
                scoreA, scoreB));
    }

    private static int indexOrAdd(List<String> classes, String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            classes.add(name);
            i = classes.size() - 1;
        }
        return i;
    }

    static int target(PairedData data, BuiltIn metric) {
        if (metric.averaging().kind() == Averaging.Kind.CLASS) {
            int code = Arrays.asList(data.classes).indexOf(metric.averaging().className());
            if (code < 0) {
                throw new QualityConfigurationException(metric.name() + ": unknown class " + metric.averaging().className());
            }
            return code;
        }
        return data.positive;
    }
}
