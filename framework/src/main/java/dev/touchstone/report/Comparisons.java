package dev.touchstone.report;

import dev.touchstone.result.ComparisonResult;
import dev.touchstone.stats.Interval;
import java.math.RoundingMode;

/** How the documents write a comparison's facts: the reference, the difference, the p-value. */
final class Comparisons {

    private Comparisons() {
    }

    /** {@code previous-run} → "baseline previous-run", {@code model:champion} → "champion". */
    static String referenceName(String source) {
        if (source == null || source.isBlank()) {
            return "reference";
        }
        return source.startsWith("model:") ? source.substring("model:".length()) : "baseline " + source;
    }

    /** The reference's value, rounded half-even: it is a fact of the past, not a bound. */
    static String reference(ComparisonResult c) {
        String value = Markup.number(c.referenceValue(), Facts.DECIMALS, RoundingMode.HALF_EVEN);
        return value == null ? "undefined" : value;
    }

    /** "n = 1,650 · paired" or "n = 400 · unpaired". */
    static String referenceDetail(ComparisonResult c) {
        return "n = " + Markup.count(c.referenceN()) + " \u00b7 " + (c.paired() ? "paired" : "unpaired");
    }

    /** "-0.9050 [-0.9312, -0.8788]": the interval rounded outwards, so it never looks narrower. */
    static String difference(ComparisonResult c) {
        String point = signed(Markup.number(c.difference(), Facts.DECIMALS, RoundingMode.HALF_EVEN));
        Interval ci = c.interval();
        if (ci == null || !ci.isDefined() || !Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) {
            return point;
        }
        return point + " [" + signed(Markup.number(ci.low(), Facts.DECIMALS, RoundingMode.FLOOR)) + ", "
                + signed(Markup.number(ci.high(), Facts.DECIMALS, RoundingMode.CEILING)) + "]";
    }

    /** The p-value the verdict was judged on: the adjusted one when a multiplicity correction ran. */
    static String pValue(ComparisonResult c) {
        double p = adjusted(c) ? c.adjustedPValue() : c.pValue();
        if (!Double.isFinite(p)) {
            return "";
        }
        return p < 0.0001 ? "< 0.0001" : Markup.number(p, Facts.DECIMALS, RoundingMode.HALF_EVEN);
    }

    /** What the p-value is: "holm-adjusted (raw 0.0070) · mcnemar-exact", or the test alone. */
    static String pValueDetail(ComparisonResult c) {
        if (!adjusted(c)) {
            return c.test();
        }
        String raw = c.pValue() < 0.0001 ? "< 0.0001" : Markup.number(c.pValue(), Facts.DECIMALS, RoundingMode.HALF_EVEN);
        return c.multiplicity() + "-adjusted over " + c.familySize() + " (raw " + raw + ") \u00b7 " + c.test();
    }

    private static boolean adjusted(ComparisonResult c) {
        return c.multiplicity() != null && !"none".equals(c.multiplicity()) && c.familySize() > 1
                && Double.isFinite(c.adjustedPValue());
    }

    private static String signed(String number) {
        if (number == null) {
            return "undefined";
        }
        return number.startsWith("-") || number.chars().allMatch(ch -> ch == '0' || ch == '.') ? number : "+" + number;
    }
}
