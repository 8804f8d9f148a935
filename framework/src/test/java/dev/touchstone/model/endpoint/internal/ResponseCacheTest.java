package dev.touchstone.model.endpoint.internal;

import dev.touchstone.config.Secret;
import dev.touchstone.model.endpoint.OpenInferenceModelTest;
import dev.touchstone.model.endpoint.LanguageServer;
import dev.touchstone.model.endpoint.TestServer;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.internal.ModelAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.OpenInferenceModel;
import dev.touchstone.model.internal.Predictions;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk response cache (setting {@code touchstone.cache.dir}) against real local HTTP servers. */
class ResponseCacheTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    static final String TOKEN = "cache-test-token-5f1d9a27c3";

    static final EndpointOptions NO_RETRY = EndpointOptions.defaults()
            .withTimeout(Duration.ofSeconds(2))
            .withRetries(0);

    @TempDir
    Path dir;

    /** The settings of a run whose response cache is {@code cacheDir}. */
    static TouchstoneSettings cachedIn(Path cacheDir) {
        return SETTINGS.withCacheDirectory(cacheDir);
    }

    /** A client, as a model's run makes one, with the cache under {@code cacheDir}. */
    static EndpointClient client(Path cacheDir, EndpointOptions options) {
        return new EndpointClient(options, new ResponseCache(cacheDir));
    }

    static Call<Long> post(TestServer server, String body) {
        return new Call<>(server.uri("/predict"), body, 1, EndpointClientTest::readI);
    }

    static List<Path> entries(Path cacheDir) throws IOException {
        if (!Files.exists(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<String> labels(Predictions p) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < p.predicted().size(); i++) {
            labels.add(p.predicted().text(i));
        }
        return labels;
    }

    static List<Double> scores(Predictions p, int n) {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scores.add(((dev.touchstone.data.table.NumericColumn) p.scores()).value(i));
        }
        return scores;
    }

    @Test
    void a_second_run_of_an_unchanged_spec_makes_no_request_and_gives_identical_predictions() throws Exception {
        Dataset data = OpenInferenceModelTest.sentences();
        int n = OpenInferenceModelTest.SENTENCES.length;
        try (TestServer server = LanguageServer.start()) {
            // a fresh model per run: models remember their predictions, the cache is what is tested
            Predictions first = ModelAccess.predict(OpenInferenceModelTest.model(server).bearerToken(Secret.of(TOKEN)), data, cachedIn(dir));
            // health, metadata and ceil(10 / 4) = 3 inference batches
            assertThat(server.requestCount()).isEqualTo(5);
            assertThat(entries(dir)).hasSize(5);

            Predictions second = ModelAccess.predict(OpenInferenceModelTest.model(server).bearerToken(Secret.of(TOKEN)), data, cachedIn(dir));

            assertThat(server.requestCount()).as("requests after the second run").isEqualTo(5);
            assertThat(labels(second)).isEqualTo(labels(first)).hasSize(n);
            assertThat(scores(second, n)).isEqualTo(scores(first, n));

            // settings without a cache directory read nothing from it, whatever the system properties say
            String previous = System.setProperty(ConfigKeys.CACHE_DIR, dir.toString());
            try {
                ModelAccess.predict(OpenInferenceModelTest.model(server).bearerToken(Secret.of(TOKEN)), data, SETTINGS);
            } finally {
                restore(previous);
            }
            assertThat(server.requestCount()).isEqualTo(10);
        }
    }

    @Test
    void the_cache_answers_even_when_the_server_is_gone_and_keeps_the_measured_latency() throws Exception {
        TestServer server = LanguageServer.start();
        OpenInferenceModel warm = OpenInferenceModelTest.model(server);
        EndpointOutcomes before = warm.outcomes(OpenInferenceModelTest.sentences(), cachedIn(dir));
        server.stop();

        EndpointOutcomes after = OpenInferenceModelTest.model(server).outcomes(OpenInferenceModelTest.sentences(),
                cachedIn(dir));

        assertThat(after.failed()).isZero();
        assertThat(after.latencyNanos()).as("latencies measured when the responses were stored")
                .isEqualTo(before.latencyNanos());
    }

    @Test
    void a_changed_request_body_misses_and_an_unchanged_one_hits() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok(r.body()))) {
            EndpointClient client = client(dir, NO_RETRY);
            assertThat(client.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(client.call(post(server, "{\"i\":2}"), 1).value()).isEqualTo(2L);
            assertThat(server.requestCount()).isEqualTo(2);

            // a new client, as in a new run: both bodies hit
            EndpointClient again = client(dir, NO_RETRY);
            assertThat(again.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(again.call(post(server, "{\"i\":2}"), 1).value()).isEqualTo(2L);
            assertThat(server.requestCount()).isEqualTo(2);

            // a body that differs by one space is another request
            assertThat(again.call(post(server, "{\"i\": 1}"), 1).value()).isEqualTo(1L);
            assertThat(server.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void the_key_covers_method_url_and_body_but_not_credentials_in_the_url() {
        URI url = URI.create("http://127.0.0.1:8080/v2/models/m/versions/1/infer");
        String key = ResponseCache.key("POST", url, "{}");

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(ResponseCache.key("POST", URI.create("http://user:pass@127.0.0.1:8080/v2/models/m/versions/1/infer"),
                "{}")).as("user info is not part of the key").isEqualTo(key);
        assertThat(ResponseCache.key("POST", URI.create("http://127.0.0.1:8080/v2/models/m/versions/2/infer"), "{}"))
                .as("model version").isNotEqualTo(key);
        assertThat(ResponseCache.key("POST", URI.create("http://127.0.0.1:8080/v2/models/n/versions/1/infer"), "{}"))
                .as("model name").isNotEqualTo(key);
        assertThat(ResponseCache.key("POST", URI.create("http://127.0.0.1:8081/v2/models/m/versions/1/infer"), "{}"))
                .as("port").isNotEqualTo(key);
        assertThat(ResponseCache.key("GET", url, null)).as("method and no body").isNotEqualTo(key)
                .isNotEqualTo(ResponseCache.key("GET", url, ""));
        assertThat(ResponseCache.key("POST", url, "{ }")).as("body").isNotEqualTo(key);

        ResponseCache cache = new ResponseCache(Path.of("cache"));
        assertThat(cache.directory().relativize(cache.file(key)).toString().replace('\\', '/'))
                .as("two-level fan-out").isEqualTo(key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key
                        + ".response");
    }

    @Test
    void failures_are_never_cached_only_successes() throws Exception {
        AtomicInteger status = new AtomicInteger(500);
        try (TestServer server = TestServer.start(r -> switch (status.get()) {
            case 200 -> Reply.ok("{\"i\":7}");
            case 299 -> Reply.status(200, "not json");
            default -> Reply.status(status.get(), "{\"error\":\"down\"}");
        })) {
            EndpointClient client = client(dir, NO_RETRY);
            Call<Long> call = post(server, "{\"i\":7}");

            assertThat(client.call(call, 1).failure().cause()).isEqualTo("HTTP 500");
            assertThat(entries(dir)).as("a 500 is not cached").isEmpty();
            status.set(404);
            assertThat(client.call(call, 1).failure().cause()).isEqualTo("HTTP 404");
            status.set(299);
            assertThat(client.call(call, 1).failure().cause()).isEqualTo("malformed JSON");
            assertThat(entries(dir)).as("neither a 404 nor a 2xx the parser rejects").isEmpty();
            assertThat(server.requestCount()).isEqualTo(3);

            status.set(200);
            assertThat(client.call(call, 1).value()).isEqualTo(7L);
            assertThat(entries(dir)).hasSize(1);
            status.set(500);
            assertThat(client.call(call, 1).value()).as("now served from the cache").isEqualTo(7L);
            assertThat(server.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void a_cache_file_holds_a_header_and_the_body_but_no_secret() throws Exception {
        try (TestServer server = LanguageServer.start()) {
            ModelAccess.predict(OpenInferenceModelTest.model(server).bearerToken(Secret.of(TOKEN))
                    .header("X-Api-Key", Secret.of("api-key-" + TOKEN.toUpperCase())), OpenInferenceModelTest.sentences(), cachedIn(dir));
        }
        assertThat(entries(dir)).hasSize(5);
        for (Path file : entries(dir)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(TOKEN).doesNotContainIgnoringCase(TOKEN).doesNotContain("Bearer");
            assertThat(file.getFileName().toString()).doesNotContain(TOKEN);
            assertThat(text).startsWith(ResponseCache.MAGIC + "\n").contains("\nurl: http://127.0.0.1:")
                    .containsPattern("\ncreated-at: \\d{4}-\\d\\d-\\d\\dT").contains("\n\n");
        }
    }

    @Test
    void a_response_that_echoes_a_secret_is_not_cached() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"i\":1,\"you-sent\":\"" + r.authorization()
                + "\"}"))) {
            EndpointClient client = client(dir, NO_RETRY.withBearerToken(Secret.of(TOKEN)));
            assertThat(client.call(post(server, "{}"), 1).value()).isEqualTo(1L);
            assertThat(client.call(post(server, "{}"), 1).value()).isEqualTo(1L);
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(entries(dir)).isEmpty();
        }
    }

    @Test
    void a_corrupt_entry_is_ignored_reported_once_and_overwritten() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Consumer<String> previous = ResponseCache.redirectWarnings(warnings::add);
        try (TestServer server = TestServer.start(r -> Reply.ok(r.body()))) {
            EndpointClient client = client(dir, NO_RETRY);
            client.call(post(server, "{\"i\":1}"), 1);
            client.call(post(server, "{\"i\":2}"), 1);
            client.call(post(server, "{\"i\":3}"), 1);
            List<Path> files = entries(dir);
            assertThat(files).hasSize(3);

            Files.writeString(files.get(0), "garbage");                                 // not an entry
            byte[] whole = Files.readAllBytes(files.get(1));
            Files.write(files.get(1), Arrays.copyOf(whole, whole.length - 2)); // truncated
            String third = Files.readString(files.get(2));
            Files.writeString(files.get(2), third.replace("{\"i\":", "{\"i\":9"));       // body edited

            EndpointClient again = client(dir, NO_RETRY);
            assertThat(again.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(again.call(post(server, "{\"i\":2}"), 1).value()).isEqualTo(2L);
            assertThat(again.call(post(server, "{\"i\":3}"), 1).value()).isEqualTo(3L);
            assertThat(server.requestCount()).as("every corrupt entry is a miss").isEqualTo(6);

            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("corrupt entry", dir.getFileName().toString());

            // rewritten: a third run is served from the cache
            EndpointClient thirdRun = client(dir, NO_RETRY);
            assertThat(thirdRun.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(thirdRun.call(post(server, "{\"i\":2}"), 1).value()).isEqualTo(2L);
            assertThat(thirdRun.call(post(server, "{\"i\":3}"), 1).value()).isEqualTo(3L);
            assertThat(server.requestCount()).isEqualTo(6);
            assertThat(entries(dir)).hasSize(3);
        } finally {
            ResponseCache.redirectWarnings(previous);
        }
    }

    @Test
    void an_unwritable_cache_costs_requests_not_the_run() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Consumer<String> previous = ResponseCache.redirectWarnings(warnings::add);
        try (TestServer server = TestServer.start(r -> Reply.ok(r.body()))) {
            EndpointClient client = client(notADirectory, NO_RETRY);
            assertThat(client.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(client.call(post(server, "{\"i\":1}"), 1).value()).isEqualTo(1L);
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(warnings).hasSize(1).allMatch(w -> w.contains("cannot write"));
        } finally {
            ResponseCache.redirectWarnings(previous);
        }
    }

    @Test
    void statements_hand_the_cache_directory_of_their_settings_to_the_model() throws Exception {
        Dataset data = OpenInferenceModelTest.sentences();
        TestServer server = LanguageServer.start();
        try {
            QualityScope.standalone().withSettings(cachedIn(dir)).call(() -> dev.touchstone.Touchstone.assertThat(
                    OpenInferenceModelTest.model(server)).on(data).overall().accuracy().actual());
            assertThat(entries(dir)).as("health, metadata and 3 batches, cached").hasSize(5);
        } finally {
            server.stop();
        }

        // operational metrics too: with the server gone, only the cache can answer
        double errorRate = QualityScope.standalone().withSettings(cachedIn(dir)).call(() -> dev.touchstone.Touchstone.assertThat(
                OpenInferenceModelTest.model(server)).on(data).overall().errorRate().actual().value());
        assertThat(errorRate).isZero();
    }

    @Test
    void the_cache_directory_is_a_setting_read_like_any_other() {
        assertThat(TouchstoneSettings.from(key -> null).responseCache()).as("unset").isEmpty();
        assertThat(TouchstoneSettings.from(Map.of(ConfigKeys.CACHE_DIR, "  ")::get).responseCache()).as("blank")
                .isEmpty();
        assertThat(TouchstoneSettings.from(Map.of(ConfigKeys.CACHE_DIR, dir.toString())::get).responseCache())
                .contains(dir);
        assertThatThrownBy(() -> TouchstoneSettings.from(Map.of(ConfigKeys.CACHE_DIR, "bad\0path")::get))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining(ConfigKeys.CACHE_DIR);
        assertThat(new ResponseCache(Path.of("relative")).directory()).as("resolved against the working directory")
                .isEqualTo(Path.of("relative").toAbsolutePath().normalize());
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(ConfigKeys.CACHE_DIR);
        } else {
            System.setProperty(ConfigKeys.CACHE_DIR, previous);
        }
    }
}
