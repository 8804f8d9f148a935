package dev.touchstone.result;

import dev.touchstone.internal.text.Numerals;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What a statement expects of a metric: a bound (or a range for {@code between}), judged on the
 * point estimate, or on a confidence interval when {@code confidence} is present; or a
 * comparison with a reference (a champion model or a baseline) within a tolerance.
 *
 * @param tolerance         the allowed shortfall against a reference, in the metric's units
 *                          (already computed from a relative tolerance)
 * @param relativeTolerance the relative tolerance as given ({@code 0.01} for 1%), or NaN
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Expectation(Kind kind, double threshold, double upper, OptionalDouble confidence, double tolerance,
        double relativeTolerance) {

    public Expectation(Kind kind, double threshold, double upper, OptionalDouble confidence) {
        this(kind, threshold, upper, confidence, 0.0, Double.NaN);
    }

    /** A comparison with a reference. */
    public static Expectation comparison(Kind kind, OptionalDouble confidence, double tolerance, double relativeTolerance) {
        return new Expectation(kind, Double.NaN, Double.NaN, confidence, tolerance, relativeTolerance);
    }

    public boolean isComparison() {
        return kind.comparison;
    }

    /** Contract names as written to the results file. */
    public enum Kind {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<="), BETWEEN("between"),
        NOT_WORSE_THAN("not worse than", true), NOT_SIGNIFICANTLY_WORSE_THAN("not significantly worse than", true),
        SIGNIFICANTLY_BETTER_THAN("significantly better than", true),
        /** The latest time window is not worse than earlier windows beyond their own variation. */
        NOT_ANOMALOUS("not anomalous compared with", true),
        /** A column's distribution has not moved from a reference's: {@code threshold} is the smallest effect that counts. */
        NO_DRIFT("no drift");

        private final String symbol;
        private final boolean comparison;

        Kind(String symbol) {
            this(symbol, false);
        }

        Kind(String symbol, boolean comparison) {
            this.symbol = symbol;
            this.comparison = comparison;
        }

        public String symbol() {
            return symbol;
        }

        /** {@code above}, {@code at_least}, ...: the name used in results.json. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Expectation of(Kind kind, double threshold, OptionalDouble confidence) {
        return new Expectation(kind, threshold, Double.NaN, confidence);
    }

    public static Expectation between(double low, double high, OptionalDouble confidence) {
        return new Expectation(Kind.BETWEEN, low, high, confidence);
    }

    /** "above 0.900", "between 0.800 and 0.900", "at least 0.800 with 95% confidence". */
    public String describe(int decimals) {
        if (isComparison()) {
            return describeComparison(decimals);
        }
        String bound = switch (kind) {
            case ABOVE -> "above " + fmt(threshold, decimals);
            case AT_LEAST -> "at least " + fmt(threshold, decimals);
            case BELOW -> "below " + fmt(threshold, decimals);
            case AT_MOST -> "at most " + fmt(threshold, decimals);
            case BETWEEN -> "between " + fmt(threshold, decimals) + " and " + fmt(upper, decimals);
            case NO_DRIFT -> "no drift (an effect of at least " + fmt(threshold, decimals) + " that is significant)";
            default -> throw new IllegalStateException(kind.name());
        };
        return confidence.isPresent()
                ? bound + " with " + percent(confidence.getAsDouble()) + " confidence"
                : bound;
    }

    // "not worse than the reference (tolerance 0.010) with 95% confidence"
    private String describeComparison(int decimals) {
        StringBuilder text = new StringBuilder(kind.symbol).append(" the reference");
        if (tolerance > 0) {
            text.append(" (tolerance ").append(fmt(tolerance, decimals));
            if (!Double.isNaN(relativeTolerance)) {
                text.append(" = ").append(percent(relativeTolerance)).append(" of it");
            }
            text.append(')');
        }
        confidence.ifPresent(c -> text.append(" with ").append(percent(c)).append(" confidence"));
        return text.toString();
    }

    // Counts (size().isAtLeast(400)) read as counts; rates keep their decimals (0.800), as Digits writes bounds.
    static String fmt(double value, int decimals) {
        if (value == Math.rint(value) && Math.abs(value) >= 2 && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Numerals.fixed(value, decimals, java.math.RoundingMode.HALF_EVEN);
    }

    /** Decimals to show next to this expectation: at least three, more when the bound is written with more. */
    public int decimals() {
        int scale = Math.max(scale(threshold), scale(upper));
        return Math.min(Math.max(3, scale), 10);
    }

    private static int scale(double value) {
        return Numerals.scale(value);
    }

    /** A confidence level as people write it: {@code 95%}, {@code 99.5%}. */
    public static String percent(double level) {
        return Numerals.percent(level);
    }
}
