package dev.touchstone.gate;

import static dev.touchstone.gate.Entries.entry;
import static dev.touchstone.gate.Entries.recall;
import static dev.touchstone.gate.Entries.run;
import static dev.touchstone.gate.Entries.withBaseline;
import static dev.touchstone.gate.Entries.withExpectation;
import static dev.touchstone.gate.Entries.withVerdict;
import static dev.touchstone.gate.Entries.withoutValue;
import static org.assertj.core.api.BDDAssertions.then;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gate's renderings: the one-line template, the console table and the Markdown summary. */
class GateRenderingTest {

    static final CheckEntry FRONT = recall("camera=front", 0.95);
    static final CheckEntry SIDE_FAILED = withVerdict(recall("camera=side", 0.871), Verdict.FAILED);

    @Nested
    class Template {

        @Test
        void a_failed_bound_rounds_toward_failing() {
            CheckEntry below = withVerdict(withExpectation(entry("overall", "brier_score", 0.10001, 0.09, 0.11, 4000),
                    new ExpectationEntry("below", 0.1, null, 0, null)), Verdict.FAILED);
            then(GateMessages.check(below)).isEqualTo("Check DetectorQualityTest.recallOnEveryCamera failed for slice "
                    + "overall: brier_score is 0.101, but expected below 0.100 (95% CI [0.090, 0.110], n=4,000)");
        }

        @Test
        void a_comparison_shows_the_baseline_difference_and_adjusted_p_value() {
            CheckEntry regressed = withVerdict(withBaseline(entry("camera=side", "recall", 0.871, 0.8521, 0.8895, 1204),
                    0.905, 0.012), Verdict.FAILED);
            then(GateMessages.check(regressed)).isEqualTo("Check DetectorQualityTest.recallOnEveryCamera failed for slice "
                    + "camera=side: recall is 0.871, but expected not significantly worse than previous-run 0.905 "
                    + "(baseline 0.905, Δ -0.034, p(worse)=0.012 holm, 95% CI [0.852, 0.890], n=1,204)");
        }

        @Test
        void an_inconclusive_check_says_how_many_examples_would_decide() {
            CheckEntry e = withVerdict(recall("camera=side", 0.9), Verdict.INCONCLUSIVE);
            // from the entry's examplesNeeded field, not from the text of its message
            e = new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), e.value(),
                    e.n(), e.interval(), e.expectation(), e.baseline(), e.test(), e.verdict(), "no number in here", 1,
                    null, null, null, null, "the interval holds 0.800", 1_517L, List.of(), null);
            then(GateMessages.check(e)).isEqualTo("Check DetectorQualityTest.recallOnEveryCamera inconclusive for slice "
                    + "camera=side: recall is 0.900, but expected at least 0.800 with 95% confidence "
                    + "(95% CI [0.880, 0.920], n=400, about 1,517 examples would decide)");
        }

        @Test
        void an_undefined_value_says_so() {
            then(GateMessages.check(withoutValue(recall("night", 0.5)))).isEqualTo("Check DetectorQualityTest."
                    + "recallOnEveryCamera inconclusive for slice night: recall is undefined, but expected at least 0.800 "
                    + "with 95% confidence (n=0)");
        }

        @Test
        void a_check_that_measured_nothing_gives_the_engine_s_reason() {
            CheckEntry skipped = new CheckEntry("id", Entries.SPEC, "recallAgainstLastRun", null, null, null, null, null,
                    null, null, null, null, null, Verdict.INCONCLUSIVE,
                    "org.opentest4j.TestAbortedException: no baseline entry for recall in src/test/touchstone/previous-run\n  more", 1);
            then(GateMessages.check(skipped)).isEqualTo("Check DetectorQualityTest.recallAgainstLastRun inconclusive: "
                    + "no baseline entry for recall in src/test/touchstone/previous-run");
            then(GateMessages.check(Entries.error("broken", "java.lang.IllegalStateException: boom")))
                    .isEqualTo("Check DetectorQualityTest.broken could not be evaluated: boom");
        }

        @Test
        void the_rule_template_is_the_same_line() {
            then(GateMessages.line("Rule violated", "camera=side", "recall", "0.871", "minimum is 0.900",
                    "95% CI [0.85, 0.89], n=1,204")).isEqualTo("Rule violated for slice camera=side: recall is 0.871, but "
                            + "expected minimum is 0.900 (95% CI [0.85, 0.89], n=1,204)");
        }
    }

    @Nested
    class ConsoleTable {

        @Test
        void lists_failures_first_in_aligned_columns() {
            CheckEntry size = entry("camera=rear", "size", 1183, 1183, 1183, 1183);
            size = withExpectation(size, new ExpectationEntry("at_least", 400.0, null, 0, null));
            GateReport report = Gate.evaluate(run(FRONT, SIDE_FAILED, size), GateOptions.withDefaults());

            then(GateTable.render(report)).containsExactly(
                    "check                                    slice         metric  value  interval            expected / baseline                 p-value  verdict",
                    "---------------------------------------  ------------  ------  -----  ------------------  ----------------------------------  -------  -------",
                    "DetectorQualityTest.recallOnEveryCamera  camera=side   recall  0.871  95% [0.851, 0.891]  at least 0.800 with 95% confidence        -  FAILED",
                    "DetectorQualityTest.recallOnEveryCamera  camera=front  recall  0.950  95% [0.930, 0.970]  at least 0.800 with 95% confidence        -  PASSED",
                    "DetectorQualityTest.recallOnEveryCamera  camera=rear   size    1,183  -                   at least 400                              -  PASSED");
        }

        @Test
        void marks_a_passed_result_that_a_rule_rejects() {
            Rule rule = Rule.forSlices("camera=front").withLimits(Limit.on("recall").withMinimum(Threshold.parse("m", "0.99")));
            GateReport report = Gate.evaluate(run(FRONT), GateOptions.withDefaults().withRules(List.of(rule)));
            then(GateTable.render(report).get(2)).endsWith("RULE VIOLATED");
        }
    }

    @Nested
    class Markdown {

        @Test
        void puts_what_needs_attention_first_with_its_evidence_then_the_rules_then_the_rest() {
            Rule rule = Rule.forSlices("camera=*").withLimits(Limit.on("recall").withMinimum(Threshold.parse("m", "90%")));
            GateReport report = Gate.evaluate(run(FRONT, SIDE_FAILED), GateOptions.withDefaults().withRules(List.of(rule)));

            String md = MarkdownSummary.render(report);

            then(md).startsWith("## ❌ Touchstone quality gate failed\n\nTouchstone quality gate failed: 2 violations");
            then(md.indexOf("### Needs attention (1)")).isLessThan(md.indexOf("### POM rules"));
            then(md.indexOf("### POM rules")).isLessThan(md.indexOf("<details><summary>✅ Passed (1)</summary>"));
            // one row per result that needs attention, with its difference from the baseline (none here)
            then(md).contains("| ❌ | `DetectorQualityTest.recallOnEveryCamera` | camera=side | recall | 0.871 | 95% \\[0.851, 0.891\\] "
                    + "|  | at least 0.800 with 95% confidence; rule: minimum is 0.900 | - | FAILED |");
            // each check's evidence once, folded
            then(md).contains("<details><summary>❌ <code>DetectorQualityTest.recallOnEveryCamera</code>: failed</summary>\n\n"
                    + "- Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.871");
            then(md).contains("```text\nrecall on slice camera=side is 0.871, expected at least 0.800 with 95% confidence: FAILED\n```"
                    + "\n\n</details>");
            then(md).contains("- ❌ Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is "
                    + "0.871, but expected minimum is 0.900");
            then(md).contains("- rule on slices camera=\\*: recall minimum 90%");
            then(md).contains("| `DetectorQualityTest.recallOnEveryCamera` | camera=front | recall | 0.950 |");
        }

        @Test
        void a_passing_run_says_so_and_lists_every_result() {
            String md = MarkdownSummary.render(Gate.evaluate(run(FRONT), GateOptions.withDefaults()));
            then(md).startsWith("## ✅ Touchstone quality gate passed\n\n");
            then(md).doesNotContain("Needs attention").contains("<details><summary>✅ Passed (1)</summary>");
        }

        @Test
        void escapes_markup_in_cells() {
            then(MarkdownSummary.escape("hour < 6 | *night*_x")).isEqualTo("hour &lt; 6 \\| \\*night\\*\\_x");
        }
    }
}
