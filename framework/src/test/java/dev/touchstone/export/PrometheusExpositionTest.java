package dev.touchstone.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus text exposition of a run: names, labels, windows split off slices, escaping, promtool. */
class PrometheusExpositionTest {

    static RunResults run() {
        CheckEntry window = new CheckEntry("[engine:touchstone]/[spec:a.B]/[check:c()]/[slice:x]", "a.B", "accuracyPerDay",
                "clf", "logs", "language=de & timestamp@2026-12-06T00:00Z/P1D", "accuracy", 0.71, 412L,
                new IntervalEntry(0.95, 0.664, 0.752, "wilson"), new ExpectationEntry("at_least", 0.8, null, 0, 0.95),
                null, null, Verdict.FAILED, "m", 3);
        CheckEntry anomaly = new CheckEntry("id2", "a.B", "noAnomaly", "clf", "logs",
                "timestamp@2026-12-06T00:00Z/P5D", "accuracy", 0.71, 2000L,
                new IntervalEntry(0.95, 0.69, 0.73, "wilson"), new ExpectationEntry("not_anomalous", null, null, 0, null),
                new BaselineEntry("previous-windows(5)", 0.9, 10000L, false),
                new TestEntry("window-prediction-t-arcsine", -9.1, 1e-5, 2e-5, 0.05, "holm", "accuracy on 2 windows"),
                Verdict.FAILED, "m", 3);
        CheckEntry drift = new CheckEntry("id3", "a.B", "noDrift", null, "logs", "segment=new \"users\"\\x",
                "psi(session_length)", 0.31, 900L, new IntervalEntry(0.95, null, null, "none"),
                new ExpectationEntry("no_drift", 0.2, null, 0, null), new BaselineEntry("dataset:training", null, 5000L, false),
                new TestEntry("psi-chi2-limit", 0.31, 1e-12, 3e-12, 0.05, "holm", "psi"), Verdict.FAILED, "m", 1);
        CheckEntry again = new CheckEntry("id4", "a.B", "accuracyPerDay", "clf", "logs",
                "language=de & timestamp@2026-12-06T00:00Z/P1D", "accuracy", 0.71, 412L,
                new IntervalEntry(0.95, 0.664, 0.752, "wilson"), new ExpectationEntry("above", 0.6, null, 0, null),
                null, null, Verdict.PASSED, "m", 3);
        CheckEntry error = CheckEntry.error("id5", "a.B", "broken", "boom", 1);
        return new RunResults(1, new RunInfo(Instant.parse("2026-12-07T06:00:00Z"), Instant.parse("2026-12-07T06:00:02.5Z"),
                42, "0.1.0"), List.of(window, anomaly, drift, again, error));
    }

    @Test
    void every_fact_is_a_labelled_gauge_with_windows_split_off_their_slices() {
        String text = PrometheusExposition.render(run());
        assertThat(text).contains("# TYPE touchstone_metric_value gauge\n")
                .contains("touchstone_metric_value{spec=\"a.B\",check=\"accuracyPerDay\",model=\"clf\",dataset=\"logs\","
                        + "slice=\"language=de\",window=\"timestamp@2026-12-06T00:00Z/P1D\",metric=\"accuracy\"} 0.71\n")
                .contains("touchstone_metric_interval_low{spec=\"a.B\",check=\"accuracyPerDay\",model=\"clf\",dataset=\"logs\","
                        + "slice=\"language=de\",window=\"timestamp@2026-12-06T00:00Z/P1D\",metric=\"accuracy\",level=\"0.95\"} 0.664\n")
                .contains("touchstone_metric_threshold{spec=\"a.B\",check=\"accuracyPerDay\",model=\"clf\",dataset=\"logs\","
                        + "slice=\"language=de\",window=\"timestamp@2026-12-06T00:00Z/P1D\",metric=\"accuracy\","
                        + "expectation=\"at_least\"} 0.8\n")
                .contains("slice=\"overall\",window=\"timestamp@2026-12-06T00:00Z/P5D\"")
                .contains("touchstone_metric_reference_value{spec=\"a.B\",check=\"noAnomaly\"")
                .contains("reference=\"previous-windows(5)\"} 0.9\n")
                .contains("test=\"window-prediction-t-arcsine\"} 1.0E-5\n")
                .contains("verdict=\"FAILED\"} 1\n").contains("verdict=\"PASSED\"} 0\n")
                .contains("touchstone_run_results{verdict=\"FAILED\"} 3\n")
                .contains("touchstone_run_results{verdict=\"ERROR\"} 1\n")
                .contains("touchstone_run_start_timestamp_seconds 1796623200\n")
                .contains("touchstone_run_duration_seconds 2.5\n")
                .contains("touchstone_run_info{version=\"0.1.0\",seed=\"42\"} 1\n");
        // quotes and backslashes in label values are escaped
        assertThat(text).contains("slice=\"segment=new \\\"users\\\"\\\\x\"");
        // the same labels twice in one check: the second statement is told apart
        assertThat(text).contains("metric=\"accuracy\",statement=\"2\"} 0.71\n");
        // no series for what is undefined
        assertThat(text).doesNotContain("touchstone_metric_interval_low{spec=\"a.B\",check=\"noDrift\"");
        // every family named in FAMILIES, and no other
        for (String line : text.split("\n")) {
            String name = line.startsWith("#") ? line.split(" ")[2] : line.split("[{ ]")[0];
            assertThat(PrometheusExposition.FAMILIES).contains(name);
        }
    }

    @Test
    void slice_names_split_into_slice_and_window() {
        assertThat(PrometheusExposition.sliceAndWindow("ts@2026-12-01T00:00+01:00/PT6H"))
                .containsExactly("overall", "ts@2026-12-01T00:00+01:00/PT6H");
        assertThat(PrometheusExposition.sliceAndWindow("segment=a & ts@2026-12-01T00:00Z/P1M"))
                .containsExactly("segment=a", "ts@2026-12-01T00:00Z/P1M");
        assertThat(PrometheusExposition.sliceAndWindow("camera=front")).containsExactly("camera=front", "");
        assertThat(PrometheusExposition.sliceAndWindow("segment=a & ts is missing"))
                .containsExactly("segment=a & ts is missing", "");
    }

    /** Runs Prometheus's own linter when it is installed ({@code .ci/run} installs it; set TOUCHSTONE_REQUIRE_PROMTOOL to insist). */
    @Test
    void promtool_accepts_the_exposition(@TempDir Path dir) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        boolean required = System.getenv("TOUCHSTONE_REQUIRE_PROMTOOL") != null;
        if (!required) {
            assumeThat(Files.isExecutable(promtool)).as("promtool is installed").isTrue();
        }
        Path file = dir.resolve("metrics.prom");
        Files.writeString(file, PrometheusExposition.render(run()), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                .redirectInput(file.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("promtool's findings").isBlank();
    }
}
