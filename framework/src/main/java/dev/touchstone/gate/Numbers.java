package dev.touchstone.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting and comparison from the shortest decimal that names a double. */
final class Numbers {

    private Numbers() {
    }

    /** The exact decimal the user would write for {@code value}: 0.7, not 0.6999999999999999555910790149937. */
    static BigDecimal decimal(double value) {
        return new BigDecimal(Double.toString(value));
    }

    static String format(double value, int decimals, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return decimal(value).setScale(decimals, mode).toPlainString();
    }

    /** Like {@link #format} with a sign on non-negative values too: {@code +0.012}, {@code -0.034}. */
    static String signed(double value, int decimals, RoundingMode mode) {
        String text = format(value, decimals, mode);
        return text.startsWith("-") ? text : "+" + text;
    }

    /** Decimals a value is shown with next to a bound: at least three, more when the bound is written finer. */
    static int decimalsFor(Double... bounds) {
        int scale = 0;
        for (Double bound : bounds) {
            if (bound != null && Double.isFinite(bound)) {
                scale = Math.max(scale, Math.max(0, decimal(bound).stripTrailingZeros().scale()));
            }
        }
        return Math.min(Math.max(3, scale), 10);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : format(p, 3, RoundingMode.HALF_EVEN);
    }

    static String percent(double level) {
        double p = level * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
