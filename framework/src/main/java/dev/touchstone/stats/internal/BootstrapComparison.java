package dev.touchstone.stats.internal;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A comparison judged from bootstrap replicates of {@code Δ = model − reference}, for metrics
 * without a closed-form test (F1, MCC, kappa, balanced accuracy, regression errors). The replicates come from the caller: for a paired comparison, both metrics recomputed on
 * the same resample of examples (the paired bootstrap, which keeps their correlation); for an
 * unpaired one, each side resampled independently.
 *
 * <p><b>Interval:</b> the percentile interval of the replicates ({@link Percentiles}, type 7).
 *
 * <p><b>p-value: inversion of the percentile interval.</b> With B defined replicates and the null
 * value {@code Δ0 = −margin},
 * <ul>
 *   <li>{@link Alternative#GREATER} ({@code H1: Δ > Δ0}): {@code p = (1 + #{Δ* ≤ Δ0}) / (B + 1)};</li>
 *   <li>{@link Alternative#LESS} ({@code H1: Δ < Δ0}): {@code p = (1 + #{Δ* ≥ Δ0}) / (B + 1)};</li>
 *   <li>{@link Alternative#TWO_SIDED}: {@code min(1, 2 · min(p_less, p_greater))}.</li>
 * </ul>
 * The one-sided test rejects at α essentially when the one-sided percentile bound at 1 − α
 * excludes Δ0, so test and interval agree. The "+1" in numerator and denominator counts the
 * observed sample as one of the replicates (Davison and Hinkley, <i>Bootstrap Methods and their
 * Application</i>, 1997, ch. 4; North, Curtis and Sham, Am. J. Hum. Genet. 71 (2002) 439): the
 * p-value is never 0, at least {@code 1/(B + 1)}, so a finite number of replicates never claims
 * more certainty than it has. Replicates equal to Δ0 count on both sides (conservative for both
 * one-sided tests), which matters for discrete metrics where many replicates of Δ are exactly 0.
 *
 * <p><b>Statistic and standard error:</b> the standard error is the standard deviation of the
 * defined replicates (denominator B − 1); the statistic is {@code (Δ + margin) / se}, a
 * standardized distance to the null for reports (the p-value does not use it).
 *
 * <p>NaN replicates (a metric undefined on a resample) are excluded and do not count in B, as in
 * {@link Percentiles}. Fewer than two defined replicates, or a NaN observed difference, give an
 * undefined result (p-value 1; see {@link ComparisonTest}). Infinite replicates are kept (they
 * are ordered); the standard error is then +∞ and the statistic 0.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BootstrapComparison {

    /** Test name for a paired comparison. */
    public static final String PAIRED_BOOTSTRAP = "paired-bootstrap";
    /** Test name for an unpaired comparison. */
    public static final String BOOTSTRAP = "bootstrap";

    private BootstrapComparison() {
    }

    /**
     * The comparison from the observed difference and its bootstrap replicates. The replicates
     * array is not modified.
     *
     * @param difference the observed Δ (model − reference)
     * @param replicates bootstrap replicates of Δ; NaN entries are excluded
     * @param margin the tolerated drop, finite and non-negative: the null is {@code Δ = −margin}
     * @param alternative H1 about Δ relative to −margin
     * @param level the level of the percentile interval
     * @param paired whether the replicates come from a paired bootstrap
     * @return the test named {@value #PAIRED_BOOTSTRAP} or {@value #BOOTSTRAP}
     * @throws IllegalArgumentException if the margin is negative or not finite, or the level is
     *     outside (0, 1)
     */
    public static ComparisonTest fromReplicates(double difference, double[] replicates, double margin,
            Alternative alternative, double level, boolean paired) {
        Objects.requireNonNull(replicates, "replicates must not be null");
        if (!(margin >= 0 && margin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("margin must be finite and non-negative but was " + margin);
        }
        ComparisonSupport.checkAlternative(alternative);
        NormalQuantiles.checkLevel(level);
        String name = paired ? PAIRED_BOOTSTRAP : BOOTSTRAP;
        double[] sorted = replicates.clone();
        Percentiles.Summary summary = Percentiles.summarize(sorted, level);
        int defined = summary.definedReplicates();
        if (defined < 2 || Double.isNaN(difference)) {
            return ComparisonSupport.undefined(name, difference, level, Percentiles.BOOTSTRAP_PERCENTILE, paired);
        }
        double nullValue = -margin;
        long atOrBelow = 0;
        long atOrAbove = 0;
        double sum = 0;
        for (int i = 0; i < defined; i++) {
            double r = sorted[i];
            if (r <= nullValue) {
                atOrBelow++;
            }
            if (r >= nullValue) {
                atOrAbove++;
            }
            sum += r;
        }
        double greater = (1.0 + atOrBelow) / (defined + 1.0);
        double less = (1.0 + atOrAbove) / (defined + 1.0);
        double p = switch (alternative) {
            case GREATER -> greater;
            case LESS -> less;
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(greater, less));
        };
        double se = standardDeviation(sorted, defined, sum / defined);
        double statistic = ComparisonSupport.ratio(difference + margin, se);
        return new ComparisonTest(name, difference, statistic, p, summary.interval(), se, paired);
    }

    /** Sample standard deviation; +∞ when a replicate is infinite (the spread is unbounded). */
    private static double standardDeviation(double[] values, int count, double mean) {
        if (Double.isInfinite(values[0]) || Double.isInfinite(values[count - 1])) {
            return Double.POSITIVE_INFINITY;
        }
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (count - 1));
    }
}
