package dev.touchstone.gate;

import static dev.touchstone.gate.Entries.inCheck;
import static dev.touchstone.gate.Entries.recall;
import static dev.touchstone.gate.Entries.run;
import static dev.touchstone.gate.Entries.withBaseline;
import static dev.touchstone.gate.Entries.withVerdict;
import static org.assertj.core.api.BDDAssertions.then;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 7: summary.md fits a pull-request comment (GitHub holds 65,536 characters). */
class MarkdownSummaryFitsACommentTest {

    // A failed comparison with every fact, as the engine writes it from 0.3 on.
    static CheckEntry failed(String check, int slice) {
        CheckEntry e = withVerdict(withBaseline(recall("camera=c" + slice, 0.76), 0.9, 0.023), Verdict.FAILED);
        e = inCheck(e, check);
        return new CheckEntry(e.uniqueId(), e.spec(), e.check(), e.model(), e.dataset(), e.slice(), e.metric(), e.value(),
                e.n(), e.interval(), e.expectation(), e.baseline(), e.test(), e.verdict(), "written from the facts", 1,
                "camera = c" + slice, null, null, null, "significantly worse: the model is 0.140 worse than previous-run",
                null, List.of("a note " + "x".repeat(200)), null);
    }

    @Test
    void many_failures_are_folded_and_cut_with_a_pointer_to_the_rest() {
        List<CheckEntry> entries = new ArrayList<>();
        for (int check = 0; check < 40; check++) {
            for (int slice = 0; slice < 10; slice++) {
                entries.add(failed("check" + check, slice));
            }
        }
        String md = MarkdownSummary.render(Gate.evaluate(run(entries), GateOptions.withDefaults()));

        then(md.length()).isLessThanOrEqualTo(MarkdownSummary.MAX_CHARS);
        // one table row per failing slice, with its difference from the baseline, up to the cap
        then(md).contains("| ❌ | `DetectorQualityTest.check0` | camera=c0 | recall | 0.760 | 95% \\[0.740, 0.780\\] | -0.140 | "
                + "not significantly worse than previous-run 0.900 | p(worse)=0.023 holm | FAILED |");
        then(md).contains("_200 more results need attention: see results.json beside this summary._");
        // each check's evidence once, folded; those that do not fit are named
        then(md).contains("<details><summary>❌ <code>DetectorQualityTest.check0</code>: 10 results need attention "
                + "(10 failed)</summary>");
        then(md.split("<code>DetectorQualityTest.check0</code>", -1)).hasSize(2);
        then(md).containsPattern("_The evidence of [0-9]+ checks \\(DetectorQualityTest.check[0-9]+, .*\\) is not shown: "
                + "this summary is kept under 60,000 characters to fit a pull-request comment\\. Read it in results\\.json "
                + "beside this summary, or in the report: `mvn touchstone:report`\\._");
    }

    @Test
    void a_filtered_run_says_so(@TempDir Path baseline) {
        GateReport report = Gate.evaluate(run(failed("check0", 0)), GateOptions.withDefaults().withBaseline(baseline, true));
        then(MarkdownSummary.render(report)).contains("> 🔎 Filtered run: only the selected tests ran; this gate judged "
                + "only their results");
        then(MarkdownSummary.render(Gate.evaluate(run(failed("check0", 0)), GateOptions.withDefaults())))
                .doesNotContain("Filtered run");
    }
}
