package dev.touchstone.stats.internal;

import org.apiguardian.api.API;

/**
 * The alternative hypothesis H1 of a comparison, about the difference {@code Δ = model − reference}
 * relative to the null value {@code Δ0} (which is {@code −margin}, or 0 when there is no margin).
 *
 * <p>Signs: Δ is oriented so that positive means the model is better (callers flip the sign of
 * lower-is-better metrics such as log loss before comparing). Hence
 * <ul>
 *   <li>{@link #GREATER}: H1 {@code Δ > Δ0}. Non-inferiority ({@code isNotWorseThan} with
 *       confidence: "the model is not worse by more than the margin") and superiority
 *       ({@code isSignificantlyBetterThan}, margin 0).</li>
 *   <li>{@link #LESS}: H1 {@code Δ < Δ0}. Significant degradation
 *       ({@code isNotSignificantlyWorseThan} fails when this test rejects).</li>
 *   <li>{@link #TWO_SIDED}: H1 {@code Δ ≠ Δ0}, for reports.</li>
 * </ul>
 * They correspond to R's {@code alternative = "greater" | "less" | "two.sided"} and statsmodels'
 * {@code "larger" | "smaller" | "two-sided"}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Alternative {
    /** H1: Δ is below the null value (the model is worse than allowed). */
    LESS,
    /** H1: Δ is above the null value (the model is not worse than allowed, or better). */
    GREATER,
    /** H1: Δ differs from the null value. */
    TWO_SIDED
}
