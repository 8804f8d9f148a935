package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.internal.AucComparison;
import dev.touchstone.stats.internal.AucEstimate;
import dev.touchstone.stats.internal.ComparisonTest;
import dev.touchstone.stats.internal.DeLong;
import dev.touchstone.stats.internal.OneVsRestAuc;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count one half), with DeLong's interval and paired test, as R's pROC. On
 * multi-class data with one score column per class: one class against the rest
 * ({@code forClass}), or the macro / prevalence-weighted average over all classes, as
 * scikit-learn's {@code roc_auc_score(multi_class="ovr")}, with the class-stratified DeLong
 * variance of {@link OneVsRestAuc}.
 */
final class RocAuc extends RankingMetric {

    RocAuc() {
        super("roc_auc", EnumSet.of(Kind.DEFAULT, Kind.CLASS, Kind.MACRO, Kind.WEIGHTED));
    }

    @Override
    public Input input(Averaging averaging) {
        return averaging.kind() == Kind.DEFAULT ? Input.SCORES : Input.CLASS_SCORES;
    }

    @Override
    public Estimate estimate(ScoreSample sample, Resampling resampling) {
        AucEstimate auc = sample.sorted() ? DeLong.estimateSorted(sample.positives(), sample.negatives())
                : DeLong.estimate(sample.positives(), sample.negatives());
        return of(auc, sample.positiveName());
    }

    @Override
    public Estimate estimate(ScoreCounts counts, Resampling resampling) {
        return of(DeLong.estimateCounts(counts.scores(), counts.positives(), counts.negatives()), counts.positiveName());
    }

    private static Estimate of(AucEstimate auc, String positiveName) {
        if (auc.positives() == 0 || auc.negatives() == 0) {
            String missing = auc.positives() == 0 ? "positive ('" + positiveName + "')" : "negative";
            return Estimate.undefined(Double.NaN, "ROC AUC needs both classes, but the slice has no " + missing
                    + " example", AucEstimate.DELONG);
        }
        return new Estimate(auc.auc(), Optional.empty(), List.of(), auc::interval, Map.of("variance", auc.variance(),
                "positives", (double) auc.positives(), "negatives", (double) auc.negatives()));
    }

    @Override
    public ComparisonTest pairedTest(double[] model, double[] reference, boolean[] positive, double margin,
            Alternative alternative, double level, Resampling resampling) {
        return AucComparison.paired(model, reference, positive, margin, alternative, level);
    }

    @Override
    public Estimate estimateAveraged(int[] label, double[][] scores, Kind kind, List<String> classes) {
        Optional<String> undefined = missingClass(label, classes);
        if (undefined.isPresent()) {
            return Estimate.undefined(Double.NaN, undefined.get(), OneVsRestAuc.METHOD);
        }
        OneVsRestAuc auc = OneVsRestAuc.of(label, scores, weights(label, classes.size(), kind));
        return Estimate.defined(auc.value(), auc::interval);
    }

    @Override
    public ComparisonTest pairedTestAveraged(int[] label, double[][] model, double[][] reference, Kind kind,
            double margin, Alternative alternative, double level) {
        double[] weights = weights(label, model.length, kind);
        return OneVsRestAuc.paired(OneVsRestAuc.of(label, model, weights), OneVsRestAuc.of(label, reference, weights),
                margin, alternative, level);
    }

    // scikit-learn refuses a one-vs-rest AUC when a class has no example or only examples.
    private static Optional<String> missingClass(int[] label, List<String> classes) {
        int[] count = new int[classes.size()];
        for (int y : label) {
            count[y]++;
        }
        for (int c = 0; c < count.length; c++) {
            if (count[c] == 0) {
                return Optional.of("ROC AUC of class '" + classes.get(c) + "' against the rest needs examples of it, "
                        + "but the slice has none");
            }
            if (count[c] == label.length) {
                return Optional.of("ROC AUC against the rest needs more than one class, but every example of the "
                        + "slice has the true class '" + classes.get(c) + "'");
            }
        }
        return Optional.empty();
    }

    private static double[] weights(int[] label, int k, Kind kind) {
        double[] weights = new double[k];
        if (kind == Kind.WEIGHTED) {
            for (int y : label) {
                weights[y]++;
            }
            for (int c = 0; c < k; c++) {
                weights[c] /= label.length;
            }
        } else {
            java.util.Arrays.fill(weights, 1.0 / k);
        }
        return weights;
    }
}
