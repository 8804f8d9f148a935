package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Sample quantiles and the bootstrap percentile interval.
 *
 * <p>Quantiles use linear interpolation between order statistics, Hyndman and Fan's type 7:
 * the default of numpy ({@code np.percentile(x, q, method="linear")}), R ({@code quantile(type=7)})
 * and most spreadsheets, so users can reproduce any bound Touchstone reports with the tool they
 * already have.
 *
 * <p><b>Undefined replicates.</b> A bootstrap resample can make a metric undefined (precision of a
 * resample with no predicted positives, MCC with an empty row): its replicate is NaN. The rule:
 * NaN replicates are <em>excluded</em> from the quantiles and <em>counted</em>
 * ({@link Summary#undefinedReplicates()}), so the caller can report how many there were, or treat
 * a large share as a reason to call the result inconclusive. Excluding them estimates the
 * interval conditionally on the metric being defined; it is never silent, because the count
 * travels with the interval. When no replicate is defined the interval is
 * {@linkplain Interval#undefined undefined}. Infinite replicates are kept (they are ordered).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Percentiles {

    /** Method name recorded in {@link Interval#method()} and the results file. */
    public static final String BOOTSTRAP_PERCENTILE = "bootstrap-percentile";

    private Percentiles() {
    }

    /**
     * A percentile interval together with the replicate counts it was computed from.
     *
     * @param interval the interval (undefined if no replicate is defined)
     * @param definedReplicates replicates used for the quantiles
     * @param undefinedReplicates NaN replicates that were excluded
     */
    public record Summary(Interval interval, int definedReplicates, int undefinedReplicates) {

        public Summary {
            Objects.requireNonNull(interval, "interval");
            if (definedReplicates < 0 || undefinedReplicates < 0) {
                throw new IllegalArgumentException("replicate counts must be non-negative but were "
                        + definedReplicates + " and " + undefinedReplicates);
            }
        }

        /** All replicates, defined or not. */
        public int totalReplicates() {
            return definedReplicates + undefinedReplicates;
        }
    }

    /**
     * The type-7 quantile of sorted data: with {@code h = (n - 1) p}, the value
     * {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}.
     *
     * <p>The interpolation is evaluated from the nearer order statistic (as numpy does), which
     * keeps the result monotone in {@code p} and exact at the data points.
     *
     * @param sorted ascending data without NaN (not checked: checking would cost O(n) per call)
     * @param p the probability, in [0, 1]
     * @throws IllegalArgumentException if {@code sorted} is empty or {@code p} is outside [0, 1]
     */
    public static double quantile(double[] sorted, double p) {
        Objects.requireNonNull(sorted, "sorted");
        return quantile(sorted, sorted.length, p);
    }

    /** {@link #quantile(double[], double)} over the first {@code length} elements. */
    static double quantile(double[] sorted, int length, double p) {
        if (length == 0) {
            throw new IllegalArgumentException("cannot compute a quantile of no data");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1] but was " + p);
        }
        double h = (length - 1) * p;
        int lower = (int) Math.floor(h);
        double fraction = h - lower;
        if (lower >= length - 1) {
            return sorted[length - 1];
        }
        double a = sorted[lower];
        double b = sorted[lower + 1];
        if (fraction == 0 || a == b) {
            return a;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            // The limit of the interpolation: an infinite neighbour dominates; between -inf and
            // +inf there is no meaningful value.
            return Double.isInfinite(a) && Double.isInfinite(b) ? Double.NaN : Double.isInfinite(a) ? a : b;
        }
        double difference = b - a;
        return fraction < 0.5 ? a + difference * fraction : b - difference * (1 - fraction);
    }

    /**
     * The two-sided bootstrap percentile interval at {@code level}: the type-7 quantiles at
     * {@code (1 - level) / 2} and {@code (1 + level) / 2} of the defined replicates. Sorts
     * {@code replicates} in place (NaN last), to avoid copying 10,000 or more values per interval.
     * NaN replicates are excluded; use {@link #summarize} to learn how many there were.
     *
     * @throws IllegalArgumentException if {@code level} is outside (0, 1)
     */
    public static Interval percentileInterval(double[] replicates, double level) {
        return summarize(replicates, level).interval();
    }

    /**
     * Like {@link #percentileInterval}, but also returns how many replicates were defined and how
     * many were NaN and therefore excluded. Sorts {@code replicates} in place.
     *
     * @throws IllegalArgumentException if {@code level} is outside (0, 1)
     */
    public static Summary summarize(double[] replicates, double level) {
        Objects.requireNonNull(replicates, "replicates");
        NormalQuantiles.checkLevel(level);
        Arrays.sort(replicates);
        int defined = replicates.length;
        while (defined > 0 && Double.isNaN(replicates[defined - 1])) {
            defined--;
        }
        int undefined = replicates.length - defined;
        if (defined == 0) {
            return new Summary(Interval.undefined(level, BOOTSTRAP_PERCENTILE), 0, undefined);
        }
        double tail = (1 - level) / 2;
        double low = quantile(replicates, defined, tail);
        double high = quantile(replicates, defined, 1 - tail);
        return new Summary(new Interval(low, high, level, BOOTSTRAP_PERCENTILE), defined, undefined);
    }

    /**
     * A distribution-free interval for the {@code p}-quantile from order statistics: the ranks
     * between the binomial(n, p) quantiles at (1 − level)/2 and (1 + level)/2 cover the true
     * quantile with at least {@code level} probability. A bound is NaN when n is too small for
     * any order statistic to reach it (the other may still be known: a p99 from 50 answers has a
     * lower bound but no upper one). Method {@value #ORDER_STATISTIC}.
     */
    public static Interval orderStatisticInterval(double[] sorted, double p, double level) {
        int n = sorted.length;
        NormalQuantiles.checkLevel(level);
        if (n == 0) {
            return Interval.undefined(level, ORDER_STATISTIC);
        }
        org.apache.commons.statistics.distribution.BinomialDistribution ranks =
                org.apache.commons.statistics.distribution.BinomialDistribution.of(n, p);
        int low = ranks.inverseCumulativeProbability((1 - level) / 2);
        int high = ranks.inverseCumulativeProbability((1 + level) / 2) + 1;
        return new Interval(low < 1 ? Double.NaN : sorted[low - 1], high > n ? Double.NaN : sorted[high - 1], level,
                ORDER_STATISTIC);
    }

    /**
     * The fewest values at which the order-statistic interval of the {@code p}-quantile has a
     * lower bound ({@code lower}) or an upper bound: the smallest order statistic covers at level
     * c once (1 − p)^n &lt; (1 − c)/2, the largest once p^n ≤ (1 − c)/2.
     */
    public static long orderStatisticMinimum(double p, double level, boolean lower) {
        double tail = Math.log((1 - level) / 2);
        double n = lower ? Math.floor(tail / Math.log(1 - p)) + 1 : Math.ceil(tail / Math.log(p));
        return (long) n;
    }

    public static final String ORDER_STATISTIC = "order-statistic";
}
