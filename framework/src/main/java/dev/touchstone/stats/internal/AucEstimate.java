package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import org.apiguardian.api.API;

/**
 * The area under the ROC curve with its DeLong variance.
 *
 * @param auc the probability that a random positive scores above a random negative, ties counting
 *     one half (the Mann-Whitney statistic divided by {@code positives · negatives}); NaN when either
 *     class is empty
 * @param variance DeLong's estimate of the variance of {@code auc}; NaN when either class has fewer
 *     than two examples (the per-class sample variance needs two), exactly as pROC returns NA
 * @param positives number of positive examples
 * @param negatives number of negative examples
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record AucEstimate(double auc, double variance, int positives, int negatives) {

    /** Method name recorded in {@link Interval#method()} and the results file. */
    public static final String DELONG = "delong";

    public AucEstimate {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("class sizes must be non-negative but were "
                    + positives + " positives and " + negatives + " negatives");
        }
    }

    /** The standard error, {@code sqrt(variance)}; NaN when the variance is undefined. */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /** Whether both the AUC and its variance could be computed. */
    public boolean isDefined() {
        return !Double.isNaN(auc) && !Double.isNaN(variance);
    }

    /**
     * The interval of this AUC: the envelope of DeLong's normal interval (pROC's
     * {@code ci.auc(method = "delong")}) and Newcombe's score interval, so that it keeps its
     * coverage on small or perfectly separated samples (see {@link AucIntervals}).
     *
     * @throws IllegalArgumentException if {@code level} is outside (0, 1)
     */
    public Interval interval(double level) {
        NormalQuantiles.checkLevel(level);
        return AucIntervals.envelope(this, level);
    }

    /** DeLong's normal interval alone, clipped to [0, 1]; undefined where its variance is. */
    public Interval deLongInterval(double level) {
        double z = NormalQuantiles.z(level);
        if (!isDefined()) {
            return Interval.undefined(level, DELONG);
        }
        double halfWidth = z * standardError();
        return new Interval(Math.max(0.0, auc - halfWidth), Math.min(1.0, auc + halfWidth), level, DELONG);
    }
}
