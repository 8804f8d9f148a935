package dev.touchstone.gate;

import dev.touchstone.internal.text.Numerals;
import java.math.BigDecimal;

/** Comparing numbers of the results file as the decimals that name them, and counting things in words. */
final class Numbers {

    private Numbers() {
    }

    /** The exact decimal the user would write for {@code value}: 0.7, not 0.6999999999999999555910790149937. */
    static BigDecimal decimal(double value) {
        return Numerals.decimal(value);
    }

    static String count(long n) {
        return Numerals.count(n);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
