package dev.touchstone.result;

import dev.touchstone.stats.Interval;
import dev.touchstone.stats.PowerCurve;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The evidence of a comparison on one slice: the reference, whether examples were paired, the
 * difference model − reference with its interval, the test and its (adjusted) p-value, and the
 * smallest difference the test could detect.
 *
 * @param source          {@code previous-run}, {@code named:prod}, {@code directory:…} or {@code model:champion}
 * @param referenceValue  the reference's value of the metric (on the paired examples when paired)
 * @param referenceN      examples behind the reference value
 * @param paired          whether the same examples were compared
 * @param pairing         why the comparison is paired or not, in words
 * @param difference      model − reference, in the metric's units (positive: the model's value is larger)
 * @param interval        two-sided interval of the difference at the statement's level
 * @param test            the test's name ({@code mcnemar-exact}, {@code delong-paired}, ...)
 * @param pValue          one-sided p-value of the statement's null hypothesis
 * @param adjustedPValue  after the multiplicity correction of its family
 * @param family          the family the correction ran over
 * @param minimumDetectableDifference the smallest true shortfall the test detects with the configured power at
 *                        the α that decides ({@link #decidingAlpha()}); NaN when it cannot be told
 * @param margin          the tolerance the statement allows, in the metric's units
 * @param higherIsBetter  the metric's direction, which orients "worse" and "better"
 * @param power           the power behind {@code minimumDetectableDifference}
 * @param powerCurve      the power of the test that decided, exact or approximate
 * @param familySize      how many comparisons the multiplicity correction ran over
 * @param referenceStandardError the standard error of the reference's own value when it comes from another
 *                        sample (unpaired); NaN when paired or unknown
 * @param hypothesis      what a small {@code pValue} shows: {@link #WORSE} (worse than the reference by more
 *                        than the margin), {@link #BETTER}, {@link #NON_INFERIOR} (not worse by more than the
 *                        margin) or {@link #DRIFT} (the distribution differs from the reference's); the test of the statement's own question, so that the p-value shown
 *                        next to a verdict is the one that speaks to it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ComparisonResult(String source, double referenceValue, long referenceN, boolean paired, String pairing,
        double difference, Interval interval, String test, double statistic, double pValue, double adjustedPValue,
        double alpha, String multiplicity, String family, double minimumDetectableDifference, double margin,
        boolean higherIsBetter, double power, PowerCurve powerCurve, int familySize, double referenceStandardError,
        String hypothesis) {

    /** H1: the model is worse than the reference by more than the margin. */
    public static final String WORSE = "worse";
    /** H1: the model is better than the reference. */
    public static final String BETTER = "better";
    /** H1: the model is not worse than the reference by more than the margin. */
    public static final String NON_INFERIOR = "non-inferior";
    /** H1: the data's distribution differs from the reference's (a drift test). */
    public static final String DRIFT = "drift";

    public ComparisonResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(powerCurve, "powerCurve");
        Objects.requireNonNull(hypothesis, "hypothesis");
    }

    /** A result whose p-value tests {@link #WORSE}. */
    public ComparisonResult(String source, double referenceValue, long referenceN, boolean paired, String pairing,
            double difference, Interval interval, String test, double statistic, double pValue, double adjustedPValue,
            double alpha, String multiplicity, String family, double minimumDetectableDifference, double margin,
            boolean higherIsBetter, double power, PowerCurve powerCurve, int familySize, double referenceStandardError) {
        this(source, referenceValue, referenceN, paired, pairing, difference, interval, test, statistic, pValue,
                adjustedPValue, alpha, multiplicity, family, minimumDetectableDifference, margin, higherIsBetter, power,
                powerCurve, familySize, referenceStandardError, WORSE);
    }

    /**
     * The significance level a difference must clear to be significant: α, or α/m over a family
     * of m comparisons under Holm, Bonferroni or Benjamini–Hochberg (where the first step tests).
     */
    public double decidingAlpha() {
        return multiplicity == null || "none".equals(multiplicity) || familySize <= 1 ? alpha : alpha / familySize;
    }

    /** The smallest shortfall the test detects with {@code power} at {@code alpha} over {@code familySize} comparisons. */
    public static double minimumDetectable(PowerCurve curve, double alpha, String multiplicity, int familySize,
            double power) {
        double deciding = multiplicity == null || "none".equals(multiplicity) || familySize <= 1 ? alpha
                : alpha / familySize;
        return curve.minimumDetectable(deciding, power, 1.0);
    }

    /** The difference oriented so that positive means better. */
    public double orientedDifference() {
        return higherIsBetter ? difference : -difference;
    }

    /** The interval of the oriented difference: {low, high}. */
    public double[] orientedInterval() {
        return higherIsBetter ? new double[] {interval.low(), interval.high()}
                : new double[] {-interval.high(), -interval.low()};
    }

    /** Judged again over a larger family: the adjusted p-value, and the power at the family's α. */
    public ComparisonResult withAdjusted(double adjusted, String newMultiplicity, String newFamily, int newFamilySize) {
        double mdd = minimumDetectable(powerCurve, alpha, newMultiplicity, newFamilySize, power);
        return new ComparisonResult(source, referenceValue, referenceN, paired, pairing, difference, interval, test,
                statistic, pValue, adjusted, alpha, newMultiplicity, newFamily, mdd, margin, higherIsBetter, power,
                powerCurve, newFamilySize, referenceStandardError, hypothesis);
    }
}
