package dev.touchstone.gate;

import dev.touchstone.internal.text.Numerals;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.Evidence;
import dev.touchstone.wording.Digits;
import dev.touchstone.wording.Wording;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a results entry as the gate's renderings show them, each written by the one
 * wording layer ({@link Wording}) from the entry's facts, never read back from its message.
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

    static String value(CheckEntry e) {
        return Wording.value(e.evidence());
    }

    /** {@code 95% [0.835, 0.902]}, or {@code -} when there is none. */
    static String interval(CheckEntry e) {
        return Wording.interval(e.evidence());
    }

    /** "above 0.900 with 95% confidence", "not significantly worse than previous-run 0.905". */
    static String expected(CheckEntry e) {
        return Wording.expected(e.evidence());
    }

    /** The labelled p-value the verdict used: {@code p(worse)=0.023 holm}; {@code -} when no test ran. */
    static String pValue(CheckEntry e) {
        return Wording.pValue(e.evidence());
    }

    /** Model − baseline, signed, or empty. */
    static String delta(CheckEntry e) {
        return Wording.delta(e.evidence());
    }

    /**
     * The evidence in parentheses of a gate line: baseline and difference, p-value, interval, n
     * and the examples that would decide: {@code baseline 0.905, Δ -0.034, p(worse)=0.012 holm,
     * 95% CI [0.851, 0.890], n=1,204}.
     */
    static String evidence(CheckEntry e) {
        Evidence facts = e.evidence();
        List<String> parts = new ArrayList<>();
        BaselineEntry b = e.baseline();
        if (b != null && b.value() != null) {
            parts.add("baseline " + Digits.of(facts).number(b.value()));
            String delta = Wording.delta(facts);
            if (!delta.isEmpty()) {
                parts.add("Δ " + delta);
            }
        }
        String p = Wording.pValue(facts);
        if (!"-".equals(p)) {
            parts.add(p);
        }
        addInterval(parts, facts);
        if (e.n() != null) {
            parts.add("n=" + Numerals.count(e.n()));
        }
        if (e.examplesNeeded() != null) {
            parts.add("about " + Numerals.count(e.examplesNeeded()) + " examples would decide");
        }
        return String.join(", ", parts);
    }

    /**
     * The evidence of a rule's line: baseline and difference (for a limit on the regression),
     * interval and n, with the digits of the entry judged against the rule's bound.
     */
    static String ruleEvidence(CheckEntry e, Digits digits, boolean againstBaseline) {
        List<String> parts = new ArrayList<>();
        BaselineEntry b = e.baseline();
        if (againstBaseline && b != null && b.value() != null && e.value() != null) {
            parts.add("baseline " + digits.number(b.value()));
            parts.add("Δ " + digits.signed(e.value() - b.value()));
        }
        IntervalEntry i = e.interval();
        if (i != null && i.low() != null && i.high() != null && !"size".equals(e.metric())) {
            parts.add(Numerals.percent(i.level()) + " CI [" + digits.low(i.low()) + ", " + digits.high(i.high()) + "]");
        }
        if (e.n() != null) {
            parts.add("n=" + Numerals.count(e.n()));
        }
        return String.join(", ", parts);
    }

    /** The entry's value judged against a rule's bound, rounded toward failing it. */
    static Digits ruleDigits(CheckEntry e, double bound, RoundingMode rounding) {
        return Digits.of(e.evidence(), bound, rounding);
    }

    private static void addInterval(List<String> parts, Evidence facts) {
        String interval = Wording.interval(facts);
        if (!"-".equals(interval) && !interval.endsWith("undefined")) {
            int space = interval.indexOf(' ');
            parts.add(interval.substring(0, space) + " CI" + interval.substring(space));
        }
    }

    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): ");

    /**
     * The first line of the message of an entry that measured nothing (an error, a user's own
     * assertion), without an exception's class name: there are no facts to write it from.
     */
    static String headline(CheckEntry e) {
        String message = e.message().strip();
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline)).strip();
        return EXCEPTION_PREFIX.matcher(first).replaceFirst("");
    }
}
