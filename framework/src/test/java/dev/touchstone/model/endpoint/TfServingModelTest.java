package dev.touchstone.model.endpoint;

import dev.touchstone.config.Secret;

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
import dev.touchstone.model.TfServingModel;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code Model.tfServing} against the published examples and a real local server. */
class TfServingModelTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    static final String TOKEN = "tfs-5a4b3c2d1e-very-secret";

    static String resource(String name) throws IOException {
        return OpenInferenceModelTest.resource("tfserving/" + name);
    }

    /** A server whose model {@code name} is AVAILABLE and answers predict with {@code predict}. */
    static TestServer server(String name, TestServer.Handler predict) throws IOException {
        String status = resource("model-status.json");
        return TestServer.start(r -> {
            if (r.method().equals("GET") && (r.path().equals("/v1/models/" + name)
                    || r.path().startsWith("/v1/models/" + name + "/versions/"))) {
                return Reply.ok(status);
            }
            if (r.method().equals("POST") && r.path().startsWith("/v1/models/" + name) && r.path().endsWith(":predict")) {
                return predict.handle(r);
            }
            return Reply.status(404, "{\"error\":\"no route " + r.path() + "\"}");
        });
    }

    /**
     * The language classifier as TF Serving would serve it: instances are sentences, predictions
     * are probability vectors over [fr, en] ("the" in the text means en).
     */
    static TestServer languageServer() throws IOException {
        return server("lang", r -> {
            List<?> instances = (List<?>) Json.at(Json.parse(r.body()), "/instances");
            List<String> predictions = new ArrayList<>();
            for (Object instance : instances) {
                predictions.add(((String) instance).contains("the") ? "[0.1, 0.9]" : "[0.7, 0.3]");
            }
            return Reply.ok("{\"predictions\": " + predictions + "}");
        });
    }

    static TfServingModel model(TestServer server) {
        return Model.tfServing(server.base(), "lang")
                .input("text", "sentence")
                .labelFromClasses(List.of("fr", "en"))
                .batchSize(4)
                .timeout(Duration.ofSeconds(2))
                .retries(1)
                .backoff(Duration.ofMillis(2), Duration.ofMillis(10));
    }

    static Dataset numbers(double... xs) {
        DatasetBuilder b = Dataset.builder("numbers").columns("x", "label");
        for (double x : xs) {
            b.row(x, "1");
        }
        return b.build().withLabel("label");
    }

    @Test
    void the_published_half_plus_two_example_request_and_response() throws Exception {
        try (TestServer server = server("half_plus_two", r -> Reply.ok(resource("predict-response.json")))) {
            TfServingModel model = Model.tfServing(server.base() + "/", "half_plus_two").input("x", "x");

            List<String> labels = OpenAiChatModelTest.labels(ModelAccess.predict(model, numbers(1.0, 2.0, 5.0), SETTINGS));

            // the published predictions [2.5, 3.0, 4.5] are scalars: each is the label
            assertThat(labels).containsExactly("2.5", "3", "4.5");
            assertThat(server.requests).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("GET /v1/models/half_plus_two", "POST /v1/models/half_plus_two:predict");
            // the request is the published one: {"instances": [1.0, 2.0, 5.0]}, bare values for one input
            Object sent = Json.parse(server.requests.get(1).body());
            Object published = Json.parse(resource("predict-request.json"));
            assertThat(((Map<?, ?>) sent).keySet()).isEqualTo(((Map<?, ?>) published).keySet());
            assertThat(doubles(Json.at(sent, "/instances"))).isEqualTo(doubles(Json.at(published, "/instances")));
        }
    }

    private static List<Double> doubles(Object list) {
        return ((List<?>) list).stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    @Test
    void several_inputs_make_instances_objects_of_named_inputs_like_the_published_row_format() throws Exception {
        try (TestServer server = server("tagger", r -> Reply.ok("{\"predictions\": [\"a\", \"b\"]}"))) {
            Dataset data = Dataset.builder("signals").columns("t", "s", "label")
                    .row("foo", 1.5, "a").row("say \"bar\"", 3, "b").build().withLabel("label");
            ModelAccess.predict(Model.tfServing(server.base(), "tagger").input("tag", "t").input("signal", "s"), data, SETTINGS);

            Object sent = Json.parse(server.requests.get(1).body());
            Map<?, ?> publishedInstance = (Map<?, ?>) Json.at(Json.parse(resource("predict-request-named.json")),
                    "/instances/0");
            assertThat((List<?>) Json.at(sent, "/instances")).hasSize(2);
            List<Object> keys = List.copyOf(((Map<?, ?>) Json.at(sent, "/instances/0")).keySet());
            assertThat(keys).containsExactly("tag", "signal").isSubsetOf(publishedInstance.keySet());
            assertThat(Json.at(sent, "/instances/0")).isEqualTo(Map.of("tag", "foo", "signal", 1.5));
            assertThat(Json.at(sent, "/instances/1")).isEqualTo(Map.of("tag", "say \"bar\"", "signal", 3L));
        }
    }

    @Test
    void probability_vectors_give_the_argmax_class() throws Exception {
        try (TestServer server = server("m", r -> Reply.ok(resource("predict-response-probabilities.json")))) {
            List<String> labels = OpenAiChatModelTest.labels(ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x")
                    .labelFromClasses(List.of("neg", "neutral", "pos")), numbers(1, 2, 3), SETTINGS));

            assertThat(labels).containsExactly("neutral", "neg", "pos");
        }
    }

    @Test
    void named_outputs_give_label_and_score() throws Exception {
        try (TestServer server = server("spam", r -> Reply.ok(resource("predict-response-named.json")))) {
            var predictions = ModelAccess.predict(Model.tfServing(server.base(), "spam").input("x", "x")
                    .labelOutput("class").scoreOutput("probability"), numbers(1, 2), SETTINGS);

            assertThat(OpenAiChatModelTest.labels(predictions)).containsExactly("spam", "ham");
            assertThat(predictions.scoreColumn()).isPresent();
            assertThat(((dev.touchstone.data.table.NumericColumn) predictions.scoreColumn().get()).value(0)).isEqualTo(0.93);
            assertThat(((dev.touchstone.data.table.NumericColumn) predictions.scoreColumn().get()).value(1)).isEqualTo(0.08);
        }
    }

    @Test
    void rows_are_batched_and_judged_like_any_model() throws Exception {
        try (TestServer server = languageServer()) {
            TfServingModel model = model(server);
            Dataset data = OpenInferenceModelTest.sentences();

            assertThat(assertThat(model).on(data).overall().accuracy().actual().value()).isEqualTo(0.8);
            assertThat(model.outcomes(data, TouchstoneSettings.defaults()).requests()).isEqualTo(3);
            assertThat(model.outcomes(data, TouchstoneSettings.defaults()).failed()).isZero();
            // status once, then ceil(10 / 4) = 3 predict requests, once for all statements
            assertThat(server.requests).extracting(r -> r.method() + " " + r.path()).containsExactlyInAnyOrder(
                    "GET /v1/models/lang", "POST /v1/models/lang:predict", "POST /v1/models/lang:predict",
                    "POST /v1/models/lang:predict");
            assertThat(server.requests).filteredOn(r -> r.method().equals("POST"))
                    .extracting(r -> ((List<?>) Json.at(Json.parse(r.body()), "/instances")).size())
                    .containsExactlyInAnyOrder(4, 4, 2);
        }
    }

    @Test
    void a_version_goes_into_every_path() throws Exception {
        try (TestServer server = languageServer()) {
            ModelAccess.predict(model(server).version("3").batchSize(32), OpenInferenceModelTest.sentences(), SETTINGS);

            assertThat(server.requests).extracting(TestServer.Request::path)
                    .containsExactly("/v1/models/lang/versions/3", "/v1/models/lang/versions/3:predict");
        }
    }

    @Test
    void a_model_the_server_does_not_have_fails_naming_the_endpoint_and_the_servers_error() throws Exception {
        String error = resource("error-response.json").strip();
        try (TestServer server = TestServer.start(r -> Reply.status(404, error))) {
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "missing").input("x", "x"), numbers(1), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("cannot read the status of model 'missing' at " + server.base() + "/v1/models/missing: "
                            + "HTTP 404 (body '" + error + "')");
        }
    }

    @Test
    void a_model_without_an_available_version_fails_with_its_states() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"model_version_status\": [{\"version\": \"2\", "
                + "\"state\": \"LOADING\", \"status\": {\"error_code\": \"OK\", \"error_message\": \"\"}}]}"))) {
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x"), numbers(1), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("model 'm' at " + server.base() + "/v1/models/m has no AVAILABLE version; "
                            + "its versions are [version 2: LOADING]");
        }
    }

    @Test
    void predict_errors_are_recorded_per_example_with_the_servers_message() throws Exception {
        AtomicInteger predicts = new AtomicInteger();
        try (TestServer server = server("lang", r -> switch (predicts.getAndIncrement()) {
            case 0 -> Reply.status(400, "{ \"error\": \"Failed to process element: 0 key: text of 'instances' list\" }");
            case 1 -> Reply.status(500, "{\"error\": \"transient\"}");
            default -> Reply.ok("{\"predictions\": [[0.1, 0.9], [0.2, 0.8], [0.3, 0.7], [0.4, 0.6]]}");
        })) {
            // concurrency 1: batch 0-3 gets the 400 (not retried), batch 4-7 the 500 then a retry that
            // succeeds; batch 8-9 gets 4 predictions for 2 instances
            TfServingModel model = model(server).concurrency(1);
            Dataset data = OpenInferenceModelTest.sentences();

            assertThatThrownBy(() -> ModelAccess.predict(model, data, SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'lang' at " + server.base() + "/v1/models/lang: 6 of 10 examples "
                            + "failed: 4 × HTTP 400, 2 × unexpected response; first failure: dataset 'sentences' row 1: "
                            + "HTTP 400 (body '{ \"error\": \"Failed to process element: 0 key: text of 'instances' "
                            + "list\" }')")
                    .hasMessageNotContaining("transient");
            EndpointOutcomes outcomes = model.outcomes(data, TouchstoneSettings.defaults());
            assertThat(outcomes.failures()[4]).isNull();
            assertThat(outcomes.failures()[8].detail()).startsWith("4 predictions for 2 instances");
            assertThat(predicts.get()).isEqualTo(4);
        }
    }

    @Test
    void an_error_body_with_status_200_is_a_failure_with_its_message() throws Exception {
        try (TestServer server = server("m", r -> Reply.ok("{\"error\": \"Tensor name: x has no shape\"}"))) {
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x"), numbers(1, 2), SETTINGS))
                    .hasMessageContaining("2 of 2 examples failed: 2 × error response; first failure: "
                            + "dataset 'numbers' row 1: error response (the server reported: Tensor name: x has no shape");
        }
    }

    @Test
    void predictions_of_the_wrong_form_name_the_configuration_that_expected_them() throws Exception {
        try (TestServer server = server("m", r -> Reply.ok(resource("predict-response-probabilities.json")))) {
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x")
                    .labelFromClasses(List.of("a", "b")), numbers(1, 2, 3), SETTINGS))
                    .hasMessageContaining("prediction 0 is an array of 3, not a vector of 2 class probabilities [a, b]");
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x"), numbers(1, 2, 3), SETTINGS))
                    .hasMessageContaining("prediction 0 is an array of 3, not a class; for probability vectors use "
                            + "labelFromClasses(..)");
            assertThatThrownBy(() -> ModelAccess.predict(Model.tfServing(server.base(), "m").input("x", "x").labelOutput("class"), numbers(1, 2, 3), SETTINGS))
                    .hasMessageContaining("prediction 0 is an array, not an object of named outputs (labelOutput 'class')");
        }
    }

    @Test
    void configuration_mistakes_fail_early_and_clearly() throws Exception {
        TfServingModel bare = Model.tfServing("http://127.0.0.1:9", "m");
        assertThatThrownBy(() -> ModelAccess.predict(bare, numbers(1), SETTINGS)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("model 'm' at http://127.0.0.1:9/v1/models/m: no input; call .input(\"name\", \"column\")");
        assertThatThrownBy(() -> ModelAccess.predict(bare.input("x", "y"), numbers(1), SETTINGS))
                .hasMessage("model 'm' at http://127.0.0.1:9/v1/models/m: input 'x' reads column 'y', but dataset "
                        + "'numbers' has no such column; the columns are [x, label]");
        assertThatThrownBy(() -> ModelAccess.predict(bare.input("x", "x").scoreOutput("p"), numbers(1), SETTINGS))
                .hasMessageContaining("a score output ('p') needs a label output");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.labelOutput("c").labelFromClasses(List.of("a", "b")))
                .withMessageContaining("use either labelOutput(..) or labelFromClasses(..)");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.labelFromClasses(List.of("a", "b")).labelOutput("c"))
                .withMessageContaining("use either labelOutput(..) or labelFromClasses(..)");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.labelFromClasses(List.of("a")))
                .withMessageContaining("at least two class names");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.labelFromClasses(List.of("a", "b", "a")))
                .withMessageContaining("class 'a' appears twice");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.version("latest"))
                .withMessageContaining("a TensorFlow Serving version is a number");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.input("x", "x").input("x", "z"))
                .withMessageContaining("input 'x' is already set (to column 'x')");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.tfServing("localhost:8501", "m"))
                .withMessageContaining("needs http:// or https://");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.tfServing("http://u:p@host:8501", "m"))
                .withMessageContaining("must not carry credentials");
        assertThat(bare.version("7").endpoint()).isEqualTo("http://127.0.0.1:9/v1/models/m/versions/7");
    }

    @Test
    void the_token_reaches_the_server_and_no_message() throws Exception {
        try (TestServer server = server("lang", r -> Reply.status(401, "{\"error\": \"token '" + r.authorization()
                + "' is not valid\"}"))) {
            TfServingModel model = model(server).bearerToken(Secret.of(TOKEN));

            assertThat(model.toString()).doesNotContain(TOKEN);
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ModelAccess.predict(model, 
                    OpenInferenceModelTest.sentences(), SETTINGS));
            assertThat(thrown).isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("10 of 10 examples failed: 10 × HTTP 401", "token '***' is not valid");
            assertThat(String.valueOf(thrown)).doesNotContain(TOKEN);
            assertThat(server.requests).isNotEmpty().allMatch(r -> r.authorization().equals("Bearer " + TOKEN));
        }
    }
}
