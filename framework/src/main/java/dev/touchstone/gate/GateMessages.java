package dev.touchstone.gate;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Verdict;
import java.math.RoundingMode;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one template of gate messages (the Maven {@code check} log, the Markdown summary):
 *
 * <pre>
 * {subject} for slice {slice}: {metric} is {value}, but expected {expectation} ({evidence})
 *
 * Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.871, but expected minimum is 0.900 (95% CI [0.85, 0.89], n=1,204)
 * Check DetectorQualityTest.recallAtNight failed for slice night: recall is 0.871, but expected above 0.900 (95% CI [0.835, 0.899], n=412)
 * </pre>
 *
 * Every number is written by the one wording layer ({@link dev.touchstone.wording.Wording}) from the
 * entry's facts, with the digits the check's own message shows; the evidence holds the baseline
 * and difference, the labelled p-value, the interval, n and the examples that would decide, each
 * when the result has it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateMessages {

    private GateMessages() {
    }

    /** The template itself; one line (control characters in names are escaped). */
    public static String line(String subject, String slice, String metric, String value, String expectation,
            String evidence) {
        String line = subject + " for slice " + slice + ": " + metric + " is " + value + ", but expected " + expectation;
        return Printable.escape(evidence.isEmpty() ? line : line + " (" + evidence + ")");
    }

    /** The gate line of a check entry, by its verdict (PASSED entries get a line too, for listings). */
    public static String check(CheckEntry e) {
        if (e.metric() == null && e.verdict() != Verdict.ERROR) {
            // nothing was measured (a comparison skipped for want of a baseline): the engine's reason
            return Printable.escape("Check " + EntryText.checkName(e) + " " + e.verdict().name().toLowerCase(Locale.ROOT)
                    + ": " + EntryText.headline(e));
        }
        return switch (e.verdict()) {
            case ERROR -> Printable.escape("Check " + EntryText.checkName(e) + " could not be evaluated: "
                    + EntryText.headline(e));
            case FAILED -> entryLine("Check " + EntryText.checkName(e) + " failed", e);
            case INCONCLUSIVE -> entryLine("Check " + EntryText.checkName(e) + " inconclusive", e);
            case PASSED -> entryLine("Check " + EntryText.checkName(e) + " passed", e).replace(", but expected ", ", expected ");
        };
    }

    private static String entryLine(String subject, CheckEntry e) {
        return line(subject, EntryText.slice(e), EntryText.metric(e), EntryText.value(e), EntryText.expected(e),
                EntryText.evidence(e));
    }

    /**
     * A POM rule's limit not met on one slice. Its evidence is what the limit was judged on: the
     * interval and n, and the baseline and difference only for a limit on the regression (the
     * check's own comparison, such as its p-value, is not the rule's).
     *
     * @param expectation     "minimum is 0.900", "maximum is 0.100", "a drop of at most 0.010 from baseline 0.905"
     * @param bound           the value the limit puts on the metric (the minimum, the maximum, baseline − drop)
     * @param rounding        toward failing: FLOOR against a minimum, CEILING against a maximum
     * @param againstBaseline whether the limit bounds the change from the baseline
     */
    public static String ruleViolated(CheckEntry e, String expectation, double bound, RoundingMode rounding,
            boolean againstBaseline) {
        var digits = EntryText.ruleDigits(e, bound, rounding);
        return line("Rule violated by " + EntryText.checkName(e), EntryText.slice(e), EntryText.metric(e),
                e.value() == null ? "undefined" : digits.value(e.value()), expectation,
                EntryText.ruleEvidence(e, digits, againstBaseline));
    }
}
