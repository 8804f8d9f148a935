package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apiguardian.api.API;

/**
 * Confidence intervals for a binomial proportion {@code successes / n}: accuracy, precision,
 * recall, specificity and every other metric that counts hits among trials.
 *
 * <p>Wilson's score interval is the default: unlike the textbook Wald interval
 * it never leaves [0, 1], is not degenerate at 0 or n successes, and its coverage stays close to
 * nominal even for small n or proportions near 0 and 1 (Brown, Cai and DasGupta 2001).
 * Clopper-Pearson is the conservative "exact" interval for users who need coverage of at least the
 * nominal level; it is wider.
 *
 * <p>Both agree with statsmodels {@code proportion_confint} ({@code method="wilson"} and
 * {@code method="beta"}) to better than 1e-9 relative; see the reference tests.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProportionIntervals {

    /** Method name recorded in {@link Interval#method()} and the results file. */
    public static final String WILSON = "wilson";
    /** Method name recorded in {@link Interval#method()} and the results file. */
    public static final String CLOPPER_PEARSON = "clopper-pearson";

    private ProportionIntervals() {
    }

    /**
     * Wilson score interval without continuity correction.
     *
     * <p>The bounds are the two roots of {@code (p̂ - p)² = z² p (1 - p) / n}. The upper bound is
     * computed as {@code center + halfWidth} (a sum of positive terms) and the lower bound from the
     * product of the roots, {@code p̂² / ((1 + z²/n) · upper)}, which avoids the cancellation of
     * {@code center - halfWidth} when {@code successes} is small and n large. The result is
     * therefore exactly 0 for no successes and exactly 1 (upper) when all trials succeed, instead
     * of a rounding residue such as {@code -1e-18}.
     *
     * @return the interval, or {@link Interval#undefined} when {@code n == 0}
     * @throws IllegalArgumentException if {@code n < 0}, {@code successes} is outside [0, n], or
     *     {@code level} is outside (0, 1)
     */
    public static Interval wilson(long successes, long n, double level) {
        checkArguments(successes, n, level);
        if (n == 0) {
            return Interval.undefined(level, WILSON);
        }
        double z = NormalQuantiles.z(level);
        double z2 = z * z;
        double trials = n;
        double phat = successes / trials;
        double denominator = 1 + z2 / trials;
        double center = (phat + z2 / (2 * trials)) / denominator;
        double halfWidth = z * Math.sqrt(phat * (1 - phat) / trials + z2 / (4 * trials * trials)) / denominator;
        double high = successes == n ? 1.0 : Math.min(1.0, center + halfWidth);
        double low = successes == 0 ? 0.0 : Math.max(0.0, phat * phat / (denominator * (center + halfWidth)));
        return new Interval(low, high, level, WILSON);
    }

    /**
     * The fewest trials at which Wilson's {@code level} interval around a proportion that stays
     * {@code phat} lies strictly on {@code phat}'s side of {@code bound}: solved by bisection on the
     * interval's closed form, so it is exact where the 1/√n rule of thumb is off by half or double.
     * {@link Long#MAX_VALUE} when {@code phat == bound} (no number decides).
     */
    public static long wilsonTrialsToClear(double phat, double bound, double level) {
        NormalQuantiles.checkLevel(level);
        if (phat == bound) {
            return Long.MAX_VALUE;
        }
        double z2 = NormalQuantiles.z(level) * NormalQuantiles.z(level);
        long lo = 1;
        long hi = 1L << 62;
        if (!clears(phat, bound, hi, z2)) {
            return Long.MAX_VALUE;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (clears(phat, bound, mid, z2)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // Whether Wilson's interval of phat at t trials lies strictly on phat's side of bound.
    private static boolean clears(double phat, double bound, long t, double z2) {
        double trials = t;
        double denominator = 1 + z2 / trials;
        double center = (phat + z2 / (2 * trials)) / denominator;
        double half = Math.sqrt(z2) * Math.sqrt(phat * (1 - phat) / trials + z2 / (4 * trials * trials)) / denominator;
        return phat > bound ? center - half > bound : center + half < bound;
    }

    /**
     * Clopper-Pearson ("exact") interval: the bounds are quantiles of Beta distributions,
     * {@code Beta(k, n - k + 1)} at {@code (1 - level) / 2} and {@code Beta(k + 1, n - k)} at
     * {@code (1 + level) / 2}; the lower bound is 0 when {@code k = 0} and the upper bound is 1 when
     * {@code k = n}. The upper quantile uses the survival-function inverse so it keeps full
     * precision close to 1.
     *
     * @return the interval, or {@link Interval#undefined} when {@code n == 0}
     * @throws IllegalArgumentException if {@code n < 0}, {@code successes} is outside [0, n], or
     *     {@code level} is outside (0, 1)
     */
    public static Interval clopperPearson(long successes, long n, double level) {
        checkArguments(successes, n, level);
        if (n == 0) {
            return Interval.undefined(level, CLOPPER_PEARSON);
        }
        double tail = (1 - level) / 2;
        double failures = (double) (n - successes);
        double low = successes == 0
                ? 0.0
                : BetaDistribution.of(successes, failures + 1).inverseCumulativeProbability(tail);
        double high = successes == n
                ? 1.0
                : BetaDistribution.of(successes + 1.0, failures).inverseSurvivalProbability(tail);
        return new Interval(low, high, level, CLOPPER_PEARSON);
    }

    private static void checkArguments(long successes, long n, double level) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative but was " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException(
                    "successes must be in [0, n] but was " + successes + " of " + n);
        }
        NormalQuantiles.checkLevel(level);
    }
}
