package dev.touchstone.baseline;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparison statements end to end: champion models on the same data (paired), recorded
 * baselines (paired by id, or unpaired on different data), tolerances and multiplicity.
 */
class ComparisonStatementsTest {

    /**
     * 2 cameras × 400 examples. The champion is right on 90% everywhere. The challenger equals
     * the champion on 'front' and is wrong on 40 more examples of 'rear' (a real 10-point drop).
     */
    static Dataset data() {
        DatasetBuilder b = Dataset.builder("frames").columns("id", "label", "champion", "challenger", "camera");
        for (String camera : List.of("front", "rear")) {
            for (int i = 0; i < 400; i++) {
                String label = i % 2 == 0 ? "yes" : "no";
                String other = label.equals("yes") ? "no" : "yes";
                String champion = i < 360 ? label : other;
                String challenger = camera.equals("rear") && i >= 320 ? other : champion;
                b.row(camera + i, label, champion, challenger, camera);
            }
        }
        return b.build().withId("id").withLabel("label").withPositiveClass("yes");
    }

    static final CheckId COMPARES = new CheckId(ComparisonStatementsTest.class.getName(), "compares");
    static final Dataset DATA = data();
    static final Model CHAMPION = Model.logged("champion", DATA.withPrediction("champion"));
    static final Model CHALLENGER = Model.logged("challenger", DATA.withPrediction("challenger"));

    private static List<StatementResult> record(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.current().collecting(results::add, results::add).run(statement);
        return results;
    }

    @Nested
    class AgainstAChampion {

        @Test
        void a_real_drop_on_one_slice_is_significant_and_the_equal_slice_passes() {
            // WHEN
            List<StatementResult> results = record(() -> assertThat(CHALLENGER).onEachSliceOf("camera").accuracy()
                    .isNotSignificantlyWorseThan(CHAMPION));
            // THEN
            List<SliceResult> slices = results.get(0).slices();
            assertThat(slices).extracting(SliceResult::slice, SliceResult::verdict).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("camera=front", Verdict.PASSED),
                    org.assertj.core.groups.Tuple.tuple("camera=rear", Verdict.FAILED));
            ComparisonResult rear = slices.get(1).comparison().orElseThrow();
            assertThat(rear.test()).isEqualTo("mcnemar-exact");
            assertThat(rear.paired()).isTrue();
            assertThat(rear.difference()).isCloseTo(-0.10, within(1e-12));
            assertThat(rear.referenceValue()).isCloseTo(0.9, within(1e-12));
            // 40 discordant pairs, all against the challenger: one-sided exact p = 0.5^40
            assertThat(rear.pValue()).isCloseTo(Math.pow(0.5, 40), within(1e-20));
            assertThat(rear.multiplicity()).isEqualTo("holm");
            assertThat(slices.get(1).message()).contains("mcnemar-exact", "paired", "reference", "model:champion");
        }

        @Test
        void throws_one_error_naming_the_failing_slice() {
            assertThatThrownBy(() -> assertThat(CHALLENGER).onEachSliceOf("camera").accuracy()
                    .isNotSignificantlyWorseThan(CHAMPION))
                    .isInstanceOf(QualityAssertionError.class)
                    .hasMessageContaining("camera=rear")
                    .hasMessageContaining("significantly worse");
        }

        @Test
        void a_tolerance_larger_than_the_drop_passes_point_comparisons() {
            assertThat(CHALLENGER).onSlice("camera=rear").accuracy().withTolerance(0.11).isNotWorseThan(CHAMPION);
            assertThatThrownBy(() -> assertThat(CHALLENGER).onSlice("camera=rear").accuracy().withTolerance(0.05)
                    .isNotWorseThan(CHAMPION)).isInstanceOf(QualityAssertionError.class);
        }

        @Test
        void non_inferiority_needs_an_interval_above_the_tolerance() {
            // identical predictions on 400 examples: the paired interval of the difference is about ±0.01
            assertThat(CHALLENGER).onSlice("camera=front").accuracy().withConfidence(0.95).withTolerance(0.02)
                    .isNotWorseThan(CHAMPION);
            assertThatThrownBy(() -> assertThat(CHALLENGER).onSlice("camera=front").accuracy().withConfidence(0.95)
                    .withTolerance(0.002).isNotWorseThan(CHAMPION))
                    .isInstanceOf(InconclusiveQualityError.class)
                    .hasMessageContaining("to decide");
            assertThatThrownBy(() -> assertThat(CHALLENGER).onSlice("camera=rear").accuracy().withConfidence(0.95)
                    .withTolerance(0.02).isNotWorseThan(CHAMPION))
                    .isInstanceOf(QualityAssertionError.class)
                    .hasMessageContaining("inferior");
        }

        @Test
        void significantly_better_needs_evidence() {
            assertThat(CHAMPION).onSlice("camera=rear").accuracy().isSignificantlyBetterThan(CHALLENGER);
            assertThatThrownBy(() -> assertThat(CHAMPION).onSlice("camera=front").accuracy()
                    .isSignificantlyBetterThan(CHALLENGER)).isInstanceOf(QualityAssertionError.class);
        }

        @Test
        void f1_uses_a_paired_bootstrap() {
            List<StatementResult> results = record(() -> assertThat(CHALLENGER).onSlice("camera=rear").f1()
                    .isNotSignificantlyWorseThan(CHAMPION));
            ComparisonResult c = results.get(0).slices().get(0).comparison().orElseThrow();
            assertThat(c.test()).isEqualTo("paired-bootstrap");
            assertThat(c.paired()).isTrue();
            assertThat(results.get(0).slices().get(0).verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Nested
    class AgainstARecordedBaseline {

        @Test
        void outside_a_check_scope_the_error_says_how_to_name_the_check() {
            assertThatThrownBy(() -> assertThat(CHALLENGER).overall().accuracy()
                    .isNotSignificantlyWorseThan(Baseline.previousRun()))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("QualityScope.forCheck(");
        }

        @TempDir
        Path dir;

        /** The release before: the champion's predictions under the name the next release keeps. */
        static final Model RELEASE_1 = Model.logged("detector", DATA.withPrediction("champion"));
        /** The next release of the same model: the challenger's predictions. */
        static final Model RELEASE_2 = Model.logged("detector", DATA.withPrediction("challenger"));

        private void recordBaseline(Model model) throws Exception {
            // What the engine does at the end of a run, then touchstone:baseline.
            List<StatementResult> results = record(() -> assertThat(model).onEachSliceOf("camera").accuracy()
                    .isAtLeast(0.0));
            var source = results.get(0).source().orElseThrow();
            List<BaselineStore.Recorded> recorded = new ArrayList<>();
            for (SliceResult s : results.get(0).slices()) {
                var v = s.value();
                recorded.add(new BaselineStore.Recorded(new BaselineEntry(COMPARES.spec(), COMPARES.check(), s.model(),
                        s.dataset(), v.slice(), v.metric(), v.value(), v.n(), v.interval().level(), v.interval().low(),
                        v.interval().high(), v.interval().method(), v.statistics(), source.fingerprint(), null, null),
                        source));
            }
            BaselineStore store = BaselineStore.standard();
            Path candidate = store.writeCandidate(dir.resolve("results"), "run-1", recorded, 1_000_000, notice -> { });
            BaselineChange change = store.promote(candidate, "run-1", dir.resolve("store").resolve("previous-run"), false,
                    c -> { });
            assertThat(change.of(BaselineChange.Kind.ADDED)).hasSize(2);
        }

        private void compares(Model model, Runnable statement) {
            QualityScope.current().withCheck(COMPARES).run(statement);
        }

        @Test
        void pairs_examples_by_id_and_detects_the_drop() throws Exception {
            // GIVEN the champion recorded as the baseline
            recordBaseline(RELEASE_1);
            TouchstoneSettings settings = QualityScope.current().settings().withBaselineDir(dir.resolve("store"));
            // WHEN the next release is compared with it
            List<StatementResult> results = new ArrayList<>();
            QualityScope.standalone().withSettings(settings).call(() -> {
                compares(RELEASE_2, () -> results.addAll(record(() -> assertThat(RELEASE_2).onEachSliceOf("camera")
                        .accuracy().isNotSignificantlyWorseThan(Baseline.previousRun()))));
                return null;
            });
            // THEN
            List<SliceResult> slices = results.get(0).slices();
            assertThat(slices).extracting(SliceResult::verdict).containsExactly(Verdict.PASSED, Verdict.FAILED);
            ComparisonResult rear = slices.get(1).comparison().orElseThrow();
            assertThat(rear.paired()).isTrue();
            assertThat(rear.test()).isEqualTo("mcnemar-exact");
            assertThat(rear.source()).isEqualTo("previous-run");
            assertThat(Files.readString(dir.resolve("store/previous-run/baseline.json")))
                    .contains("#compares|detector@frames|camera=rear|accuracy");
        }

        @Test
        void different_data_is_compared_unpaired_and_says_so() throws Exception {
            recordBaseline(RELEASE_1);
            Dataset other = data().withName("frames-2026-12");
            Dataset shifted = Dataset.builder("frames").columns("id", "label", "predicted", "camera")
                    .row("x1", "yes", "yes", "rear").row("x2", "no", "no", "rear").row("x3", "yes", "no", "rear")
                    .build().withId("id").withLabel("label").withPrediction("predicted").withPositiveClass("yes");
            TouchstoneSettings settings = QualityScope.current().settings().withBaselineDir(dir.resolve("store"));
            List<StatementResult> results = new ArrayList<>();
            QualityScope.standalone().withSettings(settings).call(() -> {
                compares(RELEASE_2, () -> results.addAll(record(() -> assertThat(Model.logged("detector", shifted))
                        .onSlice("camera=rear").accuracy().isNotSignificantlyWorseThan(Baseline.previousRun()))));
                return null;
            });
            ComparisonResult c = results.get(0).slices().get(0).comparison().orElseThrow();
            assertThat(c.paired()).isFalse();
            assertThat(c.pairing()).contains("different data");
            assertThat(c.test()).isEqualTo("score-2indep");
            assertThat((Object) other).isNotNull(); // Touchstone.assertThat(Dataset) starts a drift statement
        }

        @Test
        void a_missing_baseline_says_how_to_create_it() {
            TouchstoneSettings settings = QualityScope.current().settings().withBaselineDir(dir.resolve("nothing"));
            assertThatThrownBy(() -> QualityScope.standalone().withSettings(settings).withCheck(COMPARES).call(() -> {
                assertThat(CHALLENGER).overall().accuracy().isNotSignificantlyWorseThan(Baseline.previousRun());
                return null;
            })).isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("mvn verify -Dtouchstone.baseline.missing=record")
                    .hasMessageContaining("no baseline was recorded");
        }

        @Test
        void a_hand_edited_entry_fails_naming_the_file_and_entry() throws Exception {
            recordBaseline(RELEASE_1);
            Path file = dir.resolve("store/previous-run/baseline.json");
            Files.writeString(file, Files.readString(file).replace("\"check\" : \"compares\"", "\"check\" : \"edited\""));
            assertThatThrownBy(() -> BaselineFile.read(file))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("(hand-edited?)");
        }

        private List<StatementResult> compareRelease2(TouchstoneSettings settings, List<MissingBaseline> missing) {
            List<StatementResult> results = new ArrayList<>();
            QualityScope.standalone().withSettings(settings).withCheck(COMPARES).collecting(new QualityScope.Listener() {
                @Override
                public void judged(StatementResult result) {
                    results.add(result);
                }

                @Override
                public void missingBaseline(MissingBaseline m) {
                    missing.add(m);
                }
            }).run(() -> assertThat(RELEASE_2).onEachSliceOf("camera").accuracy()
                    .isNotSignificantlyWorseThan(Baseline.previousRun()));
            return results;
        }

        /** Issue 11 item 6 and issue 12 item 12: outcomes that do not reproduce the entry are not paired on. */
        @Test
        void outcomes_replaced_by_another_models_are_detected_and_not_paired_on() throws Exception {
            recordBaseline(RELEASE_1);
            Path store = dir.resolve("store/previous-run");
            BaselineEntry front = BaselineFile.read(store.resolve("baseline.json")).values().iterator().next();
            // the challenger's outcomes on the same examples, written over the champion's
            var challenger = new ArrayList<StatementResult>();
            QualityScope.current().collecting(challenger::add, r -> { }).run(() -> assertThat(RELEASE_2).overall()
                    .accuracy().isAtLeast(0));
            challenger.get(0).source().orElseThrow().writeOutcomes(store.resolve(front.outcomes()));

            List<MissingBaseline> missing = new ArrayList<>();
            List<StatementResult> results = compareRelease2(settingsWith(dir.resolve("store")), missing);

            SliceResult rear = results.get(0).slices().get(1);
            ComparisonResult c = rear.comparison().orElseThrow();
            assertThat(c.paired()).isFalse();
            assertThat(c.pairing()).isEqualTo("the baseline's per-example outcomes (" + front.outcomes() + ") give "
                    + "accuracy 0.8000 on these examples, but its entry records 0.9000: they are not the outcomes the "
                    + "entry was computed from (edited, or another model's)");
            assertThat(c.referenceValue()).isEqualTo(0.9);
            assertThat(missing).isEmpty();
        }

        @Test
        void a_missing_outcomes_file_fails_naming_the_entry() throws Exception {
            recordBaseline(RELEASE_1);
            Path store = dir.resolve("store/previous-run");
            BaselineEntry front = BaselineFile.read(store.resolve("baseline.json")).values().iterator().next();
            Files.delete(store.resolve(front.outcomes()));

            assertThatThrownBy(() -> compareRelease2(settingsWith(dir.resolve("store")), new ArrayList<>()))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("baseline outcomes " + store.resolve(front.outcomes()) + " do not exist (named by entry "
                            + front.key() + " of " + store.resolve("baseline.json") + ")");
        }

        /** Issue 11 item 9: a slice without an entry does not keep the others from being compared. */
        @Test
        void a_slice_without_an_entry_is_reported_missing_and_the_others_are_compared() throws Exception {
            recordBaseline(RELEASE_1);
            Path file = dir.resolve("store/previous-run/baseline.json");
            var entries = new ArrayList<>(BaselineFile.read(file).values());
            entries.removeIf(e -> e.slice().equals("camera=rear"));
            BaselineFile.write(file, "previous-run", "run-1", entries);

            List<MissingBaseline> missing = new ArrayList<>();
            List<StatementResult> results = compareRelease2(settingsWith(dir.resolve("store")), missing);

            assertThat(results).singleElement().satisfies(r -> assertThat(r.slices()).extracting(SliceResult::slice)
                    .containsExactly("camera=front"));
            assertThat(missing).singleElement().satisfies(m -> {
                assertThat(m.keys()).containsExactly(COMPARES.spec() + "#compares|detector@frames|camera=rear|accuracy");
                assertThat(m.values().slices()).extracting(SliceResult::slice).containsExactly("camera=rear");
                assertThat(m.message()).endsWith("; record missing entries with mvn verify "
                        + "-Dtouchstone.baseline.missing=record");
            });
        }

        @Test
        void a_renamed_model_is_told_why_it_has_no_entry() throws Exception {
            recordBaseline(RELEASE_1);
            Model renamed = Model.logged("detector-v2", DATA.withPrediction("challenger"));

            assertThatThrownBy(() -> QualityScope.standalone().withSettings(settingsWith(dir.resolve("store")))
                    .withCheck(COMPARES).run(() -> assertThat(renamed).overall().accuracy()
                            .isNotSignificantlyWorseThan(Baseline.previousRun())))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("no baseline entry " + COMPARES.spec() + "#compares|detector-v2@frames|overall|"
                            + "accuracy");
            recordOverall(RELEASE_1);
            assertThatThrownBy(() -> QualityScope.standalone().withSettings(settingsWith(dir.resolve("store")))
                    .withCheck(COMPARES).run(() -> assertThat(renamed).overall().accuracy()
                            .isNotSignificantlyWorseThan(Baseline.previousRun())))
                    .hasMessageContaining("(it has entries of this check for detector@frames: entries are kept by model "
                            + "and dataset name, so a new version compared with the last keeps their names)");
        }

        private void recordOverall(Model model) {
            List<StatementResult> results = record(() -> assertThat(model).overall().accuracy().isAtLeast(0.0));
            var source = results.get(0).source().orElseThrow();
            var v = results.get(0).slices().get(0).value();
            BaselineStore store = BaselineStore.standard();
            Path candidate = store.writeCandidate(dir.resolve("results"), "run-9", List.of(new BaselineStore.Recorded(
                    new BaselineEntry(COMPARES.spec(), COMPARES.check(), model.name(), "frames", v.slice(), v.metric(),
                            v.value(), v.n(), v.interval().level(), v.interval().low(), v.interval().high(),
                            v.interval().method(), v.statistics(), source.fingerprint(), null, null), source)),
                    1_000_000, n -> { });
            store.promote(candidate, "run-9", dir.resolve("store/previous-run"), false, c -> { });
        }

        private TouchstoneSettings settingsWith(Path baselines) {
            return QualityScope.current().settings().withBaselineDir(baselines);
        }
    }
}
