package dev.touchstone.model.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.config.Secret;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.internal.Progress;
import dev.touchstone.model.HttpJsonModel;
import dev.touchstone.model.Model;
import dev.touchstone.model.endpoint.TestServer.Reply;
import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.model.internal.Predictions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real servers that echo the bearer token in each form a server may use (issue 12, item 1):
 * escaped as PHP's json_encode does ({@code \/}), as unicode escapes, URL-encoded, as HTML
 * references, base64-encoded, or cut by a character. No form reaches an exception, a stack
 * trace, the console, a predicted label or the response cache.
 */
class EchoedSecretTest {

    /** A token with the characters that encodings change: '/', '+' and '='. */
    static final String TOKEN = "tk/9f8e+7d6c=5b4a/very-secret";

    @TempDir
    Path dir;

    static Stream<String> forms() {
        return SecretForms.of(TOKEN).keySet().stream();
    }

    /** The form of the token that the request's Authorization header carried. */
    static String echo(TestServer.Request request, String form) {
        String token = request.authorization().substring("Bearer ".length());
        return SecretForms.of(token).get(form).replace("\"", "\\\"");
    }

    static HttpJsonModel model(TestServer server) {
        return Model.http(server.base() + "/predict").named("echo")
                .body("{\"text\": \"${sentence}\"}")
                .label("/prediction/label")
                .bearerToken(Secret.of(TOKEN))
                .retries(1)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void a_failing_server_that_echoes_the_token_leaves_no_trace_of_it(String form) throws Exception {
        List<String> texts = new ArrayList<>();
        Consumer<String> previousProgress = Progress.redirect(texts::add);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try (TestServer unauthorized = TestServer.start(r -> Reply.status(401,
                "{\"error\":\"token '" + echo(r, form) + "' is not valid\"}"));
             TestServer failing = TestServer.start(r -> Reply.status(503, "upstream said: " + echo(r, form)));
             TestServer malformed = TestServer.start(r -> Reply.ok("not json: " + echo(r, form)))) {
            for (TestServer server : List.of(unauthorized, failing, malformed)) {
                Throwable thrown = null;
                try {
                    dev.touchstone.Touchstone.assertThat(model(server)).on(HttpJsonModelTest.data()).overall()
                            .accuracy().isAbove(0.5);
                } catch (Throwable t) {
                    thrown = t;
                }
                assertThat(thrown).isNotNull();
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
                assertThat(server.requests).isNotEmpty().allMatch(r -> r.authorization().equals("Bearer " + TOKEN));
            }
        } finally {
            Progress.redirect(previousProgress);
            System.setOut(out);
            System.setErr(err);
        }
        texts.add(console.toString(StandardCharsets.UTF_8));
        assertThat(texts.get(0)).contains("HTTP 401", "token '***' is not valid");
        assertThat(texts.get(1)).contains("HTTP 503", "upstream said: ***");
        assertThat(texts.get(2)).contains("malformed JSON", "not json: ***");
        assertNoTrace(texts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void a_successful_response_that_echoes_the_token_is_never_cached(String form) throws Exception {
        TouchstoneSettings cached = TouchstoneSettings.defaults().withCacheDirectory(dir);
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"prediction\":{\"label\":\"en\"},\"debug\":\""
                + echo(r, form) + "\"}"))) {
            ModelAccess.predict(model(server), HttpJsonModelTest.data(), cached);
            int first = server.requestCount();
            ModelAccess.predict(model(server), HttpJsonModelTest.data(), cached);

            assertThat(first).isPositive();
            assertThat(server.requestCount()).as("nothing was cached: every request is sent again")
                    .isEqualTo(2 * first);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> stored = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                stored.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            assertThat(stored).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void a_label_that_echoes_the_token_is_blanked(String form) throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"prediction\":{\"label\":\"you sent "
                + echo(r, form) + "\"}}"))) {
            Predictions predictions = ModelAccess.predict(model(server), HttpJsonModelTest.data(),
                    TouchstoneSettings.defaults());
            List<String> labels = new ArrayList<>();
            for (int row = 0; row < predictions.predicted().size(); row++) {
                labels.add(predictions.predicted().text(row));
            }
            assertThat(labels).isNotEmpty().allMatch(label -> label.equals("you sent ***"));
        }
    }

    private static void assertNoTrace(List<String> texts) {
        for (String text : texts) {
            for (Map.Entry<String, String> trace : SecretForms.traces(TOKEN).entrySet()) {
                assertThat(text).as("no %s of the token", trace.getKey()).doesNotContain(trace.getValue());
            }
        }
    }

}
