package dev.touchstone.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Escaping and number formatting shared by the HTML and SVG writers. */
final class Markup {

    private Markup() {
    }

    /** Text content: {@code & < > " '} escaped, characters XML cannot hold replaced by U+FFFD. */
    static String text(String value) {
        return escape(value, false);
    }

    /** An attribute value (always written in double quotes): as {@link #text}, line breaks kept as references. */
    static String attr(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(i + 1));
                i += 2;
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(allowed(c) ? c : '\uFFFD');
            }
            i++;
        }
        return out.toString();
    }

    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | supplementary (handled above).
    private static boolean allowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /**
     * {@code value} with exactly {@code decimals} decimals, rounded by {@code mode}; null if not
     * finite. Rounds the shortest decimal that identifies the double ({@code 0.8412}), not its
     * exact binary value ({@code 0.84119999...}), so that directed rounding does not turn
     * 0.8412 into 0.8411. A double below a bound written as a short decimal still shows below it.
     */
    static String number(double value, int decimals, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return null;
        }
        String text = BigDecimal.valueOf(value).setScale(decimals, mode).toPlainString();
        return text.startsWith("-") && isZero(text) ? text.substring(1) : text;
    }

    private static boolean isZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** A count with thousands separators: {@code 12,345}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A confidence level as a percentage: {@code 95%}, {@code 99.9%}. */
    static String percent(double level) {
        double p = level * 100;
        if (Math.abs(p - Math.rint(p)) < 1e-9) {
            return Long.toString(Math.round(p)) + "%";
        }
        return BigDecimal.valueOf(p).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString() + "%";
    }

    /** An SVG coordinate: at most two decimals, no trailing zeros. */
    static String px(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        String result = text.substring(0, end);
        return result.equals("-0") ? "0" : result;
    }

    /** {@code text} cut to {@code max} characters (by code point) with an ellipsis. */
    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(1, max - 1));
        return text.substring(0, end) + "\u2026";
    }
}
