package dev.touchstone.model.endpoint;

import dev.touchstone.model.internal.ModelAccess;
import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.HttpJsonModel;
import dev.touchstone.internal.json.Json;
import dev.touchstone.model.Model;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Model.http}: a request template over columns, JSON Pointers into the response. */
class HttpJsonModelTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    /** Answers {"prediction": {"label": "en"|"fr", "score": 0.9|0.2}} for {"text": ..., "n": ...}. */
    static TestServer server() throws Exception {
        return TestServer.start(r -> {
            Object text = Json.at(Json.parse(r.body()), "/text");
            if (!(text instanceof String s)) {
                return Reply.status(400, "{\"error\":\"no text\"}");
            }
            boolean en = s.contains("the");
            return Reply.ok("{\"prediction\":{\"label\":\"" + (en ? "en" : "fr") + "\",\"score\":" + (en ? 0.9 : 0.2)
                    + "},\"meta\":[{\"id\":" + Json.at(Json.parse(r.body()), "/n") + "}]}");
        });
    }

    static HttpJsonModel model(TestServer server) {
        return Model.http(server.base() + "/predict")
                .named("lang-json")
                .body("{\"text\": \"${sentence}\", \"n\": ${n}, \"lang\": ${language}}")
                .label("/prediction/label")
                .score("/prediction/score")
                .retries(1)
                .backoff(Duration.ofMillis(2), Duration.ofMillis(10));
    }

    static Dataset data() {
        var b = Dataset.builder("sentences").columns("sentence", "language", "n");
        int n = 0;
        for (String[] s : OpenInferenceModelTest.SENTENCES) {
            b.row(s[0], s[1], n++);
        }
        return b.build().withLabel("language").withPositiveClass("en");
    }

    @Test
    void one_request_per_row_with_escaped_values_and_the_label_and_score_from_pointers() throws Exception {
        try (TestServer server = server()) {
            HttpJsonModel model = model(server);
            Dataset data = data();

            assertThat(assertThat(model).on(data).overall().accuracy().actual().value()).isEqualTo(0.8);
            assertThat(ModelAccess.predict(model, data, SETTINGS).scoreColumn()).isPresent();
            assertThat(model.outcomes(data, TouchstoneSettings.defaults()).failed()).isZero();
            assertThat(java.util.Arrays.stream(model.outcomes(data, TouchstoneSettings.defaults()).successfulLatencyNanos())).hasSize(10).allMatch(x -> x > 0);

            assertThat(server.requests).hasSize(10);
            String quoted = server.requests.stream().map(TestServer.Request::body)
                    .filter(b -> b.contains("quoted")).findFirst().orElseThrow();
            assertThat(quoted).isEqualTo("{\"text\": \"I like \\\"quoted\\\" words\", \"n\": 4, \"lang\": \"en\"}");
            assertThat(Json.parse(quoted)).isEqualTo(Map.of("text", "I like \"quoted\" words", "n", 4L, "lang", "en"));
        }
    }

    @Test
    void pointers_may_index_arrays_and_numbers_become_labels() throws Exception {
        try (TestServer server = server()) {
            HttpJsonModel ids = model(server).label("/meta/0/id").score("/prediction/score");
            List<String> labels = ModelAccess.predict(ids, data(), SETTINGS).predicted().asCategorical().values();
            assertThat(labels).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
    }

    @Test
    void a_pointer_that_finds_nothing_fails_the_examples_with_the_pointer() throws Exception {
        try (TestServer server = server()) {
            assertThatThrownBy(() -> ModelAccess.predict(model(server).label("/prediction/class"), data(), SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'lang-json' at " + server.base() + "/predict: 10 of 10 examples failed: "
                            + "10 × unexpected response; first failure: dataset 'sentences' row 1: unexpected response "
                            + "(the label at /prediction/class is nothing, not a class");
        }
    }

    @Test
    void configuration_mistakes_fail_early() throws Exception {
        HttpJsonModel bare = Model.http("http://127.0.0.1:9/p");
        assertThat(bare.name()).isEqualTo("http://127.0.0.1:9/p");
        assertThatThrownBy(() -> ModelAccess.predict(bare, data(), SETTINGS)).hasMessageContaining("no request body");
        assertThatThrownBy(() -> ModelAccess.predict(bare.body("{}"), data(), SETTINGS)).hasMessageContaining("no label; call .label(");
        assertThatThrownBy(() -> ModelAccess.predict(bare.body("{\"t\": \"${sentense}\"}").label("/l"), data(), SETTINGS))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("the request body uses ${sentense}, but dataset 'sentences' has no such column");
        assertThatThrownBy(() -> ModelAccess.predict(bare.body("{\"t\": ${sentence}").label("/l"), data(), SETTINGS))
                .hasMessageContaining("the request body template does not give JSON for dataset 'sentences' row 1");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.label("prediction/label"))
                .withMessageContaining("not a JSON Pointer");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.body("{\"t\": \"${sentence"))
                .withMessageContaining("unclosed placeholder");
    }
}
