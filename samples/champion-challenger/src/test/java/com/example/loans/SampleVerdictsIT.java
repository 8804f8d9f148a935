package com.example.loans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the quality specs of this sample with the {@code touchstone} engine and checks they reach
 * the verdicts its README describes, failures included: they are deliberate, so they are asserted
 * here rather than reported by Surefire.
 */
class SampleVerdictsIT {

    private static final Path RESULTS = Path.of("target/touchstone/results.json");

    private final List<CheckEntry> checks = ResultsJson.read(RESULTS).checks();

    @BeforeAll
    static void runTheSpecs() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ChallengerVersusChampionQualityTest.class))
                .filters(EngineFilter.includeEngines("touchstone"))
                .configurationParameter("touchstone.results.dir", RESULTS.getParent().toString())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        // 4 checks; the south regression and the islands claim fail them on purpose
        assertThat(summary.getSummary().getTestsFailedCount()).isPositive();
        assertThat(RESULTS).isRegularFile();
    }

    private CheckEntry entry(String check, String slice) {
        return checks.stream().filter(c -> c.check().equals(check) && slice.equals(c.slice())).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + check + " on " + slice));
    }

    @Test
    void the_regression_in_the_south_is_caught_by_a_paired_test() {
        CheckEntry south = entry("noRegionLosesRecall", "region=south");
        assertThat(south.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(south.test().name()).isEqualTo("mcnemar-exact");
        assertThat(south.baseline().paired()).isTrue();
        assertThat(south.test().adjustedPValue()).isLessThan(0.05);
        assertThat(south.test().multiplicity()).isEqualTo("holm");
    }

    @Test
    void the_noisy_gap_in_the_north_is_left_passed() {
        CheckEntry north = entry("noRegionLosesRecall", "region=north");
        assertThat(north.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(north.value()).isLessThan(north.baseline().value());
        assertThat(north.test().pValue()).isGreaterThan(0.05);
    }

    @Test
    void non_inferiority_on_the_small_islands_slice_is_inconclusive_with_the_examples_needed() {
        CheckEntry islands = entry("challengerIsNonInferiorOnTheIslands", "region=islands");
        assertThat(islands.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(islands.message()).contains("to decide");
        CheckEntry west = entry("challengerIsNonInferiorInTheWest", "region=west");
        assertThat(west.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void every_region_has_a_result() {
        RunResults results = ResultsJson.read(Path.of("target/touchstone/results.json"));
        assertThat(results.checks()).filteredOn(c -> c.check().equals("noRegionLosesRecall"))
                .extracting(CheckEntry::slice)
                .containsExactly("region=east", "region=islands", "region=north", "region=south", "region=west");
    }
}
