package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import org.apiguardian.api.API;

/**
 * Comparison of two proportions measured on <em>different</em> examples (the baseline was
 * evaluated on another test set): {@code Δ = x1/n1 − x2/n2}, index 1 the model, 2 the reference.
 *
 * <p><b>Test: Miettinen–Nurminen score test</b> of {@code H0: Δ = −margin} (O. Miettinen and
 * M. Nurminen, "Comparative analysis of two rates", Statistics in Medicine 4 (1985) 213–226):
 * <pre>  Z = (p̂1 − p̂2 − δ0) / √( (p̃1(1 − p̃1)/n1 + p̃2(1 − p̃2)/n2) · N/(N − 1) ),   δ0 = −margin, N = n1 + n2</pre>
 * with {@code (p̃1, p̃2)} the maximum likelihood estimates under the constraint
 * {@code p1 − p2 = δ0} (the pooled proportion when δ0 = 0). The score test keeps its level far
 * better than the Wald test for small samples and proportions near 0 or 1 (Farrington and
 * Manning, Statistics in Medicine 9 (1990) 1447–1454), which is where quality gates live
 * (accuracies of 0.95 and more). For margin 0 the result equals statsmodels'
 * {@code test_proportions_2indep(x1, n1, x2, n2, value=0, method="score", compare="diff")}.
 *
 * <p><b>Known difference from statsmodels for margin > 0.</b> statsmodels (0.13 to at least
 * 0.14.6, issue statsmodels#10269) solves the cubic for the constrained estimate with a wrong
 * linear coefficient ({@code x2} where {@code n2} belongs), so its p-values for
 * {@code value ≠ 0} are not those of the score test. Touchstone solves the correct cubic
 * (derived from the score equation of the constrained likelihood, below) and its results are
 * checked against an independent 50-digit maximization of that likelihood.
 *
 * <p>The constrained estimate {@code u = p̃2} is the root in {@code [max(0, −δ0), min(1, 1 − δ0)]}
 * of {@code N u³ + a2 u² + a1 u + a0 = 0} with {@code a2 = (n1 + 2 n2) δ0 − N − x},
 * {@code a1 = (n2 δ0 − N − 2 x2) δ0 + x}, {@code a0 = x2 δ0 (1 − δ0)}, {@code x = x1 + x2};
 * it is computed by the trigonometric formula for the three real roots (as in Miettinen and
 * Nurminen's appendix) and polished by Newton steps on the cubic.
 *
 * <p><b>Interval: Newcombe's hybrid score interval</b> (R. G. Newcombe, "Interval estimation for
 * the difference between independent proportions: comparison of eleven methods", Statistics in
 * Medicine 17 (1998) 873–890, method 10), built from the two Wilson intervals {@code [l_i, u_i]}:
 * {@code [Δ − √((p̂1 − l1)² + (u2 − p̂2)²), Δ + √((u1 − p̂1)² + (p̂2 − l2)²)]}; equal to statsmodels'
 * {@code confint_proportions_2indep(method="newcomb")}. It is the default for
 * unpaired comparisons: closed form, inside [−1, 1], good coverage at small n. (It is not the
 * exact inversion of the score test, so near the decision boundary the interval and the test
 * can disagree in the last digit of the level; verdicts that need a test use the test.)
 *
 * <p><b>Standard error</b> (for {@link Power}): the unrestricted
 * {@code √(p̂1(1 − p̂1)/n1 + p̂2(1 − p̂2)/n2)}.
 *
 * <p><b>Degenerate cases.</b> {@code n1 = 0} or {@code n2 = 0}: an undefined result (p-value 1,
 * see {@link ComparisonTest}). A null variance of 0 (margin 0 and both proportions 0, or both 1):
 * statistic 0, p-value 1 two-sided and 1/2 one-sided (statsmodels returns NaN).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class IndependentProportions {

    /** Test name of {@link #compare}. */
    public static final String SCORE_2INDEP = "score-2indep";
    /** Method name of the interval of Δ, recorded in {@link Interval#method()}. */
    public static final String NEWCOMBE_INTERVAL = "newcombe";

    private static final int NEWTON_STEPS = 3;

    private IndependentProportions() {
    }

    /**
     * Compares the model's proportion {@code x1/n1} with the reference's {@code x2/n2}.
     *
     * @param x1 model successes
     * @param n1 model trials
     * @param x2 reference successes
     * @param n2 reference trials
     * @param margin the tolerated drop d in [0, 1): the null is {@code Δ = −d}
     * @param alternative H1 about Δ relative to −d
     * @param level the level of the two-sided Newcombe interval
     * @return the test named {@value #SCORE_2INDEP}, unpaired; statistic Z as above
     * @throws IllegalArgumentException if a count is negative, a success count exceeds its trials,
     *     the margin is outside [0, 1) or the level outside (0, 1)
     */
    public static ComparisonTest compare(long x1, long n1, long x2, long n2, double margin, Alternative alternative,
            double level) {
        checkCounts(x1, n1, "model");
        checkCounts(x2, n2, "reference");
        ComparisonSupport.checkMargin(margin);
        ComparisonSupport.checkAlternative(alternative);
        NormalQuantiles.checkLevel(level);
        if (n1 == 0 || n2 == 0) {
            return ComparisonSupport.undefined(SCORE_2INDEP, Double.NaN, level, NEWCOMBE_INTERVAL, false);
        }
        double p1 = x1 / (double) n1;
        double p2 = x2 / (double) n2;
        double difference = difference(x1, n1, x2, n2);
        double z = scoreStatistic(x1, n1, x2, n2, -margin);
        double p = ComparisonSupport.normalPValue(z, alternative);
        double standardError = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return new ComparisonTest(SCORE_2INDEP, difference, z, p, newcombe(x1, n1, x2, n2, level), standardError,
                false);
    }

    /** Newcombe's hybrid score interval (method 10) for {@code x1/n1 − x2/n2}; both n positive. */
    static Interval newcombe(long x1, long n1, long x2, long n2, double level) {
        double p1 = x1 / (double) n1;
        double p2 = x2 / (double) n2;
        Interval w1 = ProportionIntervals.wilson(x1, n1, level);
        Interval w2 = ProportionIntervals.wilson(x2, n2, level);
        double difference = p1 - p2;
        double low = difference - Math.hypot(p1 - w1.low(), w2.high() - p2);
        double high = difference + Math.hypot(w1.high() - p1, p2 - w2.low());
        return new Interval(Math.max(-1.0, low), Math.min(1.0, high), level, NEWCOMBE_INTERVAL);
    }

    /** Miettinen–Nurminen Z for {@code H0: p1 − p2 = delta}, both n positive. */
    static double scoreStatistic(long x1, long n1, long x2, long n2, double delta) {
        double total = (double) n1 + n2;
        double u;
        if (delta == 0) {
            u = (x1 + (double) x2) / total;
        } else {
            u = constrainedReference(x1, n1, x2, n2, delta);
        }
        double v = u + delta;
        double variance = (v * (1 - v) / n1 + u * (1 - u) / n2) * (total / (total - 1));
        return ComparisonSupport.ratio(difference(x1, n1, x2, n2) - delta, variance > 0 ? Math.sqrt(variance) : 0.0);
    }

    /**
     * {@code x1/n1 − x2/n2} with a single rounding, {@code (x1 n2 − x2 n1)/(n1 n2)}, when the
     * products fit in a long (so that, for example, 90/100 − 95/100 is exactly the double −0.05
     * and a null value of −0.05 gives a statistic of exactly 0); else the difference of the
     * rounded proportions.
     */
    static double difference(long x1, long n1, long x2, long n2) {
        try {
            long numerator = Math.subtractExact(Math.multiplyExact(x1, n2), Math.multiplyExact(x2, n1));
            long denominator = Math.multiplyExact(n1, n2);
            if (Math.abs(numerator) < (1L << 53) && denominator < (1L << 53)) {
                return numerator / (double) denominator;
            }
        } catch (ArithmeticException overflow) {
            // fall through to the rounded proportions
        }
        return x1 / (double) n1 - x2 / (double) n2;
    }

    /**
     * The constrained MLE of the reference proportion under {@code p1 − p2 = delta ≠ 0}: the root
     * of the cubic above that lies in the feasible range, by the trigonometric solution of a cubic
     * with three real roots (the largest-index root of Miettinen and Nurminen's appendix), then
     * Newton steps that stay inside the feasible range.
     */
    static double constrainedReference(long x1, long n1, long x2, long n2, double delta) {
        double total = (double) n1 + n2;
        double successes = (double) x1 + x2;
        double a3 = total;
        double a2 = (n1 + 2.0 * n2) * delta - total - successes;
        double a1 = (n2 * delta - total - 2.0 * x2) * delta + successes;
        double a0 = x2 * delta * (1 - delta);
        double shift = a2 / (3 * a3);
        double q = shift * shift * shift - a1 * a2 / (6 * a3 * a3) + a0 / (2 * a3);
        double radius = Math.sqrt(Math.max(0.0, shift * shift - a1 / (3 * a3)));
        double u;
        if (radius == 0 || q == 0) {
            u = -shift;
        } else {
            double p = Math.copySign(radius, q);
            double cosine = Math.max(-1.0, Math.min(1.0, q / (p * p * p)));
            double angle = (Math.PI + Math.acos(cosine)) / 3;
            u = 2 * p * Math.cos(angle) - shift;
        }
        double lowest = Math.max(0.0, -delta);
        double highest = Math.min(1.0, 1 - delta);
        u = Math.max(lowest, Math.min(highest, u));
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double value = ((a3 * u + a2) * u + a1) * u + a0;
            double slope = (3 * a3 * u + 2 * a2) * u + a1;
            if (value == 0 || !(Math.abs(slope) > 0)) {
                break;
            }
            double next = u - value / slope;
            if (!(next >= lowest && next <= highest)) {
                break;
            }
            u = next;
        }
        return u;
    }

    private static void checkCounts(long successes, long trials, String which) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(which + " successes must be in [0, trials] with trials >= 0 but were "
                    + successes + " of " + trials);
        }
    }
}
