package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.touchstone.engine.fixtures.MonitoringSpec;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventStatistics;

/** Monitoring specs under the engine: window slices as dynamic tests, results.json entries, metrics.prom and JSON lines. */
class MonitoringExportTest {

    @TempDir
    Path dir;

    @Test
    void windows_anomalies_and_drift_are_tests_results_and_exported_series() throws IOException {
        var results = EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", dir.toString())
                .configurationParameter("touchstone.results.jsonl", "true")
                .selectors(selectClass(MonitoringSpec.class))
                .execute();
        results.testEvents().assertStatistics((EventStatistics s) -> s.succeeded(2).failed(4));

        RunResults run = ResultsJson.read(dir.resolve("results.json"));
        List<CheckEntry> entries = new java.util.ArrayList<>(run.checks());
        entries.sort(java.util.Comparator.comparing(CheckEntry::check));
        assertThat(entries).as("results.json entries %s", entries).extracting(CheckEntry::check).containsExactly("accuracyHoldsEachDay", "accuracyHoldsEachDay",
                "inputsDoNotDrift", "inputsDoNotDrift");
        assertThat(entries).extracting(CheckEntry::slice).containsExactly(
                "language=de & ts@2026-12-10T00:00Z/P1D", "language=en & ts@2026-12-10T00:00Z/P1D",
                "language=de & ts@2026-12-10T00:00Z/P1D", "language=en & ts@2026-12-10T00:00Z/P1D");
        assertThat(entries).extracting(CheckEntry::verdict).containsExactly(Verdict.FAILED, Verdict.PASSED,
                Verdict.FAILED, Verdict.PASSED);
        CheckEntry anomaly = entries.get(0);
        assertThat(anomaly.expectation().kind()).isEqualTo("not_anomalous");
        assertThat(anomaly.baseline().source()).isEqualTo("previous-windows(7)");
        assertThat(anomaly.test().name()).isEqualTo("window-prediction-t-arcsine");
        CheckEntry drift = entries.get(2);
        assertThat(drift.metric()).isEqualTo("ks(length)");
        assertThat(drift.model()).isEqualTo("data:logs");
        assertThat(drift.expectation().kind()).isEqualTo("no_drift");
        assertThat(drift.expectation().threshold()).isEqualTo(0.1);
        // p-values say what they test, and an effect size has no interval to show
        assertThat(drift.test().hypothesis()).isEqualTo("drift");
        assertThat(anomaly.test().hypothesis()).isEqualTo("worse");
        assertThat(dev.touchstone.wording.Wording.interval(drift.evidence())).isEqualTo("-");
        assertThat(dev.touchstone.wording.Wording.interval(anomaly.evidence())).startsWith("95% [");

        String prom = Files.readString(dir.resolve("metrics.prom"));
        assertThat(prom).contains("touchstone_check_verdict{spec=\"" + MonitoringSpec.class.getName()
                + "\",check=\"accuracyHoldsEachDay\",model=\"clf\",dataset=\"logs\",slice=\"language=de\","
                + "window=\"ts@2026-12-10T00:00Z/P1D\",metric=\"accuracy\",verdict=\"FAILED\"} 1");
        assertThat(prom).contains("metric=\"ks(length)\",expectation=\"no_drift\"} 0.1");
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSize(4);

        // a window slice's unique ID runs again on its own
        String id = anomaly.uniqueId();
        assertThat(id).contains("[slice:language=de & ts@2026-12-10T00%3A00Z%2FP1D]"); // ":" and "/" are encoded
        EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", dir.resolve("again").toString())
                .selectors(selectUniqueId(id))
                .execute().testEvents().assertStatistics(s -> s.failed(2).succeeded(0));
    }

    @Test
    void a_bad_export_option_fails_the_run_before_anything_runs() {
        var results = EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", dir.toString())
                .configurationParameter("touchstone.prometheus.pushgateway", "not a url")
                .selectors(selectClass(MonitoringSpec.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow()).hasMessageContaining("touchstone.prometheus.pushgateway=not a url");
    }
}
