package dev.touchstone.model.endpoint;

import dev.touchstone.config.Secret;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.Model;
import dev.touchstone.model.OpenAiChatModel;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code Model.openAiChat} against a real local server that answers like a chat completions API. */
class OpenAiChatModelTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    static final String API_KEY = "sk-proj-0a1b2c3d4e5f-very-secret";

    static String resource(String name) throws IOException {
        return OpenInferenceModelTest.resource("openai/" + name);
    }

    /** The documented chat completion object, with {@code content} as the answer. */
    static String completion(String content) throws IOException {
        String published = resource("chat-response.json");
        return published.replace("\"\\n\\nHello there, how may I assist you today?\"", Json.quote(content));
    }

    /** The user message of a request the server received. */
    static String prompt(TestServer.Request r) throws JsonFormatException {
        return (String) Json.at(Json.parse(r.body()), "/messages/1/content");
    }

    /** A server whose "model" answers {@code answer.apply(prompt)} on /v1/chat/completions. */
    static TestServer server(Function<String, String> answer) throws IOException {
        return TestServer.start(r -> r.path().equals("/v1/chat/completions")
                ? Reply.ok(completion(answer.apply(prompt(r))))
                : Reply.status(404, "{\"error\":{\"message\":\"not found\"}}"));
    }

    /** A chatty language detector: "the" means English. */
    static String chatty(String prompt) {
        return prompt.contains("the") ? "  The language is: English.\n" : "The language is: French!";
    }

    static OpenAiChatModel model(TestServer server) {
        return Model.openAiChat(server.base(), "llama3.2")
                .system("Name the language of the sentence.")
                .prompt("Sentence: ${sentence}")
                .retries(1)
                .backoff(Duration.ofMillis(2), Duration.ofMillis(10));
    }

    /** The predicted label of every row, in row order. */
    static List<String> labels(dev.touchstone.model.internal.Predictions predictions) {
        var column = predictions.predicted();
        return java.util.stream.IntStream.range(0, column.size()).mapToObj(column::text).toList();
    }

    static Dataset sentences() {
        return OpenInferenceModelTest.sentences();
    }

    @Test
    void requests_have_the_documented_form_and_the_answer_is_read_from_the_documented_response() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok(resource("chat-response.json")))) {
            var labels = labels(ModelAccess.predict(Model.openAiChat(server.base(), "gpt-4o").system("You are a helpful assistant.")
                    .prompt("${sentence}"), sentences(), SETTINGS));

            // choices[0].message.content, trimmed
            assertThat(labels).hasSize(10).containsOnly("Hello there, how may I assist you today?");
            assertThat(server.requests).hasSize(10).allMatch(r -> r.method().equals("POST")
                    && r.path().equals("/v1/chat/completions"));
            Object published = Json.parse(resource("chat-request.json"));
            Object sent = Json.parse(server.requests.stream().filter(r -> r.body().contains("bonne nuit"))
                    .findFirst().orElseThrow().body());
            assertThat(((Map<?, ?>) sent).keySet()).isEqualTo(((Map<?, ?>) published).keySet());
            assertThat(sent).isEqualTo(Map.of("model", "gpt-4o", "temperature", 0L, "messages", List.of(
                    Map.of("role", "system", "content", "You are a helpful assistant."),
                    Map.of("role", "user", "content", "bonne nuit"))));
            assertThat(Json.at(published, "/messages/0/role")).isEqualTo("system");
            assertThat(Json.at(published, "/messages/1/role")).isEqualTo("user");
        }
    }

    @Test
    void without_a_system_message_only_the_user_message_is_sent_and_values_are_escaped() throws Exception {
        try (TestServer server = server(p -> "en")) {
            ModelAccess.predict(Model.openAiChat(server.base() + "/v1/", "m").prompt("Say \"${language}\": ${sentence}"), sentences(), SETTINGS);

            // a base URL ending in /v1 is not repeated
            assertThat(server.requests).allMatch(r -> r.path().equals("/v1/chat/completions"));
            Object sent = Json.parse(server.requests.stream().filter(r -> r.body().contains("quoted"))
                    .findFirst().orElseThrow().body());
            assertThat(Json.at(sent, "/messages")).isEqualTo(List.of(
                    Map.of("role", "user", "content", "Say \"en\": I like \"quoted\" words")));
        }
    }

    @Test
    void a_regex_capture_maps_a_chatty_answer_to_a_label_and_the_model_is_judged_like_any_other() throws Exception {
        try (TestServer server = server(OpenAiChatModelTest::chatty)) {
            OpenAiChatModel model = model(server).capture("language is: (\\w+)")
                    .labels(List.of("English", "French"));
            Dataset data = sentences().withPositiveClass("en");

            var labels = labels(ModelAccess.predict(model, data, SETTINGS));
            assertThat(labels).containsExactly("English", "French", "English", "French", "French", "English",
                    "French", "English", "French", "English");
            assertThat(server.requests).hasSize(10);   // one request per row
            assertThat(model.outcomes(data, TouchstoneSettings.defaults()).failed()).isZero();
        }
    }

    @Test
    void normalised_answers_match_labels_in_normalised_form_and_take_the_labels_spelling() throws Exception {
        try (TestServer server = server(p -> p.contains("the") ? " EN. " : "fr!")) {
            OpenAiChatModel model = model(server).normalised().labels(List.of("en", "fr"));

            assertThat(assertThat(model).on(sentences()).overall().accuracy().actual().value()).isEqualTo(0.8);
        }
        try (TestServer server = server(p -> "The Answer: YES.")) {
            assertThat(ModelAccess.predict(model(server).normalised(), sentences(), SETTINGS).predicted().asCategorical().values())
                    .containsOnly("the answer yes");
            assertThat(ModelAccess.predict(model(server).exact(), sentences(), SETTINGS).predicted().asCategorical().values())
                    .containsOnly("The Answer: YES.");
        }
    }

    @Test
    void an_answer_the_pattern_does_not_match_is_a_recorded_failure_with_the_answer() throws Exception {
        try (TestServer server = server(p -> p.contains("the") ? "language is: en" : "I cannot tell, sorry.")) {
            OpenAiChatModel model = model(server).capture("language is: (\\w+)");
            Dataset data = sentences();

            assertThatThrownBy(() -> ModelAccess.predict(model, data, SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("model 'llama3.2' at " + server.base() + "/v1/chat/completions: 5 of 10 "
                            + "examples failed: 5 × answer did not match language is: (\\w+); first failure: dataset "
                            + "'sentences' row 2: answer did not match language is: (\\w+) (answer 'I cannot tell, sorry.'");
            EndpointOutcomes outcomes = model.outcomes(data, TouchstoneSettings.defaults());
            assertThat(outcomes.errorRate()).isEqualTo(0.5);
            assertThat(outcomes.failures()[0]).isNull();
            assertThat(outcomes.failures()[1].status()).isEqualTo(200);
            assertThat(outcomes.failures()[1].attempts()).isEqualTo(1);   // a bad answer is not retried
        }
    }

    @Test
    void an_answer_outside_the_labels_is_a_recorded_failure_not_a_new_class() throws Exception {
        String longAnswer = "Spanish, I think, although it could also be Catalan or maybe Portuguese; it is hard to "
                + "be sure from so few words";
        try (TestServer server = server(p -> p.contains("the") ? "en" : p.contains("nuit") ? longAnswer : "fr")) {
            OpenAiChatModel model = model(server).labels(List.of("en", "fr"));

            assertThatThrownBy(() -> ModelAccess.predict(model, sentences(), SETTINGS))
                    .hasMessageContaining("1 of 10 examples failed: 1 × answer not among the labels [en, fr]; first "
                            + "failure: dataset 'sentences' row 7: answer not among the labels [en, fr] (answer "
                            + "'Spanish, I think, although it could also be Catalan or maybe Portuguese; it is h…'");
        }
    }

    @Test
    void a_429_is_retried_after_retry_after_and_a_500_is_retried_then_reported() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String rateLimited = resource("error-response.json");
        try (TestServer server = TestServer.start(r -> calls.getAndIncrement() == 0
                ? Reply.status(429, rateLimited).header("Retry-After", "1")
                : Reply.ok(completion("en")))) {
            Dataset one = Dataset.builder("one").columns("sentence", "language").row("the end", "en").build()
                    .withLabel("language");
            OpenAiChatModel model = model(server).retries(2);

            assertThat(ModelAccess.predict(model, one, SETTINGS).predicted().asCategorical().values()).containsExactly("en");
            assertThat(server.requests).hasSize(2);
            long waited = server.requests.get(1).nanos() - server.requests.get(0).nanos();
            assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        AtomicInteger first = new AtomicInteger();
        try (TestServer server = TestServer.start(r -> prompt(r).contains("bonne nuit")
                ? Reply.status(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}")
                : prompt(r).contains("the end") && first.getAndIncrement() == 0
                        ? Reply.status(500, "{\"error\":{\"message\":\"warming up\"}}")
                        : Reply.ok(completion(chatty(prompt(r)))))) {
            OpenAiChatModel model = model(server).capture("is: (\\w+)");
            Dataset data = sentences();

            assertThatThrownBy(() -> ModelAccess.predict(model, data, SETTINGS))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("1 of 10 examples failed: 1 × HTTP 500 after 1 retry; first failure: "
                            + "dataset 'sentences' row 7: HTTP 500 after 1 retry (body '{\"error\":{\"message\":"
                            + "\"CUDA out of memory\"}}')");
            // "the end" failed once with a 500 and succeeded on its retry
            assertThat(model.outcomes(data, TouchstoneSettings.defaults()).failures()[5]).isNull();
            assertThat(server.requests).filteredOn(r -> r.body().contains("the end")).hasSize(2);
        }
    }

    @Test
    void configuration_mistakes_fail_early_and_a_missing_column_lists_the_columns() {
        OpenAiChatModel bare = Model.openAiChat("http://127.0.0.1:9", "m");
        assertThat(bare.name()).isEqualTo("m");
        assertThat(bare.endpoint()).isEqualTo("http://127.0.0.1:9/v1/chat/completions");
        assertThatThrownBy(() -> ModelAccess.predict(bare, sentences(), SETTINGS)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("model 'm' at http://127.0.0.1:9/v1/chat/completions: no prompt; call "
                        + ".prompt(\"... ${column} ...\")");
        assertThatThrownBy(() -> ModelAccess.predict(bare.prompt("Language of ${text}?"), sentences(), SETTINGS))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("model 'm' at http://127.0.0.1:9/v1/chat/completions: the prompt uses ${text}, but "
                        + "dataset 'sentences' has no such column; the columns are [sentence, language]");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.prompt("${sentence"))
                .withMessageContaining("unclosed placeholder");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.capture("no group"))
                .withMessageContaining("the capture pattern needs a group");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.capture("(unclosed"))
                .withMessageContaining("not a regular expression");
        assertThatIllegalArgumentException().isThrownBy(() -> bare.labels(List.of()))
                .withMessageContaining("at least one label");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openAiChat("http://127.0.0.1:9", " "))
                .withMessageContaining("a model name must not be blank");
    }

    /**
     * A server that echoes the API key in a 401 body, another that puts it into the answer: the
     * key reaches the servers, and no exception, stack trace, failure or toString holds it.
     */
    @Test
    void the_api_key_reaches_the_server_and_never_a_message() throws Exception {
        try (TestServer unauthorized = TestServer.start(r -> Reply.status(401, "{\"error\":{\"message\":\"Incorrect "
                + "API key provided: " + r.authorization() + "\",\"type\":\"invalid_request_error\"}}"));
             TestServer echoingWithKey = TestServer.start(r -> Reply.ok(completion("your key: "
                     + r.authorization().substring("Bearer ".length()))))) {
                StringBuilder texts = new StringBuilder();
                for (TestServer server : List.of(unauthorized, echoingWithKey)) {
                    OpenAiChatModel model = model(server).bearerToken(Secret.of(API_KEY)).labels(List.of("en", "fr"));
                    Dataset data = sentences();
                    Throwable thrown = catchThrowable(() -> assertThat(model).on(data).overall().accuracy()
                            .isAbove(0.5));
                    assertThat(thrown).isInstanceOf(QualityConfigurationException.class);
                    StringWriter trace = new StringWriter();
                    thrown.printStackTrace(new PrintWriter(trace));
                    texts.append(thrown).append('\n').append(trace).append('\n').append(model).append('\n')
                            .append(model.options()).append('\n');
                    for (Failure f : model.outcomes(data, TouchstoneSettings.defaults()).failures()) {
                        texts.append(f).append('\n');
                    }
                    assertThat(server.requests).isNotEmpty()
                            .allMatch(r -> r.authorization().equals("Bearer " + API_KEY));
                }
                assertThat(texts.toString()).contains("10 × HTTP 401", "Incorrect API key provided: ***",
                        "10 × answer not among the labels [en, fr]", "your key: ***")
                        .doesNotContain(API_KEY);
        }
    }
}
