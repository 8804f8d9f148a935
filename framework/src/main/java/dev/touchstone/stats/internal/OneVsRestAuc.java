package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A weighted average of one-vs-rest ROC AUCs over the classes of a multi-class problem (macro:
 * equal weights; weighted: by class prevalence), as scikit-learn's
 * {@code roc_auc_score(y, P, multi_class="ovr", average=...)}, with a variance that generalises
 * DeLong's.
 *
 * <p><b>Variance.</b> Each class's AUC is a two-sample U-statistic whose first-order influence on
 * example {@code i} is {@code (V10_c(i) − A_c) / m_c} when {@code i} is of class {@code c} and
 * {@code (V01_c(i) − A_c) / n_c} otherwise (the DeLong placements). The average's influence is the
 * weighted sum {@code φ_i} of those, and its variance is the sum over true classes {@code g} of
 * {@code n_g / (n_g − 1) · Σ_{i in g} (φ_i − mean_g φ)²}: the examples of each true class are
 * treated as one sample, which is exactly how DeLong treats positives and negatives. With two
 * classes and one class's AUC this is DeLong's variance to the last digit; for two models on the
 * same examples, the same formula over {@code φ_A − φ_B} is DeLong's paired test.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OneVsRestAuc {

    /** Method name recorded with the interval. */
    public static final String METHOD = "delong-ovr";
    /** Test name of {@link #paired}. */
    public static final String PAIRED = "delong-ovr-paired";

    private final double value;
    private final double[] influence;
    private final int[] label;
    private final int k;
    private final double[] classAuc;

    private OneVsRestAuc(double value, double[] influence, int[] label, int k, double[] classAuc) {
        this.value = value;
        this.influence = influence;
        this.label = label;
        this.k = k;
        this.classAuc = classAuc;
    }

    /**
     * @param label   the true class of every example, a code in {@code [0, k)}; every class must occur
     * @param scores  {@code scores[c][i]}: the score of class {@code c} for example {@code i}
     * @param weights the weight of each class's AUC (summing to 1)
     * @throws IllegalArgumentException if a class does not occur or a score is NaN
     */
    public static OneVsRestAuc of(int[] label, double[][] scores, double[] weights) {
        int k = scores.length;
        int n = label.length;
        if (weights.length != k) {
            throw new IllegalArgumentException(k + " score columns but " + weights.length + " weights");
        }
        int[] count = new int[k];
        for (int y : label) {
            count[y]++;
        }
        double[] influence = new double[n];
        double[] classAuc = new double[k];
        double value = 0;
        for (int c = 0; c < k; c++) {
            if (count[c] == 0 || count[c] == n) {
                throw new IllegalArgumentException("class " + c + " has " + count[c] + " of " + n + " examples");
            }
            double[] pos = new double[count[c]];
            double[] neg = new double[n - count[c]];
            split(label, scores[c], c, pos, neg);
            DeLong.Placements placements = DeLong.placements(pos, neg);
            double auc = placements.estimate().auc();
            classAuc[c] = auc;
            value += weights[c] * auc;
            double[] v10 = placements.positiveView();
            double[] v01 = placements.negativeView();
            int p = 0;
            int q = 0;
            for (int i = 0; i < n; i++) {
                influence[i] += label[i] == c
                        ? weights[c] * (v10[p++] - auc) / pos.length
                        : weights[c] * (v01[q++] - auc) / neg.length;
            }
        }
        return new OneVsRestAuc(value, influence, label.clone(), k, classAuc);
    }

    private static void split(int[] label, double[] scores, int c, double[] pos, double[] neg) {
        int p = 0;
        int q = 0;
        for (int i = 0; i < label.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of class " + c + " at index " + i + " is NaN");
            }
            if (label[i] == c) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
    }

    public double value() {
        return value;
    }

    /** The AUC of class {@code c} against the rest. */
    public double classAuc(int c) {
        return classAuc[c];
    }

    /** The estimated variance; NaN when some class has a single example (no within-class variance). */
    public double variance() {
        return stratifiedVariance(influence, label, k);
    }

    /** The normal interval clipped to [0, 1]; undefined where the variance is. */
    public Interval interval(double level) {
        double variance = variance();
        if (Double.isNaN(variance)) {
            return Interval.undefined(level, METHOD);
        }
        double half = NormalQuantiles.z(level) * Math.sqrt(variance);
        return new Interval(Math.max(0, value - half), Math.min(1, value + half), level, METHOD);
    }

    /**
     * The paired test of {@code model − reference}, both computed on the same examples and labels,
     * against the null {@code Δ = −margin}.
     */
    public static ComparisonTest paired(OneVsRestAuc model, OneVsRestAuc reference, double margin,
            Alternative alternative, double level) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reference, "reference");
        ComparisonSupport.checkMargin(margin);
        ComparisonSupport.checkAlternative(alternative);
        double difference = model.value - reference.value;
        double[] influence = new double[model.influence.length];
        for (int i = 0; i < influence.length; i++) {
            influence[i] = model.influence[i] - reference.influence[i];
        }
        double variance = stratifiedVariance(influence, model.label, model.k);
        if (Double.isNaN(variance)) {
            return ComparisonSupport.undefined(PAIRED, difference, level, METHOD, true);
        }
        double se = Math.sqrt(variance);
        double statistic = ComparisonSupport.ratio(difference + margin, se);
        double half = NormalQuantiles.z(level) * se;
        Interval interval = new Interval(Math.max(-1, difference - half), Math.min(1, difference + half), level, METHOD);
        return new ComparisonTest(PAIRED, difference, statistic, ComparisonSupport.normalPValue(statistic, alternative),
                interval, se, true);
    }

    private static double stratifiedVariance(double[] influence, int[] label, int k) {
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < influence.length; i++) {
            sum[label[i]] += influence[i];
            count[label[i]]++;
        }
        double[] squares = new double[k];
        for (int i = 0; i < influence.length; i++) {
            double d = influence[i] - sum[label[i]] / count[label[i]];
            squares[label[i]] += d * d;
        }
        double variance = 0;
        for (int g = 0; g < k; g++) {
            if (count[g] < 2) {
                return Double.NaN;
            }
            variance += squares[g] * count[g] / (count[g] - 1.0);
        }
        return variance;
    }
}
