package dev.touchstone.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's lifecycle: candidates stamped with their run, promotion that merges (and prunes
 * only when asked), outcome files that never collide, and writes that survive kill -9 and
 * concurrent runs.
 */
class BaselineStoreTest {

    @TempDir
    Path dir;

    private final BaselineStore store = BaselineStore.standard();

    /** An evaluation whose outcomes are {@code rows} examples, {@code right} of them predicted right. */
    record Source(String model, String dataset, int rows, int right) implements EvaluationSource {
        @Override
        public int size() {
            return rows;
        }

        @Override
        public String fingerprint() {
            return "sha256:" + dataset;
        }

        @Override
        public void writeOutcomes(Path file) throws IOException {
            List<RecordedOutcomes.Row> all = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                all.add(new RecordedOutcomes.Row("e" + i, "yes", i < right ? "yes" : "no", Double.NaN, Double.NaN,
                        Double.NaN));
            }
            RecordedOutcomes.writeClassification(file, all);
        }
    }

    /** An evaluation whose outcomes cannot be written: an example has no id. */
    record Broken(String model, String dataset) implements EvaluationSource {
        @Override
        public int size() {
            return 10;
        }

        @Override
        public String fingerprint() {
            return "sha256:" + dataset;
        }

        @Override
        public void writeOutcomes(Path file) {
            throw new QualityConfigurationException("frames.csv line 4, column 'id': the example id is missing");
        }
    }

    static BaselineEntry entry(String spec, String check, EvaluationSource source, double value) {
        return new BaselineEntry(spec, check, source.model(), source.dataset(), "overall", "recall", value, source.size(),
                0.95, Math.max(0, value - 0.1), Math.min(1, value + 0.05), "wilson", Map.of(), source.fingerprint(), null,
                null);
    }

    private Path candidate(String runId, BaselineStore.Recorded... recorded) {
        return store.writeCandidate(dir.resolve("results"), runId, List.of(recorded), 1_000_000, notice -> { });
    }

    private static BaselineStore.Recorded recorded(String spec, String check, Source source) {
        return new BaselineStore.Recorded(entry(spec, check, source, (double) source.right() / source.rows()), source);
    }

    private Path previousRun() {
        return dir.resolve("store/previous-run");
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class Promotion {

        final Source v1 = new Source("detector", "frames", 100, 94);
        final Source other = new Source("fraud", "apps", 50, 40);

        private void recordBoth() {
            Path c = candidate("run-1", recorded("A", "recall", v1), recorded("B", "fraud", other));
            store.promote(c, "run-1", previousRun(), false, change -> { });
        }

        /** Issue 11 item 1: a run of one spec keeps the other spec's entries and outcome files. */
        @Test
        void a_partial_run_is_merged_and_loses_nothing() throws Exception {
            recordBoth();
            Source v2 = new Source("detector", "frames", 100, 4);

            Path c = candidate("run-2", recorded("A", "recall", v2));
            BaselineChange change = store.promote(c, "run-2", previousRun(), false, x -> { });

            assertThat(change.count(BaselineChange.Kind.DEGRADED)).isEqualTo(1);
            assertThat(change.count(BaselineChange.Kind.KEPT)).isEqualTo(1);
            Map<String, BaselineEntry> now = BaselineFile.read(previousRun().resolve("baseline.json"));
            assertThat(now).hasSize(2);
            BaselineEntry kept = now.get(entry("B", "fraud", other, 0.8).key());
            assertThat(kept.runId()).isEqualTo("run-1");
            assertThat(previousRun().resolve(kept.outcomes())).exists();
            assertThat(RecordedOutcomes.read(previousRun().resolve(now.get(entry("A", "recall", v2, 0).key()).outcomes()))
                    .predicted(0)).isEqualTo("yes");
            assertThat(files(previousRun().resolve("outcomes"))).hasSize(2);
        }

        @Test
        void pruning_removes_what_the_run_did_not_measure_and_its_outcomes() throws Exception {
            recordBoth();

            Path c = candidate("run-2", recorded("A", "recall", v1));
            BaselineChange change = store.promote(c, "run-2", previousRun(), true, x -> { });

            assertThat(change.of(BaselineChange.Kind.REMOVED)).extracting(BaselineChange.Entry::key)
                    .containsExactly("B#fraud|fraud@apps|overall|recall");
            assertThat(BaselineFile.read(previousRun().resolve("baseline.json"))).hasSize(1);
            assertThat(files(previousRun().resolve("outcomes"))).hasSize(1).allMatch(f -> f.startsWith("detector@frames-"));
        }

        /** Issue 11 item 4: each change shows its values. */
        @Test
        void a_change_shows_the_values_before_and_after() {
            Source before = new Source("detector", "frames", 1000, 943);
            Path c1 = candidate("run-1", recorded("A", "recall", before));
            store.promote(c1, "run-1", previousRun(), false, x -> { });

            Path c2 = candidate("run-2", recorded("A", "recall", new Source("detector", "frames", 1000, 38)));
            BaselineChange change = store.promote(c2, "run-2", previousRun(), false, x -> { });

            assertThat(change.entries()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(BaselineChange.Kind.DEGRADED);
                assertThat(e.values()).isEqualTo("0.943 → 0.038 (−0.905)");
            });
        }

        @Test
        void an_unchanged_entry_keeps_the_run_that_recorded_it() {
            recordBoth();

            Path c = candidate("run-2", recorded("A", "recall", v1));
            BaselineChange change = store.promote(c, "run-2", previousRun(), false, x -> { });

            assertThat(change.of(BaselineChange.Kind.UNCHANGED)).singleElement()
                    .satisfies(e -> assertThat(e.after().runId()).isEqualTo("run-1"));
        }

        /** Issue 11 item 3: a candidate left by an earlier run is never promoted as the last run's. */
        @Test
        void a_candidate_of_another_run_is_refused() {
            Path c = candidate("run-1", recorded("A", "recall", v1));

            assertThatThrownBy(() -> store.promote(c, "run-2", previousRun(), false, x -> { }))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("the baseline candidate " + c + " was recorded by run run-1, not by the last run (run-2): "
                            + "that run stopped before it recorded its candidate. Run the quality specs again before "
                            + "promoting");
            assertThat(previousRun()).doesNotExist();
        }

        @Test
        void the_approval_sees_the_change_and_can_refuse_it() {
            recordBoth();
            Path c = candidate("run-2", recorded("A", "recall", v1));

            assertThatThrownBy(() -> store.promote(c, "run-2", previousRun(), true, change -> {
                throw new QualityConfigurationException("no: " + change.counts());
            })).hasMessage("no: 0 added, 0 improved, 0 degraded, 1 unchanged, 0 kept, 1 removed");
            assertThat(BaselineFile.read(previousRun().resolve("baseline.json"))).hasSize(2);
        }

        @Test
        void adding_missing_entries_never_changes_existing_ones() {
            recordBoth();
            Source v2 = new Source("detector", "frames", 100, 4);
            Source fresh = new Source("new-model", "frames", 100, 70);
            Path c = candidate("run-2", recorded("A", "recall", v2), recorded("A", "recall", fresh));

            BaselineChange change = store.addMissing(c, "run-2", previousRun(),
                    Set.of(entry("A", "recall", fresh, 0).key(), entry("A", "recall", v2, 0).key()));

            assertThat(change.entries()).extracting(BaselineChange.Entry::kind).containsExactly(BaselineChange.Kind.ADDED);
            Map<String, BaselineEntry> now = BaselineFile.read(previousRun().resolve("baseline.json"));
            assertThat(now).hasSize(3);
            assertThat(now.get(entry("A", "recall", v2, 0).key()).value()).isEqualTo(0.94);
        }
    }

    @Nested
    class Candidate {

        /** Issue 11 item 3: one evaluation whose outcomes cannot be written costs only its own pairing. */
        @Test
        void an_evaluation_that_cannot_write_its_outcomes_keeps_the_others() throws Exception {
            Source good = new Source("detector", "frames", 10, 9);
            Broken broken = new Broken("broken", "frames");
            List<String> notices = new ArrayList<>();

            Path c = store.writeCandidate(dir.resolve("results"), "run-1", List.of(
                    new BaselineStore.Recorded(entry("A", "recall", broken, 0.9), broken), recorded("B", "recall", good)),
                    1_000_000, notices::add);

            Map<String, BaselineEntry> entries = BaselineFile.read(c.resolve("baseline.json"));
            assertThat(entries).hasSize(2);
            assertThat(entries.get(entry("A", "recall", broken, 0).key()).outcomes()).isNull();
            assertThat(entries.get(entry("B", "recall", good, 0).key()).outcomes()).startsWith("outcomes/detector@frames-");
            assertThat(notices).containsExactly("per-example outcomes of broken on frames not recorded: frames.csv line 4, "
                    + "column 'id': the example id is missing; its baseline entries keep their values, and comparisons "
                    + "with them will be unpaired");
            assertThat(files(c.resolve("outcomes"))).hasSize(1);
        }

        /** Issue 11 item 6: names map to distinct files; equal outcomes are kept once. */
        @Test
        void outcome_files_never_collide() throws Exception {
            Source spaced = new Source("fraud v1", "apps", 10, 9);
            Source slashed = new Source("fraud/v1", "apps", 10, 8);
            Source detectorOfSpecA = new Source("detector", "frames", 10, 7);
            Source detectorOfSpecB = new Source("detector", "frames", 10, 6);
            Source chinese = new Source("模型", "数据", 10, 5);
            Source sameAsSpaced = new Source("fraud v1", "apps", 10, 9);

            Path c = candidate("run-1", recorded("A", "a", spaced), recorded("A", "b", slashed),
                    recorded("A", "c", detectorOfSpecA), recorded("B", "c", detectorOfSpecB), recorded("A", "d", chinese),
                    recorded("B", "e", sameAsSpaced));

            List<String> files = files(c.resolve("outcomes"));
            assertThat(files).hasSize(5);
            assertThat(files).anyMatch(f -> f.matches("fraud%20v1@apps-[0-9a-f]{12}\\.csv"))
                    .anyMatch(f -> f.matches("fraud%2Fv1@apps-[0-9a-f]{12}\\.csv"))
                    .anyMatch(f -> f.matches("模型@数据-[0-9a-f]{12}\\.csv"))
                    .filteredOn(f -> f.startsWith("detector@frames-")).hasSize(2);
            Map<String, BaselineEntry> entries = BaselineFile.read(c.resolve("baseline.json"));
            assertThat(entries.get(entry("A", "a", spaced, 0).key()).outcomes())
                    .isEqualTo(entries.get(entry("B", "e", sameAsSpaced, 0).key()).outcomes());
        }

        @Test
        void outcomes_of_too_large_evaluations_are_not_recorded_and_that_is_said() {
            List<String> notices = new ArrayList<>();
            Path c = store.writeCandidate(dir.resolve("results"), "run-1",
                    List.of(recorded("A", "a", new Source("big", "d", 10, 9))), 5, notices::add);

            assertThat(BaselineFile.read(c.resolve("baseline.json")).values()).singleElement()
                    .satisfies(e -> assertThat(e.outcomes()).isNull());
            assertThat(notices).singleElement().asString().contains("(10 rows) not recorded");
        }
    }

    @Nested
    class CrashesAndConcurrentRuns {

        final Source v1 = new Source("detector", "frames", 100, 94);

        /** Issue 11 item 8: what a kill -9 during promotion left behind is cleaned up by the next one. */
        @Test
        void leftovers_of_a_killed_promotion_are_removed() throws Exception {
            Path c = candidate("run-1", recorded("A", "recall", v1));
            store.promote(c, "run-1", previousRun(), false, x -> { });
            Path half = Files.createDirectories(dir.resolve("store/.previous-run-3kd93js0-new/outcomes"));
            Files.writeString(half.resolve("big.csv"), "id,label,predicted,score\n");
            Files.createDirectories(dir.resolve("store/.previous-run-a1b2c3-old"));
            Files.writeString(dir.resolve("store/previous-run/.baseline.json-zz9.tmp"), "{");

            store.promote(candidate("run-2", recorded("A", "recall", v1)), "run-2", previousRun(), false, x -> { });

            assertThat(files(dir.resolve("store"))).containsExactly("previous-run");
            assertThat(files(previousRun())).containsExactly("baseline.json", "outcomes");
        }

        @Test
        void a_baseline_killed_between_its_two_renames_is_put_back() throws Exception {
            Path c = candidate("run-1", recorded("A", "recall", v1));
            store.promote(c, "run-1", previousRun(), false, x -> { });
            Files.move(previousRun(), dir.resolve("store/.previous-run-5x7-old"));

            BaselineChange change = store.promote(candidate("run-2", recorded("B", "b", v1)), "run-2", previousRun(),
                    false, x -> { });

            assertThat(change.count(BaselineChange.Kind.KEPT)).as("the entry of the first run is back").isEqualTo(1);
            assertThat(files(dir.resolve("store"))).containsExactly("previous-run");
        }

        /** Issue 11 item 8: runs sharing a results and baseline directory take turns. */
        @Test
        void concurrent_runs_take_turns() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String runId = "run-" + i;
                    Source source = new Source("detector", "frames", 100, 50 + i);
                    runs.add(pool.submit(() -> {
                        for (int attempt = 0; ; attempt++) {
                            Path c = candidate(runId, recorded("A", "recall", source));
                            try {
                                return store.promote(c, runId, previousRun(), false, x -> { });
                            } catch (QualityConfigurationException e) {
                                // another run replaced the candidate in between: it is not ours any more
                                assertThat(e).hasMessageContaining("not by the last run (" + runId + ")");
                                if (attempt > 50) {
                                    throw e;
                                }
                            }
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(BaselineFile.read(previousRun().resolve("baseline.json"))).hasSize(1);
            assertThat(files(dir.resolve("store"))).containsExactly("previous-run");
            assertThat(files(dir.resolve("results"))).containsExactly("baseline-candidate");
        }

        @Test
        void a_run_that_waits_too_long_for_another_says_who_holds_the_lock() throws Exception {
            BaselineStore impatient = BaselineStore.waitingAtMost(Duration.ofMillis(200));
            Path c = candidate("run-1", recorded("A", "recall", v1));
            try (var held = dev.touchstone.internal.io.DirectoryLock.acquire(previousRun(), Duration.ofSeconds(1))) {
                assertThatThrownBy(() -> impatient.promote(c, "run-1", previousRun(), false, x -> { }))
                        .isInstanceOf(QualityConfigurationException.class)
                        .hasMessageStartingWith("cannot write baseline " + previousRun() + ": another Touchstone run (pid "
                                + ProcessHandle.current().pid() + ", since ")
                        .hasMessageContaining("is writing " + previousRun());
            }
        }
    }
}
