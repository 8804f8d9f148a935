package dev.touchstone.internal.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one way numbers become text in human-facing output: from the shortest decimal that names a
 * double (0.3, not 0.2999999999999999888977697537484), rounded at a given scale in a given
 * direction. How many decimals a statement's numbers get is decided elsewhere
 * ({@code dev.touchstone.wording.Digits}); this class only writes them.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Numerals {

    private Numerals() {
    }

    /** The exact decimal the user would write for {@code value}. */
    public static BigDecimal decimal(double value) {
        return new BigDecimal(Double.toString(value));
    }

    /** {@code value} rounded to {@code decimals} in direction {@code mode}: {@code 0.873}, {@code 48.609}. */
    public static String fixed(double value, int decimals, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "undefined" : value > 0 ? "∞" : "-∞";
        }
        return rounded(value, decimals, mode).toPlainString();
    }

    /** {@code value} rounded as {@link #fixed}, as a number. */
    public static BigDecimal rounded(double value, int decimals, RoundingMode mode) {
        return decimal(value).setScale(decimals, mode);
    }

    /** Like {@link #fixed}, signed: {@code +0.012}, {@code -0.034}, {@code +0.000}. */
    public static String signed(double value, int decimals, RoundingMode mode) {
        String text = fixed(value, decimals, mode);
        return text.startsWith("-") || text.startsWith("∞") || text.equals("undefined") ? text : "+" + text;
    }

    /** Decimals in the shortest decimal that names {@code value}: 0.9 has 1, 0.875 has 3, 50 has 0. */
    public static int scale(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        return Math.max(0, decimal(value).stripTrailingZeros().scale());
    }

    /** A count with thousands separators: {@code 1,650}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A level or share as people write it: {@code 95%}, {@code 99.5%}, never {@code 95.0%}. */
    public static String percent(double fraction) {
        return decimal(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A number as written: {@code 0.05}, {@code 50}, {@code 0.9}. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return fixed(value, 0, RoundingMode.HALF_EVEN);
        }
        return decimal(value).stripTrailingZeros().toPlainString();
    }
}
