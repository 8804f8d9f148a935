package dev.touchstone.result;

import dev.touchstone.stats.Interval;
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
 * @param minimumDetectableDifference the smallest true shortfall the test detects at alpha with the configured power
 * @param margin          the tolerance the statement allows, in the metric's units
 * @param higherIsBetter  the metric's direction, which orients "worse" and "better"
 * @param power           the power behind {@code minimumDetectableDifference}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ComparisonResult(String source, double referenceValue, long referenceN, boolean paired, String pairing,
        double difference, Interval interval, String test, double statistic, double pValue, double adjustedPValue,
        double alpha, String multiplicity, String family, double minimumDetectableDifference, double margin,
        boolean higherIsBetter, double power) {

    public ComparisonResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(test, "test");
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

    public ComparisonResult withAdjusted(double adjusted, String newMultiplicity, String newFamily) {
        return new ComparisonResult(source, referenceValue, referenceN, paired, pairing, difference, interval, test,
                statistic, pValue, adjusted, alpha, newMultiplicity, newFamily, minimumDetectableDifference, margin,
                higherIsBetter, power);
    }
}
