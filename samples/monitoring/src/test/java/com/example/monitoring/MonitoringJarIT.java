package com.example.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.touchstone.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specs outside a build, as a schedule runs them: the runnable jar exits 1 because checks
 * FAILED, writes metrics.prom that promtool accepts, and, with a real Pushgateway and Prometheus
 * ({@code .ci/monitoring-stack start} sets {@code TOUCHSTONE_PUSHGATEWAY_URL} and
 * {@code TOUCHSTONE_PROMETHEUS_URL}), pushes them so that Prometheus's query API returns them;
 * every query of the Grafana dashboard then runs against that Prometheus. Without the URLs the
 * Prometheus part is skipped, unless {@code TOUCHSTONE_REQUIRE_PROMETHEUS} is set (as in CI).
 */
class MonitoringJarIT {

    static final String JOB = "touchstone-sample-monitoring";

    @TempDir
    Path dir;

    @Test
    void the_jar_runs_the_specs_exports_and_exits_non_zero_on_failed_checks() throws Exception {
        String pushgateway = System.getenv("TOUCHSTONE_PUSHGATEWAY_URL");
        String prometheus = System.getenv("TOUCHSTONE_PROMETHEUS_URL");
        boolean stack = pushgateway != null && prometheus != null;
        Path jar = Path.of(System.getProperty("monitoring.jar"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), "execute", "--select-package", "com.example.monitoring", "--include-engine", "touchstone",
                "--disable-banner", "--details", "summary",
                "--config", "touchstone.results.dir=" + dir.resolve("results"),
                "--config", "touchstone.prometheus.job=" + JOB));
        if (stack) {
            command.addAll(List.of("--config", "touchstone.prometheus.pushgateway=" + pushgateway,
                    "--config", "touchstone.prometheus.instance=it-" + ProcessHandle.current().pid()));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("run.log"));
        assertThat(process.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("[touchstone] FAILED").contains("metrics.prom");
        Path prom = dir.resolve("results/metrics.prom");
        assertThat(prom).exists();
        promtoolAccepts(prom);

        if (!stack) {
            assumeThat(System.getenv("TOUCHSTONE_REQUIRE_PROMETHEUS")).as("Prometheus and Pushgateway are running "
                    + "(.ci/monitoring-stack start)").isNotNull();
            throw new AssertionError("TOUCHSTONE_REQUIRE_PROMETHEUS is set but TOUCHSTONE_PUSHGATEWAY_URL and "
                    + "TOUCHSTONE_PROMETHEUS_URL are not");
        }
        assertThat(log).contains("metrics pushed to " + pushgateway.replaceAll("/+$", "") + "/metrics/job/" + JOB);
        String instance = "it-" + ProcessHandle.current().pid();
        String failed = "touchstone_check_verdict{job=\"" + JOB + "\",instance=\"" + instance + "\",verdict=\"FAILED\"} == 1";
        List<Map<String, Object>> series = awaitSeries(prometheus, failed, 6);
        TreeSet<String> failures = new TreeSet<>();
        for (Map<String, Object> s : series) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) s.get("metric");
            failures.add(labels.get("check") + " " + labels.get("slice") + " " + labels.get("metric"));
        }
        System.out.println("[prometheus] " + failed + " ->");
        failures.forEach(f -> System.out.println("[prometheus]   " + f));
        assertThat(failures).containsExactly(
                "accuracyIsNotAnomalousInAnyLanguage language=de accuracy",
                "accuracyStaysAboveTheFloorInEveryLanguage language=de accuracy",
                "estimatedAccuracyStaysAboveTheFloorInEveryLanguage language=de estimated_accuracy",
                "inputsKeepTheirDistributionInAnySegment user_segment=new psi(device)",
                "inputsKeepTheirDistributionInAnySegment user_segment=new psi(session_length)",
                "sessionLengthDoesNotDriftInAnySegment user_segment=new ks(session_length)");
        String value = "touchstone_metric_value{job=\"" + JOB + "\",instance=\"" + instance
                + "\",check=\"accuracyIsNotAnomalousInAnyLanguage\"}";
        for (Map<String, Object> s : awaitSeries(prometheus, value, 4)) {
            System.out.println("[prometheus] " + value + " " + s.get("metric") + " = " + ((List<?>) s.get("value")).get(1));
        }
        String exposition = Files.readString(prom);
        for (Map<String, Object> s : awaitSeries(prometheus, value, 4)) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) s.get("metric");
            String pushed = (String) ((List<?>) s.get("value")).get(1);
            assertThat(exposition).contains("slice=\"" + labels.get("slice") + "\",window=\"" + labels.get("window")
                    + "\",metric=\"accuracy\"} " + pushed);
        }
        dashboardQueriesRun(prometheus);
    }

    static void promtoolAccepts(Path prom) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            assumeThat(System.getenv("TOUCHSTONE_REQUIRE_PROMETHEUS")).as("promtool is installed").isNull();
            return;
        }
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(prom.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    /** Polls the instant query API until at least {@code expected} series are there (Prometheus scrapes every second). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> awaitSeries(String prometheus, String query, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<Map<String, Object>> result = List.of();
        while (System.nanoTime() < deadline) {
            Map<String, Object> answer = query(prometheus, query);
            assertThat(answer.get("status")).as(query + ": " + answer).isEqualTo("success");
            result = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("result");
            if (result.size() >= expected) {
                return result;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus returned " + result.size() + " series for " + query + " after 90 s, "
                + "expected " + expected + ": " + result);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> query(String prometheus, String query) throws Exception {
        URI uri = URI.create(prometheus.replaceAll("/+$", "") + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return (Map<String, Object>) Json.parse(response.body());
    }

    /** Every panel query of the dashboard, its variables set to match all, is valid PromQL with data behind it. */
    @SuppressWarnings("unchecked")
    static void dashboardQueriesRun(String prometheus) throws Exception {
        Map<String, Object> dashboard;
        try (InputStream in = MonitoringJarIT.class.getResourceAsStream("/dev/touchstone/export/grafana-dashboard.json")) {
            dashboard = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (Object p : (List<Object>) dashboard.get("panels")) {
            Map<String, Object> panel = (Map<String, Object>) p;
            for (Object t : (List<Object>) panel.get("targets")) {
                String expr = ((String) ((Map<String, Object>) t).get("expr")).replace("$check", ".*")
                        .replace("$metric", "accuracy").replace("$slice", ".*");
                Map<String, Object> answer = query(prometheus, expr);
                assertThat(answer.get("status")).as(panel.get("title") + ": " + expr + " -> " + answer).isEqualTo("success");
                List<Object> result = (List<Object>) ((Map<String, Object>) answer.get("data")).get("result");
                assertThat(result).as(panel.get("title") + ": " + expr).isNotEmpty();
            }
        }
    }
}
