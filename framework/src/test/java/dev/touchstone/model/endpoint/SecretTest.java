package dev.touchstone.model.endpoint;

import dev.touchstone.model.endpoint.internal.Outcome;

import dev.touchstone.model.endpoint.internal.EndpointClient;

import dev.touchstone.model.endpoint.internal.Call;

import dev.touchstone.config.Secret;

import dev.touchstone.model.internal.ModelAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.internal.Progress;
import dev.touchstone.internal.json.Json;
import dev.touchstone.model.HttpJsonModel;
import dev.touchstone.model.Model;
import dev.touchstone.model.OpenInferenceModel;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Credentials reach the server and nothing else: no message, exception, log line or result. */
class SecretTest {

    /** The settings of a plain JUnit test: defaults, no response cache. */
    static final TouchstoneSettings SETTINGS = TouchstoneSettings.defaults();

    static final String TOKEN = "tk-9f8e7d6c5b4a-very-secret";
    static final String API_KEY = "key-0123456789-also-secret";

    @Test
    void a_secret_prints_as_stars() {
        assertThat(Secret.of(TOKEN)).hasToString("***");
        assertThat(Secret.env("PATH")).hasToString("***");
        assertThat(Secret.systemProperty("user.home")).hasToString("***");
        assertThat(EndpointOptions.defaults().withBearerToken(Secret.of(TOKEN)).withHeader("X-Api-Key", Secret.of(API_KEY))
                .toString()).doesNotContain(TOKEN, API_KEY).contains("Authorization", "X-Api-Key", "***");
        assertThat(Model.openInference("http://127.0.0.1:9", "m").bearerToken(Secret.of(TOKEN)).toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void a_missing_secret_names_where_it_should_come_from_when_the_model_runs() {
        String variable = "TOUCHSTONE_TEST_SURELY_UNSET_" + System.nanoTime();
        OpenInferenceModel model = Model.openInference("http://127.0.0.1:9", "m").input("text", "sentence")
                .labelOutput("label").bearerToken(Secret.env(variable));

        assertThatThrownBy(() -> ModelAccess.predict(model, OpenInferenceModelTest.sentences(), SETTINGS))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("a credential is not set: environment variable '" + variable + "' is undefined");
    }

    @Test
    void a_system_property_secret_is_read_when_the_request_is_sent() throws Exception {
        String property = "touchstone.test.token." + System.nanoTime();
        Secret secret = Secret.systemProperty(property);
        System.setProperty(property, TOKEN);
        try (TestServer server = LanguageServer.start()) {
            ModelAccess.predict(OpenInferenceModelTest.model(server).bearerToken(secret), OpenInferenceModelTest.sentences(), SETTINGS);
            assertThat(server.requests).allMatch(r -> r.authorization().equals("Bearer " + TOKEN));
        } finally {
            System.clearProperty(property);
        }
    }

    /**
     * Servers that echo the credentials back in their error bodies (401, 500, malformed JSON):
     * every text a failing run produces is captured, and none holds the secret.
     */
    @Test
    void no_text_of_a_failing_run_contains_the_secret() throws Exception {
        List<String> texts = new ArrayList<>();
        Consumer<String> previousProgress = Progress.redirect(texts::add);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try (TestServer unauthorized = TestServer.start(r -> r.path().endsWith("/infer")
                ? Reply.status(401, "{\"error\":\"token '" + r.authorization() + "' is not valid\"}")
                : r.path().equals("/v2/health/ready") ? Reply.status(200, "") : Reply.ok(LanguageServer.METADATA));
             TestServer failing = TestServer.start(r -> Reply.status(500,
                     "{\"error\":\"boom\",\"request_headers\":{\"Authorization\":\"" + r.authorization() + "\"}}"));
             TestServer echoing = TestServer.start(r -> Reply.ok("not json, your key was " + r.authorization()))) {

            OpenInferenceModel first = OpenInferenceModelTest.model(unauthorized).bearerToken(Secret.of(TOKEN));
            OpenInferenceModel second = OpenInferenceModelTest.model(failing).bearerToken(Secret.of(TOKEN))
                    .header("X-Api-Key", Secret.of(API_KEY));
            HttpJsonModel third = Model.http(echoing.base() + "/predict").body("{\"text\": \"${sentence}\"}")
                    .label("/label").bearerToken(Secret.of(TOKEN)).retries(1)
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(5));

            for (Model model : List.of(first, second, third)) {
                Throwable thrown = null;
                try {
                    dev.touchstone.Touchstone.assertThat(model).on(OpenInferenceModelTest.sentences()).overall()
                            .accuracy().isAbove(0.5);
                } catch (Throwable t) {
                    thrown = t;
                }
                assertThat(thrown).as(model.toString()).isInstanceOf(QualityConfigurationException.class);
                texts.add(String.valueOf(thrown));
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
                texts.add(model.toString());
            }
            // and the raw outcomes of the client
            EndpointClient client = new EndpointClient(EndpointOptions.defaults().withRetries(0)
                    .withBearerToken(Secret.of(TOKEN)));
            for (Outcome<Object> o : client.run("echo", List.of(new Call<>(failing.uri("/x"), "{}", 1, Json::parse),
                    new Call<>(echoing.uri("/x"), "{}", 1, Json::parse)), 1L)) {
                texts.add(o.toString());
            }

            // the servers did receive the credentials...
            assertThat(unauthorized.requests).allMatch(r -> r.authorization().equals("Bearer " + TOKEN));
            assertThat(failing.requests).isNotEmpty().allMatch(r -> r.authorization().equals("Bearer " + TOKEN));
            // ...the messages name the causes, with the echoed secrets blanked out...
            assertThat(texts.get(0)).contains("10 of 10 examples failed: 10 × HTTP 401", "token '***' is not valid");
            assertThat(texts.get(3)).contains("HTTP 500 after 1 retry", "\"Authorization\":\"***\"");
            assertThat(texts.get(6)).contains("10 × malformed JSON", "your key was ***");
        } finally {
            Progress.redirect(previousProgress);
            System.setOut(out);
            System.setErr(err);
        }
        texts.add(console.toString(StandardCharsets.UTF_8));
        // ...and no text holds either secret
        assertThat(texts).hasSizeGreaterThan(9).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN, API_KEY));
    }
}
