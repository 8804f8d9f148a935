package dev.touchstone.model.endpoint;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.internal.json.Json;
import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.Model;
import dev.touchstone.model.OpenInferenceModel;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code Model.openInference} against a real local server that speaks the protocol. */
public class OpenInferenceModelTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    public static final String[][] SENTENCES = {
        {"the cat sleeps", "en"},
        {"le chat dort", "fr"},
        {"where is the station", "en"},
        {"où est la gare", "fr"},
        {"I like \"quoted\" words", "en"},      // no "the": predicted fr, wrong
        {"the end", "en"},
        {"bonne nuit", "fr"},
        {"the weather is nice", "en"},
        {"il fait beau", "fr"},
        {"thé à la menthe", "fr"},               // "menthe" contains "the": predicted en, wrong
    };

    public static Dataset sentences() {
        DatasetBuilder b = Dataset.builder("sentences").columns("sentence", "language");
        for (String[] s : SENTENCES) {
            b.row(s[0], s[1]);
        }
        return b.build().withLabel("language").withPositiveClass("en");
    }

    public static OpenInferenceModel model(TestServer server) {
        return Model.openInference(server.base(), "lang")
                .input("text", "sentence")
                .labelOutput("label")
                .scoreOutput("score")
                .batchSize(4)
                .timeout(Duration.ofSeconds(2))
                .retries(1)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OpenInferenceModelTest.class.getResourceAsStream("/endpoint/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void an_endpoint_model_is_judged_like_an_in_process_one_and_called_once_per_row() throws Exception {
        try (TestServer server = LanguageServer.start()) {
            OpenInferenceModel model = model(server);
            Dataset data = sentences();

            assertThat(assertThat(model).on(data).overall().accuracy().actual().value()).isEqualTo(0.8);
            assertThat(model).on(data).overall().accuracy().isAtLeast(0.8);
            assertThat(assertThat(model).on(data).overall().rocAuc().actual().value()).isBetween(0.0, 1.0);

            // health, metadata, then ceil(10 / 4) = 3 batches, once for all statements
            assertThat(server.requests).extracting(r -> r.method() + " " + r.path()).containsExactlyInAnyOrder(
                    "GET /v2/health/ready", "GET /v2/models/lang",
                    "POST /v2/models/lang/infer", "POST /v2/models/lang/infer", "POST /v2/models/lang/infer");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void requests_have_the_form_of_the_published_inference_request() throws Exception {
        try (TestServer server = LanguageServer.start()) {
            ModelAccess.predict(model(server), sentences(), SETTINGS);

            Map<String, Object> published = (Map<String, Object>) Json.parse(resource("oip-infer-request.json"));
            Map<String, Object> publishedInput = (Map<String, Object>) ((List<Object>) published.get("inputs")).get(0);
            Map<String, Object> publishedOutput = (Map<String, Object>) ((List<Object>) published.get("outputs")).get(0);
            TestServer.Request second = server.requests.stream()
                    .filter(r -> r.body().contains("touchstone-4")).findFirst().orElseThrow();
            Map<String, Object> sent = (Map<String, Object>) Json.parse(second.body());

            assertThat(sent.keySet()).isEqualTo(published.keySet());
            assertThat(sent.get("id")).isInstanceOf(String.class);
            Map<String, Object> input = (Map<String, Object>) ((List<Object>) sent.get("inputs")).get(0);
            assertThat(input.keySet()).isEqualTo(publishedInput.keySet());
            assertThat(input).containsEntry("name", "text").containsEntry("datatype", "BYTES")
                    .containsEntry("shape", List.of(4L, 1L))
                    .containsEntry("data", List.of("I like \"quoted\" words", "the end", "bonne nuit",
                            "the weather is nice"));
            List<Object> outputs = (List<Object>) sent.get("outputs");
            assertThat(outputs).hasSize(2);
            assertThat(((Map<String, Object>) outputs.get(0)).keySet()).isEqualTo(publishedOutput.keySet());
            assertThat(outputs).containsExactly(Map.of("name", "label"), Map.of("name", "score"));
        }
    }

    /** The published metadata (UINT32 input0 of shape [-1, 1]) and the published response. */
    static TestServer publishedServer(String response) throws IOException {
        String metadata = resource("oip-model-metadata.json");
        return TestServer.start(r -> switch (r.path()) {
            case "/v2/health/ready" -> Reply.status(200, "");
            case "/v2/models/mymodel" -> Reply.ok(metadata);
            case "/v2/models/mymodel/infer" -> Reply.ok(response);
            default -> Reply.status(404, "");
        });
    }

    static Dataset numbers(int n) {
        DatasetBuilder b = Dataset.builder("numbers").columns("x", "label");
        for (int i = 0; i < n; i++) {
            b.row(i + 1, "1");
        }
        return b.build().withLabel("label");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_published_response_is_read_row_major_whether_data_is_flat_or_nested() throws Exception {
        for (String file : List.of("oip-infer-response.json", "oip-infer-response-nested.json")) {
            try (TestServer server = publishedServer(resource(file))) {
                OpenInferenceModel model = Model.openInference(server.base() + "/", "mymodel")
                        .input("input0", "x").labelOutput("output0").batchSize(6);

                List<String> labels = ModelAccess.predict(model, numbers(6), SETTINGS).predicted().asCategorical().values();

                // one label per element, in row-major order: 1.0, 1.1, 2.0, 2.1, 3.0, 3.1
                assertThat(labels).as(file).containsExactly("1", "1.1", "2", "2.1", "3", "3.1");
                Map<String, Object> sent = (Map<String, Object>) Json.parse(server.requests.get(2).body());
                Map<String, Object> input = (Map<String, Object>) ((List<Object>) sent.get("inputs")).get(0);
                // the declared datatype and rank of the published metadata
                assertThat(input).containsEntry("datatype", "UINT32").containsEntry("shape", List.of(6L, 1L))
                        .containsEntry("data", List.of(1L, 2L, 3L, 4L, 5L, 6L));
            }
        }
    }

    @Test
    void an_output_without_one_element_per_row_fails_every_row_of_the_batch_with_the_shape() throws Exception {
        try (TestServer server = publishedServer(resource("oip-infer-response.json"))) {
            OpenInferenceModel model = Model.openInference(server.base(), "mymodel")
                    .input("input0", "x").labelOutput("output0").batchSize(3);

            assertThatThrownBy(() -> ModelAccess.predict(model, numbers(3), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'mymodel' at " + server.base() + "/v2/models/mymodel: "
                            + "3 of 3 examples failed: 3 × unexpected response; first failure: ")
                    .hasMessageContaining("output 'output0' has 6 elements (shape [3, 2]) for 3 rows");
        }
    }

    @Test
    void failed_examples_are_counted_by_cause_in_the_error() throws Exception {
        // batches: rows 0-3 (id touchstone-0), 4-7 (touchstone-4), 8-9 (touchstone-8)
        try (TestServer server = LanguageServer.start(id -> switch (id) {
            case "touchstone-4" -> Reply.status(503, "{\"error\":\"overloaded\"}");
            case "touchstone-8" -> Reply.ok("{}").after(2_000);
            default -> null;
        })) {
            OpenInferenceModel model = model(server).timeout(Duration.ofMillis(300));

            assertThatThrownBy(() -> assertThat(model).on(sentences()).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'lang' at " + server.base() + "/v2/models/lang: 6 of 10 examples "
                            + "failed: 4 × HTTP 503 after 1 retry, 2 × timeout after 300 ms; first failure: "
                            + "dataset 'sentences' row 5: HTTP 503 after 1 retry (body '{\"error\":\"overloaded\"}')");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadata_without_declared_tensors_lets_the_columns_decide() throws Exception {
        String metadata = "{\"name\":\"mymodel\",\"versions\":[],\"platform\":\"\",\"inputs\":[],\"outputs\":[]}";
        try (TestServer server = TestServer.start(r -> switch (r.path()) {
            case "/v2/health/ready" -> Reply.status(200, "");
            case "/v2/models/mymodel" -> Reply.ok(metadata);
            default -> Reply.ok("{\"outputs\":[{\"name\":\"y\",\"shape\":[2],\"datatype\":\"INT64\",\"data\":[1,0]}]}");
        })) {
            List<String> labels = ModelAccess.predict(Model.openInference(server.base(), "mymodel").input("x", "x").labelOutput("y"), numbers(2), SETTINGS).predicted().asCategorical().values();

            assertThat(labels).containsExactly("1", "0");
            Map<String, Object> sent = (Map<String, Object>) Json.parse(server.requests.get(2).body());
            assertThat(((List<Object>) sent.get("inputs")).get(0)).isEqualTo(Map.of("name", "x", "shape", List.of(2L),
                    "datatype", "FP64", "data", List.of(1L, 2L)));
        }
    }

    @Test
    void a_server_that_dies_mid_run_fails_the_rest_and_the_error_counts_them() throws Exception {
        TestServer[] holder = new TestServer[1];
        try (TestServer server = LanguageServer.start(id -> {
            if (id.equals("touchstone-4")) {
                new Thread(() -> holder[0].stop()).start();
                return Reply.ok("{}").after(500);
            }
            return null;
        })) {
            holder[0] = server;
            OpenInferenceModel model = model(server).batchSize(2).concurrency(1);

            // batches 0-1 and 2-3 are answered; 4-5 dies with the server; 6-7 and 8-9 find it gone
            assertThatThrownBy(() -> ModelAccess.predict(model, sentences(), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'lang' at " + server.base() + "/v2/models/lang: 6 of 10 examples failed: ")
                    .hasMessageMatching("(?s).*: \\d × (connection refused|connection closed by the server|connection reset"
                            + "|I/O error) after 1 retry.*")
                    .hasMessageContaining("first failure: dataset 'sentences' row 5: ");
        }
    }

    @Test
    void outcomes_give_latency_per_example_and_the_error_rate_without_calling_the_endpoint_again() throws Exception {
        // batch rows 4-7 fails; the others take at least 20 ms
        try (TestServer server = LanguageServer.start(id -> id.equals("touchstone-4")
                ? Reply.status(400, "{\"error\":\"bad\"}") : null)) {
            OpenInferenceModel model = model(server);
            Dataset data = sentences();

            assertThatThrownBy(() -> ModelAccess.predict(model, data, SETTINGS)).hasMessageContaining("4 of 10 examples failed: 4 × HTTP 400");
            EndpointOutcomes outcomes = model.outcomes(data, TouchstoneSettings.defaults());
            assertThatThrownBy(() -> ModelAccess.predict(model, data, SETTINGS)).hasMessageContaining("4 of 10 examples failed");

            assertThat(server.requestCount()).isEqualTo(2 + 3);
            assertThat(outcomes.examples()).isEqualTo(10);
            assertThat(outcomes.failed()).isEqualTo(4);
            assertThat(outcomes.errorRate()).isEqualTo(0.4);
            assertThat(outcomes.requests()).isEqualTo(3);
            assertThat(outcomes.endpoint()).isEqualTo(server.base() + "/v2/models/lang");
            long[] latency = outcomes.latencyNanos();
            assertThat(latency[0]).isPositive().isEqualTo(latency[3]);         // one batch, one request
            assertThat(latency[4]).isEqualTo(-1);
            assertThat(outcomes.failures()[4].cause()).isEqualTo("HTTP 400");
            assertThat(outcomes.failures()[0]).isNull();
            assertThat(outcomes.successfulLatencyNanos()).hasSize(6);
            assertThat(outcomes.examplesPerSecond()).isPositive();
            assertThat(outcomes.wallNanos()).isGreaterThanOrEqualTo(latency[0]);
        }
    }

    @Test
    void a_version_goes_into_every_path() throws Exception {
        try (TestServer server = LanguageServer.start()) {
            ModelAccess.predict(model(server).version("2").batchSize(32), sentences(), SETTINGS);

            assertThat(server.requests).extracting(TestServer.Request::path).containsExactly(
                    "/v2/health/ready", "/v2/models/lang/versions/2", "/v2/models/lang/versions/2/infer");
        }
    }

    @Test
    void a_server_that_is_not_ready_is_named_in_the_error() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.status(503, "{\"error\":\"loading\"}"))) {
            assertThatThrownBy(() -> ModelAccess.predict(model(server), sentences(), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("endpoint " + server.base() + "/v2/health/ready is not ready: HTTP 503 after 1 retry "
                            + "(body '{\"error\":\"loading\"}') (model 'lang')");
        }
    }

    @Test
    void a_server_that_cannot_be_reached_is_named_in_the_error() throws Exception {
        TestServer server = LanguageServer.start();
        server.stop();
        assertThatThrownBy(() -> ModelAccess.predict(model(server), sentences(), SETTINGS))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("endpoint " + server.base() + "/v2/health/ready is not ready: connection refused");
    }

    @Test
    void unknown_model_and_tensor_names_fail_before_any_inference_with_the_known_names() throws Exception {
        try (TestServer server = LanguageServer.start()) {
            assertThatThrownBy(() -> ModelAccess.predict(model(server).input("txt", "sentence"), sentences(), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("model 'lang' at " + server.base() + "/v2/models/lang has no input tensor 'txt'; "
                            + "its inputs are [text]");
            assertThatThrownBy(() -> ModelAccess.predict(model(server).labelOutput("class"), sentences(), SETTINGS))
                    .hasMessage("model 'lang' at " + server.base() + "/v2/models/lang has no output tensor 'class'; "
                            + "its outputs are [label, score]");
            assertThatThrownBy(() -> ModelAccess.predict(Model.openInference(server.base(), "langx").input("text", "sentence")
                    .labelOutput("label").retries(0), sentences(), SETTINGS))
                    .hasMessageStartingWith("cannot read the metadata of model 'langx' at " + server.base()
                            + "/v2/models/langx: HTTP 404");
            assertThat(server.requests).noneMatch(r -> r.path().endsWith("/infer"));
        }
    }

    @Test
    void a_text_column_for_a_numeric_tensor_fails_early() throws Exception {
        try (TestServer server = publishedServer("{}")) {
            assertThatThrownBy(() -> ModelAccess.predict(Model.openInference(server.base(), "mymodel").input("input0", "sentence")
                    .labelOutput("output0"), sentences(), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageEndingWith(": input 'input0' is UINT32, but column 'sentence' is text");
        }
    }

    @Test
    void configuration_mistakes_fail_with_what_to_call() {
        OpenInferenceModel bare = Model.openInference("http://127.0.0.1:9", "m");
        assertThatThrownBy(() -> ModelAccess.predict(bare, sentences(), SETTINGS))
                .hasMessage("model 'm' at http://127.0.0.1:9/v2/models/m: no input tensor; call .input(\"tensor\", \"column\")");
        assertThatThrownBy(() -> ModelAccess.predict(bare.input("text", "sentence"), sentences(), SETTINGS))
                .hasMessage("model 'm' at http://127.0.0.1:9/v2/models/m: no label output; call .labelOutput(\"output\")");
        assertThatThrownBy(() -> ModelAccess.predict(bare.input("text", "sentnce").labelOutput("l"), sentences(), SETTINGS))
                .hasMessageContaining("input 'text' reads column 'sentnce', but dataset 'sentences' has no such column; "
                        + "the columns are [sentence, language]");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openInference(System.getProperty("no.such"), "m"))
                .withMessage("Model.openInference: an endpoint URL is required but was null (is the property or "
                        + "variable that should hold it set?)");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openInference("localhost:8080", "m"))
                .withMessageContaining("needs http:// or https://");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openInference("http://u:pw@host", "m"))
                .withMessageContaining("must not carry credentials");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.batchSize(0));
        assertThatIllegalArgumentException().isThrownBy(() -> bare.concurrency(0));
        assertThatIllegalArgumentException().isThrownBy(() -> bare.input("t", "a").input("t", "b"))
                .withMessage("input tensor 't' is already set (to column 'a')");
    }

    @Test
    void copies_are_independent() {
        OpenInferenceModel base = Model.openInference("http://127.0.0.1:9", "m");
        OpenInferenceModel tuned = base.concurrency(3).timeout(Duration.ofSeconds(1));
        assertThat(base.options().concurrency()).isEqualTo(8);
        assertThat(base.options().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(tuned.options().concurrency()).isEqualTo(3);
        assertThat(Set.of(base.endpoint(), tuned.version("7").endpoint()))
                .containsExactlyInAnyOrder("http://127.0.0.1:9/v2/models/m", "http://127.0.0.1:9/v2/models/m/versions/7");
    }
}
