package dev.touchstone.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.baseline.EvaluationSource;
import dev.touchstone.baseline.RecordedOutcomes;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 1 to 3: promotion merges; a run that did not pass, or a prune that would lose
 * entries of checks that did not run, needs force, and the refusal says what would be blessed or
 * lost; a candidate that is not the last run's is never promoted.
 */
class PromotionTest {

    @TempDir
    Path dir;

    private final BaselineStore store = BaselineStore.standard();

    record Source(String model, int rows, int right) implements EvaluationSource {
        @Override
        public String dataset() {
            return "detections";
        }

        @Override
        public int size() {
            return rows;
        }

        @Override
        public String fingerprint() {
            return "sha256:1";
        }

        @Override
        public void writeOutcomes(Path file) throws IOException {
            List<RecordedOutcomes.Row> all = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                all.add(new RecordedOutcomes.Row("f" + i, "person", i < right ? "person" : "none", Double.NaN,
                        Double.NaN, Double.NaN));
            }
            RecordedOutcomes.writeClassification(file, all);
        }
    }

    private static final String SPEC = Entries.SPEC;

    /** One run: a results file with one recall entry per check, and its candidate. */
    private RunResults run(String runId, Verdict verdict, Map<String, Double> recallByCheck) {
        List<CheckEntry> checks = new ArrayList<>();
        List<BaselineStore.Recorded> recorded = new ArrayList<>();
        recallByCheck.forEach((check, value) -> {
            Source source = new Source("detector-v7", 1000, (int) Math.round(value * 1000));
            checks.add(Entries.withVerdict(Entries.inCheck(Entries.entry("camera=side", "recall", value, value - 0.03,
                    value + 0.03, 1000), check), verdict));
            recorded.add(new BaselineStore.Recorded(new BaselineEntry(SPEC, check, "detector-v7", "detections",
                    "camera=side", "recall", value, 1000, 0.95, value - 0.03, value + 0.03, "wilson", Map.of(),
                    source.fingerprint(), null, null), source));
        });
        RunResults results = new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(Instant.now(), Instant.now(), 42,
                "0.1.0", runId), checks);
        ResultsJson.write(dir.resolve("results/results.json"), results);
        store.writeCandidate(dir.resolve("results"), runId, recorded, 1_000_000, notice -> { });
        return results;
    }

    private BaselineChange promote(boolean prune, boolean force) {
        return Promotion.promote(dir.resolve("results"), dir.resolve("store"),
                new Promotion.Options("previous-run", prune, force), store);
    }

    private Map<String, BaselineEntry> baseline() {
        return BaselineFile.read(dir.resolve("store/previous-run/baseline.json"));
    }

    @Test
    void a_passing_run_is_promoted() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943));

        BaselineChange change = promote(false, false);

        assertThat(change.created()).isTrue();
        assertThat(baseline()).hasSize(1);
    }

    /** Issue 11 item 2: "23 degraded" and BUILD SUCCESS no more. */
    @Test
    void a_failing_run_is_not_promoted_without_force_and_the_refusal_says_what_it_would_bless() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943));
        promote(false, false);
        run("run-2", Verdict.FAILED, Map.of("recallOnEveryCamera", 0.038));

        assertThatThrownBy(() -> promote(false, false)).isInstanceOf(Promotion.Refused.class)
                .hasMessage("Touchstone baseline previous-run not updated: the run has 1 result that did not pass, and "
                        + "promoting it would make it the reference of the next builds:" + System.lineSeparator()
                        + "  FAILED  DetectorQualityTest.recallOnEveryCamera camera=side recall 0.038: 0.943 → 0.038 "
                        + "(−0.905)" + System.lineSeparator()
                        + "Promote it anyway with -Dtouchstone.baseline.force=true");
        assertThat(baseline().values()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(0.943));

        BaselineChange forced = promote(false, true);

        assertThat(forced.of(BaselineChange.Kind.DEGRADED)).hasSize(1);
        assertThat(baseline().values()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(0.038));
    }

    @Test
    void a_run_with_a_check_that_could_not_be_evaluated_is_not_promoted_without_force() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943));
        promote(false, false);
        RunResults two = run("run-2", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.95));
        List<CheckEntry> checks = new ArrayList<>(two.checks());
        checks.add(Entries.error("recallAtNight", "dev.touchstone.config.QualityConfigurationException: frames.csv "
                + "line 4, column 'frame_id': the example id is missing"));
        ResultsJson.write(dir.resolve("results/results.json"), new RunResults(1, two.run(), checks));

        assertThatThrownBy(() -> promote(false, false)).hasMessageContaining("  ERROR  DetectorQualityTest.recallAtNight: "
                + "frames.csv line 4, column 'frame_id': the example id is missing (its entries keep their previous "
                + "values)");
    }

    /** Issue 12 item 4: a name from a hostile results file cannot add a line to the refusal. */
    @Test
    void a_refusal_has_one_line_per_entry_whatever_the_names_hold() {
        run("run-1", Verdict.FAILED, Map.of("night\n[INFO] BUILD SUCCESS", 0.5));

        assertThatThrownBy(() -> promote(false, false)).isInstanceOf(Promotion.Refused.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(3)
                        .noneMatch(line -> line.startsWith("[INFO]")))
                .hasMessageContaining("night\\n[INFO] BUILD SUCCESS");
    }

    /** Issue 11 item 1: only an explicit prune removes entries, and not those of checks that did not run. */
    @Test
    void pruning_entries_of_checks_that_did_not_run_needs_force() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943, "recallAtNight", 0.9));
        promote(false, false);
        run("run-2", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.95));

        assertThat(promote(false, false).of(BaselineChange.Kind.KEPT)).hasSize(1);
        assertThat(baseline()).hasSize(2);

        run("run-3", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.95));
        assertThatThrownBy(() -> promote(true, false)).isInstanceOf(Promotion.Refused.class)
                .hasMessageContaining("pruning would remove 1 entry of checks that did not run (not selected in this "
                        + "run, or removed from the specs):" + System.lineSeparator() + "  " + SPEC
                        + "#recallAtNight|detector-v7@detections|camera=side|recall  0.900");
        assertThat(promote(true, true).of(BaselineChange.Kind.REMOVED)).hasSize(1);
        assertThat(baseline()).hasSize(1);
    }

    /** Issue 11 item 3: the candidate belongs to one run; a run that stopped before writing its own is not promoted. */
    @Test
    void a_candidate_older_than_the_last_results_is_refused() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943));
        RunResults second = new RunResults(1, new RunInfo(Instant.now(), Instant.now(), 42, "0.1.0", "run-2"),
                List.of());
        ResultsJson.write(dir.resolve("results/results.json"), second);

        assertThatThrownBy(() -> promote(false, false)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("was recorded by run run-1, not by the last run (run-2)");
        assertThat(dir.resolve("store/previous-run")).doesNotExist();
    }

    @Test
    void results_without_a_run_id_cannot_be_matched_to_a_candidate() {
        run("run-1", Verdict.PASSED, Map.of("recallOnEveryCamera", 0.943));
        ResultsJson.write(dir.resolve("results/results.json"), new RunResults(1, new RunInfo(Instant.now(),
                Instant.now(), 42, "0.1.0"), List.of()));

        assertThatThrownBy(() -> promote(false, false)).hasMessage("the results in " + dir.resolve("results")
                + " do not say which run wrote them (written by an older Touchstone): run the quality specs again "
                + "before promoting");
    }

    @Test
    void without_results_there_is_nothing_to_promote() {
        assertThatThrownBy(() -> promote(false, false)).hasMessage("no recorded run to promote: there are no results at "
                + dir.resolve("results/results.json") + "; run the quality specs first (mvn verify)");
    }
}
