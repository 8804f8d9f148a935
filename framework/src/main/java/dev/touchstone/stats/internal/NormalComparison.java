package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * A z-test of a difference from its standard error: for comparisons where only summaries of the
 * reference are known (an unpaired baseline of a metric without a dedicated test), with the
 * standard errors of the two independent estimates combined as √(se₁² + se₂²).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NormalComparison {

    public static final String NAME = "normal-2indep";

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private NormalComparison() {
    }

    /**
     * @param difference model − reference, oriented so that larger is better
     * @param margin     tolerance d ≥ 0: the null value of the difference is −d
     */
    public static ComparisonTest compare(double difference, double modelStandardError, double referenceStandardError,
            double margin, Alternative alternative, double level) {
        double se = Math.sqrt(modelStandardError * modelStandardError + referenceStandardError * referenceStandardError);
        double z = se > 0 ? (difference + margin) / se : 0;
        double p = switch (alternative) {
            case LESS -> STANDARD.cumulativeProbability(z);
            case GREATER -> STANDARD.survivalProbability(z);
            case TWO_SIDED -> Math.min(1, 2 * STANDARD.survivalProbability(Math.abs(z)));
        };
        double half = NormalQuantiles.z(level) * se;
        Interval interval = se > 0 ? new Interval(difference - half, difference + half, level, NAME)
                : Interval.undefined(level, NAME);
        return new ComparisonTest(NAME, difference, z, se > 0 ? p : 1.0, interval, se, false);
    }
}
