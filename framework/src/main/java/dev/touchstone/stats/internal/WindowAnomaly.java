package dev.touchstone.stats.internal;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apiguardian.api.API;

/**
 * Is the latest window's value of a metric out of line with the earlier windows? A one-sided
 * prediction test: with reference window values y₁…y_k (mean ȳ, sample standard deviation s),
 * a new window from the same process satisfies
 * {@code t = (y − ȳ) / (s·√(1 + 1/k)) ~ t(k − 1)} when window values are independent and
 * normal. Because s is measured across windows, it holds both the sampling noise of each window
 * and the real window-to-window variation (a weekday effect, a drifting mix), which a test
 * against the pooled examples alone would miss and turn into false alarms. The p-value is the
 * probability, on stable data, of a value at least this much worse.
 *
 * <p>Metrics that are proportions (accuracy, recall, ...) are tested on the arcsine-square-root
 * scale, {@code asin(√y)}, which makes a binomial proportion's variance nearly independent of
 * its level and its distribution nearly symmetric: near 0 or 1 a proportion is skewed, and a
 * t-test on the raw values would alarm more often than α (simulated: 5.3% instead of 5% at
 * accuracy 0.9 on 400 examples a window). Means and intervals are reported on the metric's scale.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class WindowAnomaly {

    private WindowAnomaly() {
    }

    /**
     * @param mean   the reference windows' mean
     * @param sd     their sample standard deviation
     * @param t      the statistic
     * @param df     degrees of freedom (k − 1)
     * @param pValue one-sided: P(a stable window is at least this much worse)
     * @param low    lower bound of the two-sided prediction interval at the level asked
     * @param high   upper bound
     */
    public record Result(double mean, double sd, double t, int df, double pValue, double low, double high) {
    }

    /**
     * Tests {@code latest} against {@code reference} (at least 3 windows); {@code higherIsBetter}
     * orients "worse". A reference without any variation gives a p-value of 0 for any worse
     * value and 1 otherwise.
     */
    public static Result test(double[] reference, double latest, boolean higherIsBetter, double level) {
        return test(reference, latest, higherIsBetter, level, false);
    }

    /** As {@link #test(double[], double, boolean, double)}; {@code proportion}: values in [0, 1], tested as asin(√y). */
    public static Result test(double[] reference, double latest, boolean higherIsBetter, double level,
            boolean proportion) {
        if (proportion) {
            double[] transformed = new double[reference.length];
            for (int i = 0; i < reference.length; i++) {
                transformed[i] = arcsine(reference[i]);
            }
            Result r = test(transformed, arcsine(latest), higherIsBetter, level, false);
            return new Result(back(r.mean()), Math.abs(back(r.mean() + r.sd()) - back(r.mean())), r.t(), r.df(),
                    r.pValue(), back(r.low()), back(r.high()));
        }
        int k = reference.length;
        if (k < 3) {
            throw new IllegalArgumentException("an anomaly test needs at least 3 reference windows but has " + k);
        }
        double mean = 0;
        for (double v : reference) {
            mean += v;
        }
        mean /= k;
        double ss = 0;
        for (double v : reference) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (k - 1));
        double scale = sd * Math.sqrt(1 + 1.0 / k);
        TDistribution t = TDistribution.of(k - 1);
        double quantile = t.inverseSurvivalProbability((1 - level) / 2);
        double worse = higherIsBetter ? mean - latest : latest - mean;
        if (scale == 0) {
            return new Result(mean, sd, worse > 0 ? Double.POSITIVE_INFINITY : 0, k - 1, worse > 0 ? 0 : 1, mean, mean);
        }
        double statistic = (latest - mean) / scale;
        double p = higherIsBetter ? t.cumulativeProbability(statistic) : t.survivalProbability(statistic);
        return new Result(mean, sd, statistic, k - 1, p, mean - quantile * scale, mean + quantile * scale);
    }

    private static double arcsine(double y) {
        return Math.asin(Math.sqrt(Math.max(0, Math.min(1, y))));
    }

    // The inverse of arcsine, with the scale's ends held at 0 and 1.
    private static double back(double z) {
        double c = Math.max(0, Math.min(Math.PI / 2, z));
        double s = Math.sin(c);
        return s * s;
    }
}
