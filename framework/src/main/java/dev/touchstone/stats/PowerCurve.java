package dev.touchstone.stats;

import org.apiguardian.api.API;

/**
 * The power of the one-sided test a comparison used: the probability that it rejects when the
 * model truly falls short of the tested value by {@code shortfall}, at a significance level.
 * What "the test detects a drop of X with 80% power" rests on, computed for the test and α
 * that actually decide.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface PowerCurve {

    /** The rejection probability for a true shortfall (in the metric's units, ≥ 0) at one-sided {@code alpha}. */
    double at(double shortfall, double alpha);

    /** Whether {@link #at} is exact for the test, rather than a normal approximation. */
    boolean isExact();

    /**
     * The smallest shortfall detected with at least {@code power} at {@code alpha}, found by
     * bisection on (0, {@code limit}]; NaN when even {@code limit} is not detected that often.
     */
    default double minimumDetectable(double alpha, double power, double limit) {
        if (!(at(limit, alpha) >= power)) {
            return Double.NaN;
        }
        double low = 0;
        double high = limit;
        for (int i = 0; i < 60; i++) {
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
