package com.example.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
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
 * The monitoring specs caught both planted problems, and nothing else: the drift of segment
 * "new" from day 24 and the quality drop of German on the last 5 days; the stable slices passed.
 * It runs the quality specs itself: their failures are deliberate, so they are asserted here
 * rather than reported by Surefire.
 */
class SampleVerdictsIT {

    static final Path RESULTS = Path.of("target/touchstone");

    private final List<CheckEntry> checks = ResultsJson.read(RESULTS.resolve("results.json")).checks();

    @BeforeAll
    static void runTheSpecs() throws IOException {
        Files.deleteIfExists(RESULTS.resolve("results.json"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("com.example.monitoring"))
                .filters(EngineFilter.includeEngines("touchstone"))
                .configurationParameter("touchstone.results.dir", RESULTS.toString())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        // the planted drift and drop fail checks on purpose; the tests below say which
        assertThat(summary.getSummary().getTestsFailedCount()).isPositive();
        assertThat(RESULTS.resolve("results.json")).isRegularFile();
    }

    private List<CheckEntry> of(String check) {
        List<CheckEntry> entries = checks.stream().filter(c -> c.check().equals(check)).toList();
        assertThat(entries).as(check).isNotEmpty();
        return entries;
    }

    @Test
    void the_drift_of_new_users_inputs_is_caught_and_the_other_segments_are_left_alone() {
        for (CheckEntry e : of("sessionLengthDoesNotDriftInAnySegment")) {
            boolean drifted = e.slice().startsWith("user_segment=new & ");
            assertThat(e.verdict()).as(e.slice()).isEqualTo(drifted ? Verdict.FAILED : Verdict.PASSED);
            assertThat(e.slice()).endsWith("& event_time_ms@2026-12-21T00:00Z/P7D");
            assertThat(e.test().name()).isEqualTo("ks-2samp-exact");
            assertThat(e.baseline().source()).isEqualTo("dataset:recommendations-training");
        }
        List<CheckEntry> psi = of("inputsKeepTheirDistributionInAnySegment");
        assertThat(psi).hasSize(6);
        for (CheckEntry e : psi) {
            boolean drifted = e.slice().startsWith("user_segment=new & ");
            assertThat(e.verdict()).as(e.metric() + " " + e.slice()).isEqualTo(drifted ? Verdict.FAILED : Verdict.PASSED);
            assertThat(e.test().family()).isEqualTo("psi over 2 columns × 3 slices");
        }
        assertThat(of("rankingQualityHoldsInEverySegment")).extracting(CheckEntry::verdict).containsOnly(Verdict.PASSED);
    }

    @Test
    void the_german_quality_drop_is_caught_by_the_anomaly_test_the_floor_and_the_estimate_without_labels() {
        for (String check : List.of("accuracyIsNotAnomalousInAnyLanguage", "accuracyStaysAboveTheFloorInEveryLanguage",
                "estimatedAccuracyStaysAboveTheFloorInEveryLanguage")) {
            List<CheckEntry> entries = of(check);
            assertThat(entries).extracting(CheckEntry::slice).containsExactly(
                    "language=de & timestamp@2026-12-23T00:00Z/P5D", "language=en & timestamp@2026-12-23T00:00Z/P5D",
                    "language=es & timestamp@2026-12-23T00:00Z/P5D", "language=fr & timestamp@2026-12-23T00:00Z/P5D");
            assertThat(entries).extracting(CheckEntry::verdict).as(check)
                    .containsExactly(Verdict.FAILED, Verdict.PASSED, Verdict.PASSED, Verdict.PASSED);
        }
        CheckEntry anomaly = of("accuracyIsNotAnomalousInAnyLanguage").get(0);
        assertThat(anomaly.baseline().source()).isEqualTo("previous-windows(5)");
        assertThat(anomaly.baseline().value()).isGreaterThan(0.9);
        assertThat(anomaly.test().adjustedPValue()).isLessThan(0.05);
        CheckEntry estimate = of("estimatedAccuracyStaysAboveTheFloorInEveryLanguage").get(0);
        assertThat(estimate.metric()).isEqualTo("estimated_accuracy");
        assertThat(estimate.value()).isBetween(0.68, 0.78);
    }

    @Test
    void the_run_exported_prometheus_metrics_and_json_lines() throws IOException {
        String prom = Files.readString(RESULTS.resolve("metrics.prom"));
        assertThat(prom).contains("touchstone_check_verdict{spec=\"com.example.monitoring.SentimentMonitoringQualityTest\","
                + "check=\"accuracyIsNotAnomalousInAnyLanguage\",model=\"sentiment-v12\",dataset=\"sentiment\","
                + "slice=\"language=de\",window=\"timestamp@2026-12-23T00:00Z/P5D\",metric=\"accuracy\",verdict=\"FAILED\"} 1");
        assertThat(prom).contains("model=\"data:recommendations\",dataset=\"recommendations\",slice=\"user_segment=new\","
                + "window=\"event_time_ms@2026-12-21T00:00Z/P7D\",metric=\"psi(device)\"");
        assertThat(Files.readAllLines(RESULTS.resolve("results.jsonl"))).hasSize(checks.size());
    }
}
