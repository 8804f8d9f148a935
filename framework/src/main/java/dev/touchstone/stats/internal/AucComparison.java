package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apiguardian.api.API;

/**
 * Comparison of the ROC AUC of a model with that of a reference by DeLong's method
 * (E. R. DeLong, D. M. DeLong and D. L. Clarke-Pearson, "Comparing the areas under two or more
 * correlated receiver operating characteristic curves: a nonparametric approach", Biometrics 44
 * (1988) 837–845), as R's pROC implements it in {@code roc.test(method = "delong")}. Scores are
 * read with higher meaning positive (pROC {@code direction = "<"}); see {@link DeLong}.
 *
 * <p><b>Paired</b> (same examples, so the two AUCs are correlated): with the per-example
 * placements {@code V10} (positives) and {@code V01} (negatives) of both models, the variance of
 * {@code Δ = AUC_model − AUC_reference} is {@code S10(D)/m + S01(D)/n}, where {@code D} is the
 * model's placement minus the reference's and {@code S} the sample variance; this equals pROC's
 * {@code L S L'} with {@code L = (1, −1)}, written so that it does not cancel when the two models
 * are nearly identical. {@code Z = (Δ + margin)/se} is standard normal under
 * {@code H0: Δ = −margin}; for margin 0 it is pROC's statistic and p-value. The interval is
 * {@code Δ ± z·se} (pROC's {@code conf.int}), clipped to [−1, 1].
 *
 * <p><b>Unpaired</b> (different examples): {@code se = √(var_model + var_reference)} and, as
 * pROC 1.18 does, the statistic {@code D = (Δ + margin)/se} is referred to Student's t with the
 * Welch–Satterthwaite degrees of freedom
 * {@code (v1 + v2)² / (v1²/(N1 − 1) + v2²/(N2 − 1))}, {@code N_i} all examples of curve i.
 * The interval is {@code Δ ± t_df·se} (clipped to [−1, 1]), the inversion of that test (pROC has
 * no interval for this case).
 *
 * <p><b>Degenerate cases.</b> Fewer than two positives or two negatives: the variance is
 * undefined (pROC returns NA), so the result is {@linkplain ComparisonTest#isDefined() undefined}
 * (p-value 1). A zero standard error (identical models, all scores tied in both, or both curves
 * perfect) gives statistic 0 when {@code Δ + margin = 0} (pROC does the same for margin 0) and
 * ±∞ otherwise, and an interval of width 0; as with {@link AucEstimate#interval}, DeLong's
 * variance can be 0 on small, perfectly separated data, which callers should distrust.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AucComparison {

    /** Test name of {@link #paired}. */
    public static final String DELONG_PAIRED = "delong-paired";
    /** Test name of {@link #unpaired}. */
    public static final String DELONG_UNPAIRED = "delong-unpaired";
    /** Method name of the paired interval. */
    public static final String DELONG_INTERVAL = "delong";
    /** Method name of the unpaired interval (Welch t quantile). */
    public static final String DELONG_T_INTERVAL = "delong-welch-t";

    private AucComparison() {
    }

    /**
     * DeLong's paired test of two models scored on the same examples.
     *
     * @param modelScores the model's score of every example (higher means positive)
     * @param referenceScores the reference's score of the same examples, in the same order
     * @param positive whether each example is positive
     * @param margin the tolerated drop of AUC, in [0, 1): the null is {@code Δ = −margin}
     * @param alternative H1 about Δ relative to −margin
     * @param level the level of the interval of Δ
     * @return the test named {@value #DELONG_PAIRED}, statistic Z
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, or the
     *     margin or level is out of range
     */
    public static ComparisonTest paired(double[] modelScores, double[] referenceScores, boolean[] positive,
            double margin, Alternative alternative, double level) {
        Objects.requireNonNull(modelScores, "model scores must not be null");
        Objects.requireNonNull(referenceScores, "reference scores must not be null");
        Objects.requireNonNull(positive, "positive labels must not be null");
        if (modelScores.length != referenceScores.length || modelScores.length != positive.length) {
            throw new IllegalArgumentException("paired comparison needs one model score, one reference score and"
                    + " one label per example but got " + modelScores.length + " model scores, "
                    + referenceScores.length + " reference scores and " + positive.length + " labels");
        }
        ComparisonSupport.checkMargin(margin);
        ComparisonSupport.checkAlternative(alternative);
        NormalQuantiles.checkLevel(level);
        int m = 0;
        for (int k = 0; k < positive.length; k++) {
            if (Double.isNaN(modelScores[k]) || Double.isNaN(referenceScores[k])) {
                throw new IllegalArgumentException((Double.isNaN(modelScores[k]) ? "model" : "reference")
                        + " score at index " + k + " is NaN; DeLong needs every score to be a number");
            }
            if (positive[k]) {
                m++;
            }
        }
        int n = positive.length - m;
        double[][] model = split(modelScores, positive, m, n);
        double[][] reference = split(referenceScores, positive, m, n);
        DeLong.Placements a = DeLong.placements(model[0], model[1]);
        DeLong.Placements b = DeLong.placements(reference[0], reference[1]);
        double difference = a.estimate().auc() - b.estimate().auc();
        if (m < 2 || n < 2) {
            return ComparisonSupport.undefined(DELONG_PAIRED, difference, level, DELONG_INTERVAL, true);
        }
        double variance = differenceVariance(a.positiveView(), b.positiveView(), difference)
                + differenceVariance(a.negativeView(), b.negativeView(), difference);
        double se = Math.sqrt(variance);
        double statistic = ComparisonSupport.ratio(difference + margin, se);
        double halfWidth = NormalQuantiles.z(level) * se;
        Interval interval = new Interval(Math.max(-1.0, difference - halfWidth), Math.min(1.0, difference + halfWidth),
                level, DELONG_INTERVAL);
        return new ComparisonTest(DELONG_PAIRED, difference, statistic,
                ComparisonSupport.normalPValue(statistic, alternative), interval, se, true);
    }

    /**
     * DeLong's test for two AUCs estimated on different examples, as pROC's
     * {@code roc.test(paired = FALSE, method = "delong")}.
     *
     * @param model the model's AUC and DeLong variance
     * @param reference the reference's AUC and DeLong variance
     * @return the test named {@value #DELONG_UNPAIRED}, statistic D (referred to Student's t)
     * @throws IllegalArgumentException if the margin or level is out of range
     */
    public static ComparisonTest unpaired(AucEstimate model, AucEstimate reference, double margin,
            Alternative alternative, double level) {
        Objects.requireNonNull(model, "model AUC must not be null");
        Objects.requireNonNull(reference, "reference AUC must not be null");
        ComparisonSupport.checkMargin(margin);
        ComparisonSupport.checkAlternative(alternative);
        NormalQuantiles.checkLevel(level);
        double difference = model.auc() - reference.auc();
        if (!model.isDefined() || !reference.isDefined()) {
            return ComparisonSupport.undefined(DELONG_UNPAIRED, difference, level, DELONG_T_INTERVAL, false);
        }
        double v1 = model.variance();
        double v2 = reference.variance();
        double variance = v1 + v2;
        double se = Math.sqrt(variance);
        double statistic = ComparisonSupport.ratio(difference + margin, se);
        if (!(se > 0)) {
            // No spread at all: the t distribution is undefined (0/0 degrees of freedom); use the
            // limits, as for the paired test.
            Interval point = new Interval(difference, difference, level, DELONG_T_INTERVAL);
            return new ComparisonTest(DELONG_UNPAIRED, difference, statistic,
                    ComparisonSupport.normalPValue(statistic, alternative), point, 0.0, false);
        }
        double total1 = (double) model.positives() + model.negatives();
        double total2 = (double) reference.positives() + reference.negatives();
        double df = variance * variance / (v1 * v1 / (total1 - 1) + v2 * v2 / (total2 - 1));
        TDistribution t = TDistribution.of(df);
        double p = switch (alternative) {
            case GREATER -> t.survivalProbability(statistic);
            case LESS -> t.cumulativeProbability(statistic);
            case TWO_SIDED -> Math.min(1.0, 2 * t.survivalProbability(Math.abs(statistic)));
        };
        double halfWidth = t.inverseSurvivalProbability((1 - level) / 2) * se;
        Interval interval = new Interval(Math.max(-1.0, difference - halfWidth), Math.min(1.0, difference + halfWidth),
                level, DELONG_T_INTERVAL);
        return new ComparisonTest(DELONG_UNPAIRED, difference, statistic, p, interval, se, false);
    }

    /** {@code Σ (a_i − b_i − mean)² / ((k − 1) k)}: the variance contribution of one class. */
    private static double differenceVariance(double[] a, double[] b, double mean) {
        int k = a.length;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double deviation = a[i] - b[i] - mean;
            sum += deviation * deviation;
        }
        return sum / ((k - 1.0) * k);
    }

    private static double[][] split(double[] scores, boolean[] positive, int m, int n) {
        double[] positives = new double[m];
        double[] negatives = new double[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < scores.length; k++) {
            if (positive[k]) {
                positives[i++] = scores[k];
            } else {
                negatives[j++] = scores[k];
            }
        }
        return new double[][] {positives, negatives};
    }
}
