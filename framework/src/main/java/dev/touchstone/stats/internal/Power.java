package dev.touchstone.stats.internal;

import dev.touchstone.stats.PowerCurve;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apiguardian.api.API;

/**
 * How large a difference a comparison can detect, and how many examples a decision would need:
 * the numbers an INCONCLUSIVE verdict reports.
 *
 * <p>Normal approximation for a one-sided test at level α of {@code H0: Δ = Δ0} whose estimate
 * has standard error {@code se}: the test rejects when {@code (Δ̂ − Δ0)/se > z_{1−α}}, so a true
 * distance {@code δ} from the null is detected with probability {@code Φ(δ/se − z_{1−α})}.
 * Setting that to {@code power} gives the minimum detectable difference
 * {@code (z_{1−α} + z_power)·se}, and, with {@code se ∝ 1/√n}, the sample size
 * {@code n·((z_{1−α} + z_power)·se/δ)²} (the textbook normal-approximation formula, as in Chow, Shao and
 * Wang, <i>Sample Size Calculations in Clinical Research</i>). It uses the standard error of Δ̂
 * under the alternative (what {@link ComparisonTest#standardError()} reports); McNemar's test
 * standardizes with the null variance {@code (b + c)/n²}, which differs from it by the factor
 * {@code √(1 − Δ²/(p_b + p_c))}, negligible for the differences quality gates look for.
 * Exact tests are a little conservative, so their actual power is at most this prediction.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Power {

    private Power() {
    }

    /**
     * The smallest true difference |Δ − Δ0| that a one-sided test at {@code alpha} detects with
     * probability {@code power}: {@code (z_{1−α} + z_power)·se}.
     *
     * @param standardError the standard error of the estimated difference, finite and ≥ 0
     * @param alpha the one-sided significance level, in (0, 1)
     * @param power the detection probability, in (alpha, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double minimumDetectableDifference(double standardError, double alpha, double power) {
        checkStandardError(standardError);
        return multiplier(alpha, power) * standardError;
    }

    /**
     * The number of examples (scaling from {@code n}, with {@code se ∝ 1/√n}) at which a one-sided
     * test at {@code alpha} detects a true difference of {@code |delta|} with probability
     * {@code power}: {@code ceil(n·((z_{1−α} + z_power)·se/|delta|)²)}, at least 1. A zero
     * standard error gives 1; {@code delta == 0} (nothing to detect) and results beyond the range
     * of long give {@link Long#MAX_VALUE}.
     *
     * @param n the number of examples the standard error was estimated on, ≥ 1
     * @param standardError the standard error of the difference at n examples, finite and ≥ 0
     * @param delta the true difference to detect (its sign is ignored), finite
     * @param alpha the one-sided significance level, in (0, 1)
     * @param power the detection probability, in (alpha, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static long examplesNeeded(long n, double standardError, double delta, double alpha, double power) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 but was " + n);
        }
        checkStandardError(standardError);
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be a finite number but was " + delta);
        }
        double multiplier = multiplier(alpha, power);
        if (delta == 0) {
            return Long.MAX_VALUE;
        }
        double ratio = multiplier * standardError / Math.abs(delta);
        double needed = Math.ceil(n * ratio * ratio);
        if (!(needed < 0x1p63)) {
            return Long.MAX_VALUE;
        }
        return Math.max(1L, (long) needed);
    }

    /** The normal approximation for a test whose difference has standard error {@code se}: Φ(δ/se − z_{1−α}). */
    public static PowerCurve normal(double standardError) {
        checkStandardError(standardError);
        return new PowerCurve() {
            @Override
            public double at(double shortfall, double alpha) {
                if (standardError == 0) {
                    return shortfall > 0 ? 1 : alpha;
                }
                double z = ComparisonSupport.STANDARD_NORMAL.inverseSurvivalProbability(alpha);
                return ComparisonSupport.STANDARD_NORMAL.cumulativeProbability(shortfall / standardError - z);
            }

            @Override
            public boolean isExact() {
                return false;
            }

            @Override
            public double minimumDetectable(double alpha, double power, double limit) {
                return minimumDetectableDifference(standardError, alpha, power);
            }
        };
    }

    /**
     * The exact power of McNemar's exact one-sided test on {@code n} pairs whose share of
     * discordant pairs is {@code discordantRate}: the number D of discordant pairs is binomial(n, ψ)
     * with ψ the larger of that rate and the shortfall; given D = d the pairs where only the
     * reference is right are binomial(d, (ψ + δ)/(2ψ)), and the test rejects when they reach the
     * binomial(d, ½) critical value at α. Summed over d within ten standard deviations of nψ.
     */
    public static PowerCurve mcnemarExact(long n, double discordantRate) {
        return new McNemarExactPower(n, discordantRate);
    }

    /** The exact power curve; critical values of each discordant count are computed once per α. */
    private static final class McNemarExactPower implements PowerCurve {
        private final long n;
        private final double discordantRate;
        private final java.util.Map<Double, int[]> criticalByAlpha = new java.util.concurrent.ConcurrentHashMap<>();

        McNemarExactPower(long n, double discordantRate) {
            this.n = n;
            this.discordantRate = discordantRate;
        }

        @Override
        public double at(double shortfall, double alpha) {
            double psi = Math.min(1, Math.max(discordantRate, shortfall));
            if (psi == 0 || n == 0) {
                return 0;
            }
            double onlyReferenceRight = Math.min(1, (psi + shortfall) / (2 * psi));
            BinomialDistribution discordant = BinomialDistribution.of((int) Math.min(n, Integer.MAX_VALUE), psi);
            double mean = n * psi;
            double sd = Math.sqrt(n * psi * (1 - psi));
            // beyond 8 standard deviations the binomial's mass is below 1e-14
            int from = (int) Math.max(1, Math.floor(mean - 8 * sd - 1));
            int to = (int) Math.min(n, Math.ceil(mean + 8 * sd + 1));
            int[] critical = critical(alpha, to);
            double power = 0;
            for (int d = from; d <= to; d++) {
                if (critical[d] > d) {
                    continue;
                }
                double weight = discordant.probability(d);
                if (weight > 0) {
                    power += weight * BinomialDistribution.of(d, onlyReferenceRight).survivalProbability(critical[d] - 1);
                }
            }
            return Math.min(1, power);
        }

        // critical[d]: the smallest count c with P(Bin(d, 1/2) >= c) <= alpha (d + 1 when none is)
        private int[] critical(double alpha, int upTo) {
            int[] known = criticalByAlpha.get(alpha);
            if (known != null && known.length > upTo) {
                return known;
            }
            int[] critical = new int[upTo + 1];
            for (int d = 1; d <= upTo; d++) {
                critical[d] = BinomialDistribution.of(d, 0.5).inverseSurvivalProbability(alpha) + 1;
            }
            criticalByAlpha.put(alpha, critical);
            return critical;
        }

        @Override
        public boolean isExact() {
            return true;
        }

        /**
         * Bisection from the normal approximation's answer, which the exact test never beats: grow it
         * until the exact power reaches the target, then narrow to 0.1% (a dozen power sums).
         */
        @Override
        public double minimumDetectable(double alpha, double power, double limit) {
            double high = Math.min(limit, normal(Math.sqrt(Math.max(discordantRate, 1.0 / n) / n))
                    .minimumDetectable(alpha, power, limit));
            double low = 0;
            while (at(high, alpha) < power) {
                if (high >= limit) {
                    return Double.NaN;
                }
                low = high;
                high = Math.min(limit, high * 1.25);
            }
            if (low == 0) {
                low = high * 0.8;
                if (at(low, alpha) >= power) {
                    low = 0;
                }
            }
            while (high - low > 1e-3 * high) {
                double mid = (low + high) / 2;
                if (at(mid, alpha) >= power) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            return high;
        }
    }

    private static double multiplier(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
        }
        if (!(power > alpha && power < 1)) {
            throw new IllegalArgumentException("power must be in (alpha, 1) = (" + alpha + ", 1) but was " + power
                    + " (a test detects nothing with a probability below its false-alarm rate)");
        }
        return ComparisonSupport.STANDARD_NORMAL.inverseSurvivalProbability(alpha)
                + ComparisonSupport.STANDARD_NORMAL.inverseCumulativeProbability(power);
    }

    private static void checkStandardError(double standardError) {
        if (!(standardError >= 0 && standardError < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("standard error must be finite and non-negative but was "
                    + standardError);
        }
    }
}
