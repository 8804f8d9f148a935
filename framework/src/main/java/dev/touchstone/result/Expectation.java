package dev.touchstone.result;

import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What a statement expects of a metric: a bound (or a range for {@code between}), judged on the
 * point estimate, or on a confidence interval when {@code confidence} is present.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Expectation(Kind kind, double threshold, double upper, OptionalDouble confidence) {

    /** Contract names as written to the results file. */
    public enum Kind {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<="), BETWEEN("between");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
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
        String bound = switch (kind) {
            case ABOVE -> "above " + fmt(threshold, decimals);
            case AT_LEAST -> "at least " + fmt(threshold, decimals);
            case BELOW -> "below " + fmt(threshold, decimals);
            case AT_MOST -> "at most " + fmt(threshold, decimals);
            case BETWEEN -> "between " + fmt(threshold, decimals) + " and " + fmt(upper, decimals);
        };
        return confidence.isPresent()
                ? bound + " with " + percent(confidence.getAsDouble()) + " confidence"
                : bound;
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double level) {
        double p = level * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }
}
