package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apiguardian.api.API;

/**
 * Comparison of two proportions measured on the <em>same</em> examples (accuracy of a model and
 * of its baseline on one test set), from the paired 2×2 table:
 * <pre>
 *                      reference right   reference wrong
 *   model right              a                 b
 *   model wrong              c                 d          n = a + b + c + d
 * </pre>
 * The difference is {@code Δ = (a + b)/n − (a + c)/n = (b − c)/n}. Only the discordant pairs
 * b and c carry information about Δ; the concordant ones only set its scale.
 *
 * <p><b>Tests.</b>
 * <ul>
 *   <li>{@link #mcnemarExact}: McNemar's exact test, Touchstone's default. Given
 *       {@code b + c} discordant pairs, b is Binomial(b + c, 1/2) when Δ = 0, so the p-value is
 *       that of R's {@code binom.test(b, b + c, 0.5, alternative)}. Exact (conservative) at
 *       any sample size, which matters for small slices.</li>
 *   <li>{@link #mcnemarChiSquare}: the large-sample version with Edwards' continuity correction,
 *       {@code χ² = (|b − c| − 1)² / (b + c)}, as R's {@code mcnemar.test(correct = TRUE)}.</li>
 *   <li>{@link #withMargin}: Tango's score test of {@code H0: Δ = −margin} (Tango 1998), needed
 *       for non-inferiority with a tolerance: McNemar's test only tests Δ = 0. With margin 0 it is
 *       the uncorrected McNemar z test, {@code (b − c)/√(b + c)}.</li>
 * </ul>
 *
 * <p><b>Interval.</b> Every result carries Tango's score interval for Δ (T. Tango, "Equivalence
 * test and confidence interval for the difference in proportions for the paired-sample design",
 * Statistics in Medicine 17 (1998) 891–908): the set of δ that Tango's two-sided score test does
 * not reject at the level. It is chosen over Newcombe's hybrid (Newcombe 1998, method 10) because
 * it is the exact inversion of the score test used by {@link #withMargin}, so the interval and the
 * margin test always agree (the lower bound is above −d exactly when the one-sided test at
 * {@code (1 − level)/2} rejects Δ = −d), and because it has good coverage for small and zero
 * discordant counts and never leaves [−1, 1] (Tango 1998; Agresti and Min, Statistics in Medicine
 * 24 (2005) 729–740). It is the method of PropCIs' {@code scoreci.mp}. Because McNemar's
 * tests are not score tests, their p-value and the interval can disagree for tables on the edge
 * of significance (the exact test is the more conservative); a verdict takes significance from the
 * test and confidence statements from the interval, never one from the other.
 *
 * <p><b>Standard error.</b> {@link ComparisonTest#standardError()} is the unrestricted estimate
 * {@code √((b + c)/n − Δ²)/√n}, the spread of Δ̂ under the observed table, which is what
 * {@link Power} needs.
 *
 * <p><b>Degenerate tables.</b> {@code b + c = 0} (the two models agree on every example): Δ = 0,
 * statistic 0, p-value 1 for every alternative, standard error 0; the Tango interval is still
 * informative, {@code ±z²/(n + z²)}. (R's {@code mcnemar.test} returns NaN there; Touchstone
 * returns the limit, "no evidence".) {@code n = 0}: an {@linkplain ComparisonTest#isDefined()
 * undefined} result (p-value 1, NaN difference, undefined interval), which callers must report
 * as INCONCLUSIVE.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PairedProportions {

    /** Test name of {@link #mcnemarExact}. */
    public static final String MCNEMAR_EXACT = "mcnemar-exact";
    /** Test name of {@link #mcnemarChiSquare}. */
    public static final String MCNEMAR_CHI_SQUARE = "mcnemar-chisq-cc";
    /** Test name of {@link #withMargin}. */
    public static final String TANGO_SCORE = "tango-score";
    /** Method name of the interval of Δ, recorded in {@link Interval#method()}. */
    public static final String TANGO_INTERVAL = "tango";

    private static final ChiSquaredDistribution CHI_SQUARED_1 = ChiSquaredDistribution.of(1);
    private static final int MAX_BISECTIONS = 200;

    private PairedProportions() {
    }

    /**
     * McNemar's exact test: under {@code H0: Δ = 0}, b ~ Binomial(b + c, 1/2). The p-value equals
     * R's {@code binom.test(b, b + c, p = 0.5, alternative)}: {@code P(X ≤ b)} for
     * {@link Alternative#LESS}, {@code P(X ≥ b)} for {@link Alternative#GREATER}, and for
     * {@link Alternative#TWO_SIDED} R's rule (sum of the probabilities no larger than that of b),
     * which for p = 1/2 is {@code min(1, 2 · min(P(X ≤ b), P(X ≥ b)))}, and exactly 1 when
     * {@code b = c}. The statistic is b, as R reports it.
     *
     * <p>Binomial tails are regularized incomplete beta functions (Commons Statistics), so the
     * cost is O(1) for any count up to 2^53. Their relative accuracy is about 1e-12 up to 10^7
     * discordant pairs (checked against R's {@code pbinom}) and then degrades roughly in
     * proportion to {@code b + c} (about 2e-8 at 10^9, 1e-6 at 10^11), far below anything that
     * could change a decision.
     *
     * @param b pairs where the model is right and the reference wrong
     * @param c pairs where the model is wrong and the reference right
     * @param n all pairs
     * @param alternative H1 about Δ relative to 0
     * @param level the level of the (Tango) interval of Δ
     * @throws IllegalArgumentException if a count is negative, {@code b + c > n}, or {@code level}
     *     is outside (0, 1)
     */
    public static ComparisonTest mcnemarExact(long b, long c, long n, Alternative alternative, double level) {
        checkTable(b, c, n, alternative, level);
        if (n == 0) {
            return ComparisonSupport.undefined(MCNEMAR_EXACT, Double.NaN, level, TANGO_INTERVAL, true);
        }
        long discordant = b + c;
        double lower = binomialHalfAtMost(b, discordant);
        double upper = binomialHalfAtLeast(b, discordant);
        double p = switch (alternative) {
            case LESS -> lower;
            case GREATER -> upper;
            case TWO_SIDED -> 2 * b == discordant ? 1.0 : Math.min(1.0, 2 * Math.min(lower, upper));
        };
        return new ComparisonTest(MCNEMAR_EXACT, difference(b, c, n), b, p, tangoInterval(b, c, n, level),
                standardError(b, c, n), true);
    }

    /**
     * McNemar's chi-square test with continuity correction. The statistic is R's
     * {@code mcnemar.test(correct = TRUE)}: {@code (|b − c| − 1)² / (b + c)}, uncorrected (0) when
     * b = c as R does, and 0 when {@code b + c = 0}. The two-sided p-value is its χ²(1) upper tail,
     * equal to R's. One-sided p-values use the signed root {@code z = sign(b − c)(|b − c| − 1)/√(b + c)}:
     * {@code Φ(z)} for {@link Alternative#LESS}, {@code 1 − Φ(z)} for {@link Alternative#GREATER}
     * (the correction then moves the statistic toward the null in the tail the data point to,
     * which is the usual continuity correction of a one-sided binomial tail).
     *
     * @throws IllegalArgumentException as {@link #mcnemarExact}
     */
    public static ComparisonTest mcnemarChiSquare(long b, long c, long n, Alternative alternative, double level) {
        checkTable(b, c, n, alternative, level);
        if (n == 0) {
            return ComparisonSupport.undefined(MCNEMAR_CHI_SQUARE, Double.NaN, level, TANGO_INTERVAL, true);
        }
        long discordant = b + c;
        double statistic;
        double p;
        if (discordant == 0) {
            statistic = 0;
            p = 1;
        } else {
            long gap = Math.abs(b - c);
            double corrected = gap == 0 ? 0 : gap - 1.0;
            statistic = corrected * corrected / discordant;
            double z = Math.signum((double) (b - c)) * corrected / Math.sqrt(discordant);
            p = alternative == Alternative.TWO_SIDED
                    ? CHI_SQUARED_1.survivalProbability(statistic)
                    : ComparisonSupport.normalPValue(z, alternative);
        }
        return new ComparisonTest(MCNEMAR_CHI_SQUARE, difference(b, c, n), statistic, p,
                tangoInterval(b, c, n, level), standardError(b, c, n), true);
    }

    /**
     * Tango's score test of {@code H0: Δ = −margin} (Tango 1998). With
     * {@code δ0 = −margin}, the statistic is
     * <pre>  Z = (b − c − n δ0) / √(n (2 q̃ + δ0 (1 − δ0)))</pre>
     * where {@code q̃} is the maximum likelihood estimate of the probability of cell c under the
     * constraint {@code p_b − p_c = δ0}, the positive root of
     * {@code 2n q² − ((b + c) + δ0 (b − c − 2n)) q − c δ0 (1 − δ0) = 0}. Z is standard normal under
     * H0 for large n; p-values as {@link Alternative}: {@link Alternative#GREATER} is the
     * non-inferiority test ({@code H1: Δ > −margin}), {@link Alternative#LESS} the test of a drop beyond
     * the margin. With margin 0, Z reduces to {@code (b − c)/√(b + c)}, whose square is R's
     * {@code mcnemar.test(correct = FALSE)} statistic. When the constrained variance is 0 the
     * statistic is 0 or ±∞ (its limit) instead of NaN.
     *
     * @param margin the tolerated drop d, in [0, 1)
     * @throws IllegalArgumentException as {@link #mcnemarExact}, or if {@code margin} is outside [0, 1)
     */
    public static ComparisonTest withMargin(long b, long c, long n, double margin, Alternative alternative,
            double level) {
        checkTable(b, c, n, alternative, level);
        ComparisonSupport.checkMargin(margin);
        if (n == 0) {
            return ComparisonSupport.undefined(TANGO_SCORE, Double.NaN, level, TANGO_INTERVAL, true);
        }
        double z = tangoStatistic(b, c, n, -margin);
        return new ComparisonTest(TANGO_SCORE, difference(b, c, n), z, ComparisonSupport.normalPValue(z, alternative),
                tangoInterval(b, c, n, level), standardError(b, c, n), true);
    }

    /**
     * Tango's score interval for Δ: the δ in [−1, 1] with {@code |Z(δ)| ≤ z_{(1+level)/2}}.
     * Z decreases in δ and is 0 at Δ̂, so each bound is the single crossing on its side, found by
     * bisection to adjacent doubles (at most 200 halvings of [−1, Δ̂] or [Δ̂, 1]). The lower bound
     * is −1 when every pair is of type c, the upper bound 1 when every pair is of type b.
     *
     * @return the interval, or {@link Interval#undefined} when {@code n == 0}
     * @throws IllegalArgumentException as {@link #mcnemarExact}
     */
    static Interval tangoInterval(long b, long c, long n, double level) {
        checkTable(b, c, n, Alternative.TWO_SIDED, level);
        if (n == 0) {
            return Interval.undefined(level, TANGO_INTERVAL);
        }
        double z = NormalQuantiles.z(level);
        double estimate = difference(b, c, n);
        double low = c == n ? -1.0 : crossing(b, c, n, z, -1.0, estimate);
        double high = b == n ? 1.0 : crossing(b, c, n, -z, estimate, 1.0);
        return new Interval(low, high, level, TANGO_INTERVAL);
    }

    /** The δ in [lo, hi] where the decreasing Z(δ) crosses target; Z(lo) > target ≥ Z(hi) is assumed. */
    private static double crossing(long b, long c, long n, double target, double lo, double hi) {
        for (int i = 0; i < MAX_BISECTIONS; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (tangoStatistic(b, c, n, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Tango's Z(δ) for {@code −1 < δ < 1}. The root of the quadratic is taken in the form without
     * cancellation: {@code (B + s)/(4n)} when {@code B ≥ 0}, else the equivalent
     * {@code 2 c δ (1 − δ)/(s − B)} (B < 0 happens only for δ > 0, where the product term is ≥ 0).
     */
    static double tangoStatistic(long b, long c, long n, double delta) {
        double nn = n;
        double bb = b;
        double cc = c;
        double shift = delta * (1 - delta);
        double bigB = (bb + cc) + delta * (bb - cc - 2 * nn);
        double s = Math.sqrt(Math.max(0.0, bigB * bigB + 8 * nn * cc * shift));
        double q = bigB >= 0 ? (bigB + s) / (4 * nn) : 2 * cc * shift / (s - bigB);
        double variance = nn * (2 * q + shift);
        return ComparisonSupport.ratio(bb - cc - nn * delta, variance > 0 ? Math.sqrt(variance) : 0.0);
    }

    /** P(X ≤ k) for X ~ Binomial(trials, 1/2): the upper tail of Beta(k + 1, trials − k) at 1/2. */
    static double binomialHalfAtMost(long k, long trials) {
        if (k >= trials) {
            return 1.0;
        }
        return BetaDistribution.of(k + 1.0, (double) (trials - k)).survivalProbability(0.5);
    }

    /** P(X ≥ k) for X ~ Binomial(trials, 1/2): the lower tail of Beta(k, trials − k + 1) at 1/2. */
    static double binomialHalfAtLeast(long k, long trials) {
        if (k <= 0) {
            return 1.0;
        }
        return BetaDistribution.of(k, trials - k + 1.0).cumulativeProbability(0.5);
    }

    private static double difference(long b, long c, long n) {
        return (b - c) / (double) n;
    }

    private static double standardError(long b, long c, long n) {
        double nn = n;
        double gap = b - c;
        return Math.sqrt(Math.max(0.0, (b + c) - gap * gap / nn)) / nn;
    }

    private static void checkTable(long b, long c, long n, Alternative alternative, double level) {
        if (n < 0 || b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must be non-negative but were b=" + b + ", c=" + c
                    + ", n=" + n);
        }
        if (b > n || c > n - b) {
            throw new IllegalArgumentException("discordant pairs b + c must not exceed the n pairs but were b="
                    + b + ", c=" + c + ", n=" + n);
        }
        if (n > (1L << 53)) {
            throw new IllegalArgumentException("n must be at most 2^53 but was " + n);
        }
        ComparisonSupport.checkAlternative(alternative);
        NormalQuantiles.checkLevel(level);
    }
}
