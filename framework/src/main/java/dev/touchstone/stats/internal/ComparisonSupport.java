package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Shared pieces of the comparison tests: normal p-values, argument checks, undefined results. */
final class ComparisonSupport {

    static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ComparisonSupport() {
    }

    /**
     * The p-value of a statistic that is standard normal under H0 and grows with Δ: upper tail for
     * {@link Alternative#GREATER}, lower tail for {@link Alternative#LESS}, twice the smaller tail
     * for {@link Alternative#TWO_SIDED}. Tails are computed directly (survival function), never as
     * {@code 1 − Φ}, so small p-values keep full relative precision. Infinite z gives 0 or 1.
     */
    static double normalPValue(double z, Alternative alternative) {
        return switch (alternative) {
            case GREATER -> STANDARD_NORMAL.survivalProbability(z);
            case LESS -> STANDARD_NORMAL.cumulativeProbability(z);
            case TWO_SIDED -> Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
        };
    }

    /**
     * {@code numerator / sqrt(variance)}, with the limits for a zero variance: 0 when the
     * numerator is 0 too (no difference and no spread: no evidence), otherwise ±∞.
     */
    static double ratio(double numerator, double standardError) {
        if (standardError > 0) {
            return numerator / standardError;
        }
        if (numerator == 0) {
            return 0.0;
        }
        return numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** A comparison that cannot be computed; see {@link ComparisonTest}. */
    static ComparisonTest undefined(String name, double difference, double level, String intervalMethod,
            boolean paired) {
        return new ComparisonTest(name, difference, Double.NaN, 1.0, Interval.undefined(level, intervalMethod),
                Double.NaN, paired);
    }

    static void checkAlternative(Alternative alternative) {
        Objects.requireNonNull(alternative, "alternative must not be null (LESS, GREATER or TWO_SIDED)");
    }

    /** A margin on a difference of proportions or AUCs: a finite number in [0, 1). */
    static void checkMargin(double margin) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1) but was " + margin
                    + " (it is the tolerated drop of the metric, model − reference ≥ −margin)");
        }
    }
}
