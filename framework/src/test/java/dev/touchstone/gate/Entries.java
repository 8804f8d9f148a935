package dev.touchstone.gate;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.time.Instant;
import java.util.List;

/** Results entries for gate tests, built as the engine writes them. */
final class Entries {

    static final String SPEC = "com.acme.DetectorQualityTest";

    private Entries() {
    }

    /** A PASSED {@code recall} entry of check {@code recallOnEveryCamera} with a 95% Wilson interval. */
    static CheckEntry entry(String slice, String metric, double value, double low, double high, long n) {
        return new CheckEntry("[engine:touchstone]/[spec:" + SPEC + "]/[check:recallOnEveryCamera()]/[slice:" + slice + "]",
                SPEC, "recallOnEveryCamera", "detector-v7", "detections", slice, metric, value, n,
                new IntervalEntry(0.95, low, high, "wilson"),
                new ExpectationEntry("at_least", 0.8, null, 0.0, 0.95), null, null, Verdict.PASSED,
                metric + " on slice " + slice + " is " + value + ", expected at least 0.800 with 95% confidence: PASSED",
                3);
    }

    static CheckEntry recall(String slice, double value) {
        return entry(slice, "recall", value, exact(value - 0.02), exact(value + 0.02), 400);
    }

    // 0.80 + 0.02 is 0.8200000000000001 as a double; a fixture's bound is meant as 0.82
    private static double exact(double value) {
        return Math.round(value * 1e9) / 1e9;
    }

    static CheckEntry withVerdict(CheckEntry e, Verdict verdict) {
        return new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), e.value(),
                e.n(), e.interval(), e.expectation(), e.baseline(), e.test(), verdict,
                e.message().replace("PASSED", verdict.name()), e.durationMillis());
    }

    static CheckEntry inCheck(CheckEntry e, String check) {
        return new CheckEntry(e.uniqueId().replace("recallOnEveryCamera", check), e.spec(), check, e.model(), e.dataset(),
                e.slice(), e.metric(), e.value(), e.n(), e.interval(), e.expectation(), e.baseline(), e.test(),
                e.verdict(), e.message(), e.durationMillis());
    }

    static CheckEntry withExpectation(CheckEntry e, ExpectationEntry expectation) {
        return new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), e.value(),
                e.n(), e.interval(), expectation, e.baseline(), e.test(), e.verdict(), e.message(), e.durationMillis());
    }

    static CheckEntry withBaseline(CheckEntry e, double baseline, Double adjustedP) {
        return new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), e.value(),
                e.n(), e.interval(), new ExpectationEntry("not_significantly_worse_than", null, null, 0.0, null),
                new BaselineEntry("previous-run", baseline, e.n(), true),
                adjustedP == null ? null : new TestEntry("mcnemar-exact", 3.0, adjustedP / 3, adjustedP, 0.05, "holm", "statement",
                        "worse"),
                e.verdict(), e.message(), e.durationMillis());
    }

    static CheckEntry withoutValue(CheckEntry e) {
        return new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), null,
                0L, new IntervalEntry(0.95, null, null, "wilson"), e.expectation(), e.baseline(), e.test(),
                Verdict.INCONCLUSIVE, e.message(), e.durationMillis());
    }

    static CheckEntry error(String check, String message) {
        return CheckEntry.error("[engine:touchstone]/[spec:" + SPEC + "]/[check:" + check + "()]", SPEC, check, message, 1);
    }

    static RunResults run(CheckEntry... entries) {
        return run(List.of(entries));
    }

    static RunResults run(List<CheckEntry> entries) {
        return new RunResults(RunResults.SCHEMA_VERSION,
                new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:00:05Z"), 42, "0.1.0"),
                entries);
    }
}
