package dev.touchstone.gate;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of a results entry as every gate rendering shows them. A value shown next to a
 * minimum is rounded down and next to a maximum up, so that it never seems to meet a bound the
 * real value misses; interval lows are rounded down and highs up, so the shown interval always
 * contains the real one.
 */
final class EntryText {

    private EntryText() {
    }

    /** {@code DetectorQualityTest.recallAtNight}: the spec's simple name and the check. */
    static String checkName(CheckEntry e) {
        String spec = e.spec();
        int dot = spec.lastIndexOf('.');
        return (dot < 0 ? spec : spec.substring(dot + 1)) + "." + e.check();
    }

    static String slice(CheckEntry e) {
        return e.slice() == null ? "-" : e.slice();
    }

    static String metric(CheckEntry e) {
        return e.metric() == null ? "-" : e.metric();
    }

    /** Decimals to show the entry's numbers with: three, or as fine as its bounds are written. */
    static int decimals(CheckEntry e) {
        ExpectationEntry x = e.expectation();
        if (isCount(e) && (x == null || isWhole(x.threshold()) && isWhole(x.upper()))) {
            return 0;
        }
        return x == null ? 3 : Numbers.decimalsFor(x.threshold(), x.upper(), x.tolerance());
    }

    /** Toward failing: down against a lower bound, up against an upper bound. */
    static RoundingMode rounding(CheckEntry e) {
        ExpectationEntry x = e.expectation();
        String kind = x == null ? "" : x.kind();
        return switch (kind) {
            case "above", "at_least" -> RoundingMode.FLOOR;
            case "below", "at_most" -> RoundingMode.CEILING;
            case "between", "" -> RoundingMode.HALF_EVEN;
            default -> e.metric() != null && !Metrics.higherIsBetter(e.metric()) ? RoundingMode.CEILING : RoundingMode.FLOOR;
        };
    }

    static String value(CheckEntry e, int decimals, RoundingMode rounding) {
        if (e.value() == null) {
            return "undefined";
        }
        if (isCount(e) && e.value() == Math.rint(e.value())) {
            return Numbers.count(e.value().longValue());
        }
        return Numbers.format(e.value(), decimals, rounding);
    }

    static String value(CheckEntry e) {
        return value(e, decimals(e), rounding(e));
    }

    /** {@code 95% [0.835, 0.902]}, or {@code -} when there is none. */
    static String interval(CheckEntry e, int decimals) {
        IntervalEntry i = e.interval();
        if (i == null || isCount(e)) {
            return "-";
        }
        if (i.low() == null || i.high() == null) {
            return Numbers.percent(i.level()) + " undefined";
        }
        return Numbers.percent(i.level()) + " [" + Numbers.format(i.low(), decimals, RoundingMode.FLOOR) + ", "
                + Numbers.format(i.high(), decimals, RoundingMode.CEILING) + "]";
    }

    /** "above 0.900 with 95% confidence", "not significantly worse than previous-run 0.905". */
    static String expected(CheckEntry e) {
        ExpectationEntry x = e.expectation();
        BaselineEntry b = e.baseline();
        int d = decimals(e);
        if (x == null) {
            return b == null ? "-" : "baseline " + reference(b, d);
        }
        String bound = switch (x.kind()) {
            case "above" -> "above " + bound(x.threshold(), d);
            case "at_least" -> "at least " + bound(x.threshold(), d);
            case "below" -> "below " + bound(x.threshold(), d);
            case "at_most" -> "at most " + bound(x.threshold(), d);
            case "between" -> "between " + bound(x.threshold(), d) + " and " + bound(x.upper(), d);
            default -> x.kind().replace('_', ' ') + (b != null ? " " + reference(b, d)
                    : x.threshold() != null ? " " + bound(x.threshold(), d) : "");
        };
        if (x.tolerance() > 0) {
            bound += " (tolerance " + Numbers.format(x.tolerance(), d, RoundingMode.HALF_EVEN) + ")";
        }
        if (x.confidence() != null) {
            bound += " with " + Numbers.percent(x.confidence()) + " confidence";
        }
        return bound;
    }

    private static String reference(BaselineEntry b, int decimals) {
        return b.source() + (b.value() == null ? "" : " " + Numbers.format(b.value(), decimals, RoundingMode.HALF_EVEN));
    }

    private static String bound(Double value, int decimals) {
        return value == null ? "undefined" : Numbers.format(value, decimals, RoundingMode.HALF_EVEN);
    }

    /** The p-value the verdict used: adjusted when a correction ran, else raw; {@code -} when no test ran. */
    static String pValue(CheckEntry e) {
        TestEntry t = e.test();
        if (t == null) {
            return "-";
        }
        Double p = t.adjustedPValue() != null ? t.adjustedPValue() : t.pValue();
        return p == null ? "-" : Numbers.pValue(p);
    }

    /**
     * The evidence in parentheses of a gate line: baseline and difference, p-value, interval and
     * n: {@code baseline 0.905, delta -0.034, p=0.012, 95% CI [0.85, 0.89], n=1,204}.
     */
    static String evidence(CheckEntry e, int decimals) {
        List<String> parts = new ArrayList<>();
        BaselineEntry b = e.baseline();
        if (b != null && b.value() != null) {
            parts.add("baseline " + Numbers.format(b.value(), decimals, RoundingMode.HALF_EVEN));
            if (e.value() != null) {
                parts.add("delta " + Numbers.signed(e.value() - b.value(), decimals, RoundingMode.HALF_EVEN));
            }
        }
        TestEntry t = e.test();
        if (t != null && (t.adjustedPValue() != null || t.pValue() != null)) {
            boolean adjusted = t.adjustedPValue() != null && t.multiplicity() != null
                    && !"none".equals(t.multiplicity().toLowerCase(Locale.ROOT));
            parts.add((adjusted ? t.multiplicity() + "-adjusted p=" : "p=") + pValue(e));
        }
        IntervalEntry i = e.interval();
        if (i != null && i.low() != null && i.high() != null && !isCount(e)) {
            int d = Math.max(2, decimals - 1);
            parts.add(Numbers.percent(i.level()) + " CI [" + Numbers.format(i.low(), d, RoundingMode.FLOOR) + ", "
                    + Numbers.format(i.high(), d, RoundingMode.CEILING) + "]");
        }
        if (e.n() != null) {
            parts.add("n=" + Numbers.count(e.n()));
        }
        return String.join(", ", parts);
    }

    /** The evidence of a rule's line: baseline and difference (for a limit on the regression), interval and n. */
    static String ruleEvidence(CheckEntry e, int decimals, boolean againstBaseline) {
        List<String> parts = new ArrayList<>();
        BaselineEntry b = e.baseline();
        if (againstBaseline && b != null && b.value() != null && e.value() != null) {
            parts.add("baseline " + Numbers.format(b.value(), decimals, RoundingMode.HALF_EVEN));
            parts.add("delta " + Numbers.signed(e.value() - b.value(), decimals, RoundingMode.HALF_EVEN));
        }
        IntervalEntry i = e.interval();
        if (i != null && i.low() != null && i.high() != null && !isCount(e)) {
            int d = Math.max(2, decimals - 1);
            parts.add(Numbers.percent(i.level()) + " CI [" + Numbers.format(i.low(), d, RoundingMode.FLOOR) + ", "
                    + Numbers.format(i.high(), d, RoundingMode.CEILING) + "]");
        }
        if (e.n() != null) {
            parts.add("n=" + Numbers.count(e.n()));
        }
        return String.join(", ", parts);
    }

    private static boolean isWhole(Double d) {
        return d == null || d == Math.rint(d);
    }

    // a count has no sampling uncertainty to show
    private static boolean isCount(CheckEntry e) {
        return "size".equals(e.metric());
    }

    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): ");

    /** The first line of the entry's message (the engine's summary line), without an exception's class name. */
    static String headline(CheckEntry e) {
        String message = e.message().strip();
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline)).strip();
        return EXCEPTION_PREFIX.matcher(first).replaceFirst("");
    }
}
