package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of comparing a model with a reference (a baseline): the observed difference
 * {@code Δ = model − reference}, the test of the null hypothesis {@code Δ = Δ0} (with
 * {@code Δ0 = −margin}) against an {@link Alternative}, and a two-sided confidence interval of Δ.
 *
 * <p>Undefined comparisons (no data, or too few examples to estimate a variance) are not an
 * error: they have {@code pValue = 1} (they never reject, so they never raise a false alarm by
 * themselves), a NaN {@code statistic} and {@code standardError}, an
 * {@linkplain Interval#undefined undefined} interval and {@link #isDefined()} false. A caller
 * that judges a quality check <b>must</b> report such a result as INCONCLUSIVE (a check never
 * passes because data was missing); the p-value of 1 only keeps multiplicity
 * adjustment and arithmetic free of NaN.
 *
 * @param name the test, as recorded in {@code results.json} {@code test.name}: for example
 *     {@code mcnemar-exact}, {@code mcnemar-chisq-cc}, {@code tango-score}, {@code score-2indep},
 *     {@code delong-paired}, {@code delong-unpaired}, {@code paired-bootstrap}, {@code bootstrap}
 * @param difference the observed Δ (model − reference); NaN when it cannot be computed
 * @param statistic the test statistic (its meaning depends on the test; see each factory);
 *     NaN when not defined; may be infinite when the estimated variance is 0
 * @param pValue the p-value for the requested alternative, in [0, 1], never NaN
 * @param interval the two-sided confidence interval of Δ at the requested level
 * @param standardError the estimated standard error of Δ (not of the test statistic under the
 *     null), as used by {@link Power}; NaN when undefined
 * @param paired whether the two values were measured on the same examples
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ComparisonTest(String name, double difference, double statistic, double pValue,
        Interval interval, double standardError, boolean paired) {

    public ComparisonTest {
        Objects.requireNonNull(name, "test name must not be null");
        Objects.requireNonNull(interval, "interval must not be null (use Interval.undefined)");
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1] but was " + pValue);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("standard error must be non-negative but was " + standardError);
        }
    }

    /**
     * Whether the comparison could be computed: the difference and its standard error are
     * numbers. When false the p-value is 1 by convention and the verdict must be INCONCLUSIVE.
     */
    public boolean isDefined() {
        return !Double.isNaN(difference) && !Double.isNaN(standardError);
    }
}
