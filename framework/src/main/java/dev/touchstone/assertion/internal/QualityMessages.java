package dev.touchstone.assertion.internal;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.wording.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The messages of judged statements, written by the one wording layer ({@link Wording}) from
 * their facts ({@link Evidence}): the full message of a slice, and the message of a statement
 * that did not pass, which heads its slices with one line each.
 *
 * <pre>
 * 1 of 3 slices did not pass: recall expected not significantly worse than previous-run
 *   camera=front  0.960  95% [0.865, 0.990]  Δ +0.000  p(worse)=1.000       PASSED
 *   camera=side   0.760  95% [0.625, 0.858]  Δ -0.140  p(worse)=0.023 holm  FAILED
 * </pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class QualityMessages {

    /** Slices listed one per line in a statement's message; beyond, only those that did not pass. */
    static final int MAX_ROWS = 30;

    private QualityMessages() {
    }

    /** {@code result} with its full message, written from its facts. */
    public static SliceResult rendered(SliceResult result) {
        return result.withMessage(Wording.message(Evidence.of(result)));
    }

    /**
     * The facts a judgement knows before its verdict, enough to decide how its numbers are
     * written ({@link dev.touchstone.wording.Digits}), so that a reason shows the digits every
     * other output shows.
     */
    public static Evidence evidence(MetricValue value, Expectation expectation) {
        return evidence(value, expectation, Optional.empty());
    }

    /** As {@link #evidence(MetricValue, Expectation)}, with a comparison's facts. */
    public static Evidence evidence(MetricValue value, Expectation expectation, Optional<ComparisonResult> comparison) {
        return Evidence.of(new SliceResult("", "", value.slice(), value, expectation, Verdict.PASSED, "",
                OptionalLong.empty(), "", comparison));
    }

    /**
     * The message of a statement thrown as one error: a heading and one line per slice, then the
     * full message of each slice that did not pass. A single slice is its own message.
     */
    public static String summary(StatementResult result) {
        return summary(result, true);
    }

    /**
     * The message of a statement whose slices report their own evidence (the engine's slice
     * tests): the heading and one line per slice only, so that no evidence is printed twice.
     */
    public static String slicesOnly(StatementResult result) {
        return summary(result, false);
    }

    private static String summary(StatementResult result, boolean withEvidence) {
        List<SliceResult> slices = result.slices();
        StringBuilder out = new StringBuilder();
        result.description().ifPresent(d -> out.append('[').append(Printable.escape(d)).append("] "));
        if (slices.size() == 1) {
            return out.append(slices.get(0).message()).toString();
        }
        out.append(heading(result));
        List<Evidence> rows = new ArrayList<>();
        List<SliceResult> bad = slices.stream().filter(s -> s.verdict() != Verdict.PASSED).toList();
        for (SliceResult s : slices.size() <= MAX_ROWS ? slices : bad) {
            rows.add(Evidence.of(s));
        }
        for (String row : Wording.rows(rows)) {
            out.append(System.lineSeparator()).append("  ").append(row);
        }
        if (slices.size() > MAX_ROWS) {
            out.append(System.lineSeparator()).append("  (").append(slices.size() - bad.size())
                    .append(" slices that passed are not listed)");
        }
        if (withEvidence) {
            for (SliceResult s : bad) {
                out.append(System.lineSeparator()).append(System.lineSeparator()).append(s.message());
            }
        }
        return out.toString();
    }

    /** {@code 2 of 24 slices did not pass (1 failed, 1 inconclusive): recall expected above 0.900}. */
    public static String heading(StatementResult result) {
        List<SliceResult> slices = result.slices();
        long failed = result.count(Verdict.FAILED);
        long inconclusive = result.count(Verdict.INCONCLUSIVE);
        long bad = slices.size() - result.count(Verdict.PASSED);
        SliceResult first = slices.get(0);
        String breakdown = failed > 0 && inconclusive > 0
                ? " (" + failed + " failed, " + inconclusive + " inconclusive)" : "";
        return bad + " of " + slices.size() + " slices did not pass" + breakdown + ": "
                + Printable.escape(first.metric()) + " expected " + Printable.escape(Wording.statementExpected(
                        Evidence.of(first)));
    }
}
