package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.engine.fixtures.BaselineSpec;
import dev.touchstone.engine.fixtures.FamilySpec;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

class BaselineAndFamiliesTest {

    @TempDir
    Path dir;

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", dir.resolve("results").toString())
                .configurationParameter("touchstone.baseline.dir", dir.resolve("baselines").toString());
    }

    @Test
    void a_missing_baseline_is_skipped_when_configured_then_recorded_then_compared_paired() throws Exception {
        // GIVEN no baseline: skipped (aborted), and the run records itself as the new baseline
        kit().selectors(selectClass(BaselineSpec.class))
                .configurationParameter("touchstone.baseline.missing", "skip")
                .configurationParameter("touchstone.baseline.update", "true")
                .execute().testEvents().assertStatistics(s -> s.aborted(1).failed(0));
        Path baseline = dir.resolve("baselines/previous-run");
        assertThat(baseline.resolve("baseline.json")).exists();
        assertThat(Files.readString(baseline.resolve("baseline.json")))
                .contains(BaselineSpec.class.getName() + "#accuracyDoesNotRegress|logged-v1@cameras|camera=side|accuracy");
        Path outcomes;
        try (var files = Files.list(baseline.resolve("outcomes"))) {
            outcomes = files.collect(java.util.stream.Collectors.toList()).get(0);
        }
        assertThat(outcomes.getFileName().toString()).matches("logged-v1@cameras-[0-9a-f]{12}\\.csv");
        assertThat(Files.readAllLines(outcomes).get(0)).isEqualTo("id,label,predicted,score");

        // WHEN the same model runs again against it
        kit().selectors(selectClass(BaselineSpec.class)).execute()
                .testEvents().assertStatistics(s -> s.failed(0).aborted(0));

        // THEN every camera was compared with the paired McNemar test
        List<CheckEntry> checks = ResultsJson.read(dir.resolve("results/results.json")).checks();
        assertThat(checks).hasSize(4).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(c.baseline().source()).isEqualTo("previous-run");
            assertThat(c.baseline().paired()).isTrue();
            assertThat(c.test().name()).isEqualTo("mcnemar-exact");
        });
    }

    @Test
    void a_missing_baseline_fails_with_how_to_create_it() {
        kit().selectors(selectClass(BaselineSpec.class)).execute().testEvents()
                .assertThatEvents().haveAtLeastOne(org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                                m -> m.contains("mvn verify -Dtouchstone.baseline.missing=record"))));
    }

    @Test
    void spec_scope_adjusts_p_values_over_all_checks_of_the_spec() {
        kit().selectors(selectClass(FamilySpec.class))
                .configurationParameter("touchstone.multiplicity.scope", "spec").execute();
        List<CheckEntry> checks = ResultsJson.read(dir.resolve("results/results.json")).checks();
        assertThat(checks).hasSize(2).allSatisfy(c -> {
            assertThat(c.test().family()).contains("spec " + FamilySpec.class.getName(), "2 comparisons");
            assertThat(c.test().adjustedPValue()).isGreaterThanOrEqualTo(c.test().pValue());
        });
        // Holm over two: the smaller p-value doubles
        CheckEntry rear = checks.stream().filter(c -> c.slice().equals("camera=rear")).findFirst().orElseThrow();
        CheckEntry front = checks.stream().filter(c -> c.slice().equals("camera=front")).findFirst().orElseThrow();
        double smaller = Math.min(rear.test().pValue(), front.test().pValue());
        CheckEntry first = rear.test().pValue() <= front.test().pValue() ? rear : front;
        assertThat(first.test().adjustedPValue()).isCloseTo(Math.min(1, 2 * smaller),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void statement_scope_is_the_default() {
        kit().selectors(selectClass(FamilySpec.class)).execute();
        List<CheckEntry> checks = ResultsJson.read(dir.resolve("results/results.json")).checks();
        assertThat(checks).allSatisfy(c -> assertThat(c.test().adjustedPValue()).isEqualTo(c.test().pValue()));
    }
}
