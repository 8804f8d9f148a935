package dev.touchstone.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 items 9 and 11: the gate says how much of the baseline ran, and what the run recorded. */
class BaselineCoverageTest {

    @TempDir
    Path dir;

    private static BaselineEntry recorded(String camera, String runId) {
        return new BaselineEntry(Entries.SPEC, "recallOnEveryCamera", "detector-v7", "detections", "camera=" + camera,
                "recall", 0.9, 400, 0.95, 0.85, 0.93, "wilson", Map.of(), null, null, runId);
    }

    private Path baseline(int cameras) throws Exception {
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            entries.add(recorded("c" + i, "run-1"));
        }
        BaselineFile.write(dir.resolve("previous-run/baseline.json"), "previous-run", "run-1", entries);
        return dir.resolve("previous-run");
    }

    private static RunResults results(String runId, CheckEntry... checks) {
        return new RunResults(1, new RunInfo(Instant.now(), Instant.now(), 42, "0.1.0", runId), List.of(checks));
    }

    @Test
    void a_filtered_run_says_how_many_baseline_entries_ran() throws Exception {
        Path baseline = baseline(25);
        RunResults run = results("run-2", Entries.recall("camera=c0", 0.9), Entries.recall("camera=c1", 0.9),
                Entries.recall("camera=c2", 0.9));

        GateReport report = Gate.evaluate(run, GateOptions.withDefaults().withBaseline(baseline, true));

        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("Touchstone quality gate passed: 3 results: 3 passed, 0 failed, "
                + "0 inconclusive, 0 errors; 3 of 25 baseline entries ran (filtered run)");
        assertThat(MarkdownSummary.render(report)).contains("3 of 25 baseline entries ran (filtered run)");
    }

    @Test
    void a_run_that_was_not_filtered_says_what_did_not_run() throws Exception {
        Path baseline = baseline(4);
        RunResults run = results("run-2", Entries.recall("camera=c0", 0.9));

        GateReport report = Gate.evaluate(run, GateOptions.withDefaults().withBaseline(baseline, false));

        assertThat(report.summary()).endsWith("; 1 of 4 baseline entries ran (3 did not: checks not run, or removed "
                + "from the specs)");
    }

    @Test
    void a_complete_run_adds_nothing_to_the_summary() throws Exception {
        Path baseline = baseline(1);
        GateReport report = Gate.evaluate(results("run-2", Entries.recall("camera=c0", 0.9)),
                GateOptions.withDefaults().withBaseline(baseline, false));

        assertThat(report.summary()).isEqualTo("Touchstone quality gate passed: 1 result: 1 passed, 0 failed, "
                + "0 inconclusive, 0 errors");
    }

    @Test
    void entries_the_run_recorded_are_reported_as_recorded_and_count_as_run() throws Exception {
        BaselineFile.write(dir.resolve("previous-run/baseline.json"), "previous-run", "run-2",
                List.of(recorded("front", "run-2"), recorded("side", "run-2"), recorded("rear", "run-1")));
        RunResults run = results("run-2", Entries.recall("camera=rear", 0.9));

        GateReport report = Gate.evaluate(run, GateOptions.withDefaults().withBaseline(dir.resolve("previous-run"),
                false));

        assertThat(report.coverage()).hasValueSatisfying(c -> {
            assertThat(c.ran()).isEqualTo(3);
            assertThat(c.recorded()).extracting(BaselineEntry::slice).containsExactly("camera=front", "camera=side");
        });
        assertThat(report.summary()).endsWith("; 2 baseline entries recorded by this run in " + dir.resolve("previous-run"));
    }

    @Test
    void without_a_baseline_there_is_nothing_to_cover() {
        GateReport report = Gate.evaluate(results("run-2", Entries.recall("camera=c0", 0.9)),
                GateOptions.withDefaults().withBaseline(dir.resolve("none"), true));

        assertThat(report.coverage()).isEmpty();
    }
}
