package dev.touchstone.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.ResultsJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run exports: metrics.prom, results.jsonl, and the push, with credentials kept out of every message. */
class ExportsTest {

    static final String TOKEN = "s3cr3t-push-token";

    HttpServer server;
    final List<String> requests = new ArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            byte[] answer = (status == 200 ? "" : "pushed metrics are invalid").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.setProperty("touchstone.test.push-token", TOKEN);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("touchstone.test.push-token");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    Path results(Path dir) {
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, PrometheusExpositionTest.run());
        return file;
    }

    @Test
    void the_exposition_is_written_and_pushed_to_its_group_with_the_bearer_token(@TempDir Path dir) throws IOException {
        Map<String, String> config = new HashMap<>();
        config.put(ConfigKeys.PROMETHEUS_PUSHGATEWAY, url());
        config.put(ConfigKeys.PROMETHEUS_INSTANCE, "nightly-eu");
        config.put(ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN, "property:touchstone.test.push-token");
        List<String> log = new ArrayList<>();
        List<Path> written = Exports.afterRun(results(dir), ExportSettings.from(config::get), log::add);
        Path prom = dir.resolve("metrics.prom");
        assertThat(written).containsExactly(prom);
        String text = Files.readString(prom);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).isEqualTo("PUT /metrics/job/touchstone/instance/nightly-eu\nBearer " + TOKEN
                + "\ntext/plain; version=0.0.4; charset=utf-8\n" + text);
        assertThat(String.join("\n", log)).contains("metrics pushed to " + url() + "metrics/job/touchstone/instance/nightly-eu")
                .doesNotContain(TOKEN);
    }

    @Test
    void basic_authentication_and_a_refused_push_that_names_the_url_but_not_the_password(@TempDir Path dir) {
        status = 400;
        Map<String, String> config = Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY, url(),
                ConfigKeys.PROMETHEUS_PUSHGATEWAY_USERNAME, "ci",
                ConfigKeys.PROMETHEUS_PUSHGATEWAY_PASSWORD, "property:touchstone.test.push-token",
                ConfigKeys.PROMETHEUS_JOB, "quality");
        assertThatThrownBy(() -> Exports.afterRun(results(dir), ExportSettings.from(config::get), line -> { }))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("the Pushgateway at " + url() + "metrics/job/quality refused the metrics: HTTP 400")
                .hasMessageNotContaining(TOKEN);
        assertThat(requests.get(0)).contains("Basic " + java.util.Base64.getEncoder()
                .encodeToString(("ci:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(dir.resolve("metrics.prom")).exists();
    }

    @Test
    void an_unreachable_gateway_fails_naming_it(@TempDir Path dir) {
        server.stop(0);
        Map<String, String> config = Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY, url());
        assertThatThrownBy(() -> Exports.afterRun(results(dir), ExportSettings.from(config::get), line -> { }))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("could not push the metrics to the Pushgateway at " + url());
    }

    @Test
    void json_lines_hold_one_result_per_line_with_the_run(@TempDir Path dir) throws Exception {
        Map<String, String> config = Map.of(ConfigKeys.RESULTS_JSONL, "true", ConfigKeys.PROMETHEUS_ENABLED, "false");
        List<Path> written = Exports.afterRun(results(dir), ExportSettings.from(config::get), line -> { });
        assertThat(written).containsExactly(dir.resolve("results.jsonl"));
        assertThat(dir.resolve("metrics.prom")).doesNotExist();
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"run\":{\"startedAt\":\"2026-12-07T06:00:00Z\"")
                .contains("\"uniqueId\":").contains("\"slice\":\"language=de & timestamp@2026-12-06T00:00Z/P1D\"")
                .contains("\"verdict\":\"FAILED\"").endsWith("}");
        for (String line : lines) {
            assertThat(dev.touchstone.internal.json.Json.parse(line)).isInstanceOf(Map.class);
        }
    }

    @Test
    void bad_options_fail_with_the_key_and_credentials_are_never_literal() {
        assertThatThrownBy(() -> ExportSettings.from(Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY, "ftp://x")::get))
                .hasMessageContaining("configuration touchstone.prometheus.pushgateway=ftp://x is invalid");
        assertThatThrownBy(() -> ExportSettings.from(Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY, "http://u:p@h:9091")::get))
                .hasMessageContaining("without credentials");
        assertThatThrownBy(() -> ExportSettings.from(Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN, TOKEN)::get))
                .hasMessageContaining("env:NAME").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> ExportSettings.from(Map.of(ConfigKeys.PROMETHEUS_PUSHGATEWAY_USERNAME, "ci")::get))
                .hasMessageContaining(ConfigKeys.PROMETHEUS_PUSHGATEWAY_PASSWORD);
        assertThatThrownBy(() -> ExportSettings.from(Map.of(ConfigKeys.PROMETHEUS_JOB, "a b")::get))
                .hasMessageContaining("touchstone.prometheus.job=a b is invalid");
        ExportSettings defaults = ExportSettings.from(key -> null);
        assertThat(defaults.prometheus()).isTrue();
        assertThat(defaults.pushgateway()).isEmpty();
        assertThat(defaults.jsonLines()).isFalse();
        assertThat(defaults.job()).isEqualTo("touchstone");
    }
}
