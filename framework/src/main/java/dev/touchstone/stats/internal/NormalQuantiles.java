package dev.touchstone.stats.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * Critical values of the standard normal distribution, used by every normal-approximation
 * interval in Touchstone (Wilson, DeLong).
 *
 * <p>The quantile comes from Commons Statistics, whose inverse error function is accurate to a
 * few ulps, so intervals agree with SciPy's {@code norm.isf} (and R's {@code qnorm}) far beyond
 * the 1e-9 the reference tests demand.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NormalQuantiles {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private NormalQuantiles() {
    }

    /**
     * The two-sided critical value {@code z} with {@code P(-z <= Z <= z) = level} for a standard
     * normal {@code Z}: 1.959963984540054 for 0.95. Computed as the upper {@code (1 - level) / 2}
     * quantile (the survival-function inverse, which keeps full precision for levels near 1).
     *
     * @param level the confidence level, strictly between 0 and 1
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public static double z(double level) {
        checkLevel(level);
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /** Shared argument check for confidence levels, with the message used across the package. */
    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + level);
        }
    }
}
