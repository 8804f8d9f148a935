package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.engine.fixtures.LifecycleSpecs;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Issue 11, through the engine: record, compare, update, and checks that judge nothing. */
class BaselineLifecycleTest {

    @TempDir
    Path dir;

    @AfterEach
    void releaseBefore() {
        LifecycleSpecs.regressed = false;
    }

    private EngineTestKit.Builder kit(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new TouchstoneTestEngine()).selectors(selectors)
                .configurationParameter("touchstone.results.dir", dir.resolve("results").toString())
                .configurationParameter("touchstone.baseline.dir", dir.resolve("baselines").toString());
    }

    private Map<String, BaselineEntry> baseline() {
        return BaselineFile.read(dir.resolve("baselines/previous-run/baseline.json"));
    }

    private RunResults results() {
        return ResultsJson.read(dir.resolve("results/results.json"));
    }

    private static final String DETECTOR = LifecycleSpecs.DetectorSpec.class.getName();
    private static final String CHALLENGER = LifecycleSpecs.ChallengerSpec.class.getName();

    /** Item 9: one command records every missing baseline, ends green, and says so. */
    @Test
    void missing_baselines_are_recorded_in_one_run_that_does_not_fail() {
        Events events = kit(selectClass(LifecycleSpecs.TwoComparisonsSpec.class))
                .configurationParameter("touchstone.baseline.missing", "record").execute().testEvents();

        events.assertStatistics(s -> s.failed(0).aborted(1).succeeded(1));
        events.assertThatEvents().haveExactly(1, event(test("accuracyAndRecallHold"), abortedWithReason(message(m ->
                m.startsWith("recorded by this run, as there was nothing to compare with: ")
                        && m.contains("#accuracyAndRecallHold|detector@frames|overall|accuracy")
                        && m.contains("#accuracyAndRecallHold|detector@frames|overall|recall")))));
        // the second statement was evaluated although the first had no baseline
        assertThat(baseline()).containsOnlyKeys(
                LifecycleSpecs.TwoComparisonsSpec.class.getName() + "#accuracyAndRecallHold|detector@frames|overall|accuracy",
                LifecycleSpecs.TwoComparisonsSpec.class.getName() + "#accuracyAndRecallHold|detector@frames|overall|recall");
        assertThat(baseline().values()).allSatisfy(e -> assertThat(e.runId()).isEqualTo(results().run().runId()));

        // the next run compares with them
        kit(selectClass(LifecycleSpecs.TwoComparisonsSpec.class)).execute().testEvents()
                .assertStatistics(s -> s.failed(0).aborted(0).succeeded(2));
    }

    @Test
    void a_missing_baseline_fails_by_default_with_the_command_that_records_it_and_the_other_statement_is_judged() {
        Events events = kit(selectClass(LifecycleSpecs.TwoComparisonsSpec.class)).execute().testEvents();

        events.assertThatEvents().haveExactly(1, event(test("accuracyAndRecallHold"), finishedWithFailure(message(m ->
                m.contains("record missing entries with mvn verify -Dtouchstone.baseline.missing=record")))));
        assertThat(results().checks()).filteredOn(c -> c.check().equals("accuracyAndRecallHold"))
                .extracting(CheckEntry::verdict).containsExactly(Verdict.ERROR, Verdict.ERROR);
        assertThat(dir.resolve("baselines/previous-run")).doesNotExist();
    }

    /** Item 1: an update from a run of one spec keeps the other specs' entries. */
    @Test
    void updating_from_a_run_of_one_spec_keeps_the_other_specs_entries() {
        kit(selectClass(LifecycleSpecs.DetectorSpec.class), selectClass(LifecycleSpecs.ChallengerSpec.class))
                .configurationParameter("touchstone.baseline.update", "true").execute().testEvents()
                .assertStatistics(s -> s.failed(0));
        assertThat(baseline()).hasSize(3);

        kit(selectClass(LifecycleSpecs.ChallengerSpec.class))
                .configurationParameter("touchstone.baseline.update", "true").execute().testEvents()
                .assertStatistics(s -> s.failed(0));

        assertThat(baseline()).hasSize(3);
        assertThat(baseline().keySet()).filteredOn(k -> k.startsWith(DETECTOR)).hasSize(2);
    }

    /** Item 2: a failing run is not blessed by an update. */
    @Test
    void an_update_from_a_failing_run_is_refused_without_force() {
        kit(selectClass(LifecycleSpecs.DetectorSpec.class)).configurationParameter("touchstone.baseline.missing", "record")
                .execute();
        LifecycleSpecs.regressed = true;

        EngineExecutionResults refused = kit(selectClass(LifecycleSpecs.DetectorSpec.class))
                .configurationParameter("touchstone.baseline.update", "true").execute();

        refused.testEvents().assertStatistics(s -> s.failed(3)); // the check and its two slices
        refused.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(
                "Touchstone baseline previous-run not updated: the run has 2 results that did not pass")
                && m.contains("FAILED  LifecycleSpecs$DetectorSpec.accuracyHolds camera=side accuracy 0.540: "
                        + "0.950 → 0.540 (−0.410)")
                && m.endsWith("Promote it anyway with -Dtouchstone.baseline.force=true"))));
        assertThat(baseline().get(DETECTOR + "#accuracyHolds|detector@frames|camera=side|accuracy").value())
                .isEqualTo(0.95);

        kit(selectClass(LifecycleSpecs.DetectorSpec.class)).configurationParameter("touchstone.baseline.update", "true")
                .configurationParameter("touchstone.baseline.force", "true").execute();
        assertThat(baseline().get(DETECTOR + "#accuracyHolds|detector@frames|camera=side|accuracy").value())
                .isLessThan(0.95);
    }

    /** Item 5: two models in one check keep an entry each, and each is compared with its own. */
    @Test
    void two_models_in_one_check_are_each_compared_with_their_own_entry() {
        kit(selectClass(LifecycleSpecs.TwoModelsSpec.class)).configurationParameter("touchstone.baseline.missing", "record")
                .execute();
        assertThat(baseline()).hasSize(2);

        kit(selectClass(LifecycleSpecs.TwoModelsSpec.class)).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(1));

        assertThat(results().checks()).hasSize(2).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(c.baseline().paired()).isTrue();
            assertThat(c.baseline().value()).isEqualTo(c.value());
        });
    }

    /** Item 3: a spec broken by its data does not cost the other specs their candidate entries. */
    @Test
    void a_broken_spec_does_not_discard_the_other_specs_candidate_entries() {
        kit(selectClass(LifecycleSpecs.MissingIdSpec.class), selectClass(LifecycleSpecs.ChallengerSpec.class))
                .configurationParameter("touchstone.baseline.missing", "skip").execute();

        Path candidate = dir.resolve("results/baseline-candidate/baseline.json");
        BaselineFile.Contents contents = BaselineFile.load(candidate);
        assertThat(contents.runId()).isEqualTo(results().run().runId());
        assertThat(contents.entries().keySet()).containsExactly(CHALLENGER + "#accuracyHolds|challenger@frames|overall|"
                + "accuracy");
        assertThat(results().checks()).filteredOn(c -> c.verdict() == Verdict.ERROR).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("row 2, column 'id': the example id is missing"));
    }

    /** Item 12: a run removes the gate's summary of the run before, whatever happens next. */
    @Test
    void a_run_removes_the_summary_of_the_run_before() throws Exception {
        Path summary = Files.createDirectories(dir.resolve("results")).resolve("summary.md");
        Files.writeString(summary, "## ✅ Touchstone quality gate passed\n");

        kit(selectClass(LifecycleSpecs.ChallengerSpec.class)).execute();

        assertThat(summary).doesNotExist();
    }

    /** Item 13: a check with no statement, or a statement without an expectation, fails saying what is missing. */
    @Test
    void checks_that_judge_nothing_fail_saying_what_is_missing() {
        Events events = kit(selectClass(LifecycleSpecs.JudgesNothingSpec.class)).execute().testEvents();

        events.assertStatistics(s -> s.failed(2).succeeded(1));
        events.assertThatEvents().haveExactly(1, event(test("noStatement"), finishedWithFailure(message(
                "check JudgesNothingSpec.noStatement makes no quality statement, so nothing is judged: a @QualityCheck "
                        + "asserts something, such as assertThat(model).overall().accuracy().isAbove(0.9)"))));
        events.assertThatEvents().haveExactly(1, event(test("unfinishedStatement"), finishedWithFailure(message(m ->
                m.matches("check JudgesNothingSpec.unfinishedStatement has a statement without an expectation, so "
                        + "nothing is judged: assertThat\\(challenger\\)\\.overall\\(\\)\\.accuracy at "
                        + "LifecycleSpecs\\.java:\\d+\\. End it with an expectation such as isAbove\\(0\\.9\\), "
                        + "isAtMost\\(0\\.1\\) or isNotSignificantlyWorseThan\\(Baseline\\.previousRun\\(\\)\\)")))));
        assertThat(results().checks()).filteredOn(c -> c.verdict() == Verdict.ERROR).extracting(CheckEntry::check)
                .containsExactlyInAnyOrder("noStatement", "unfinishedStatement");
    }
}
