package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.sun.net.httpserver.HttpServer;
import dev.touchstone.engine.fixtures.SecretSpec;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A failing endpoint that echoes the bearer token in its error body, in each form a server may
 * use (issue 12, item 1): the token must not reach results.json, the Allure results, the console
 * or any test failure message (what Surefire writes to its XML and TXT reports), in any form.
 */
class SecretsStayOutOfReportsTest {

    /** With the characters that escapes and encodings change: '/', '+' and '='. */
    private static final String TOKEN = "tok/3f9a+SECRET=1c2d/zz";

    @TempDir
    Path dir;

    /** How a server may echo a secret; see the framework's SecretForms. */
    static Map<String, UnaryOperator<String>> forms() {
        Map<String, UnaryOperator<String>> forms = new LinkedHashMap<>();
        forms.put("raw", t -> t);
        forms.put("json \\/", t -> t.replace("/", "\\/"));
        forms.put("json \\u00xx", t -> t.chars().mapToObj(c -> String.format(Locale.ROOT, "\\u%04x", c))
                .collect(Collectors.joining()));
        forms.put("url", t -> URLEncoder.encode(t, StandardCharsets.UTF_8));
        forms.put("base64", t -> Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
        forms.put("base64 of user:token", t -> Base64.getEncoder().encodeToString(("user:" + t)
                .getBytes(StandardCharsets.UTF_8)));
        forms.put("minus its first character", t -> t.substring(1));
        forms.put("minus its last character", t -> t.substring(0, t.length() - 1));
        return forms;
    }

    static Stream<String> formNames() {
        return forms().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void a_token_echoed_by_a_failing_server_appears_nowhere(String form) throws Exception {
        UnaryOperator<String> encode = forms().get(form);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            String echo = "{\"error\":\"unauthorized: " + encode.apply(token) + "\"}";
            byte[] body = echo.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        List<byte[]> allure = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AllureLifecycle lifecycle = new AllureLifecycle(new AllureResultsWriter() {
            @Override
            public void write(TestResult result) {
                allure.add(String.valueOf(result.getStatusDetails() == null ? "" : result.getStatusDetails().getMessage()
                        + result.getStatusDetails().getTrace()).getBytes(StandardCharsets.UTF_8));
                result.getParameters().forEach(p -> allure.add(String.valueOf(p.getValue()).getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void write(TestResultContainer container) {
            }

            @Override
            public void write(String source, InputStream content) {
                try (content) {
                    allure.add(content.readAllBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        AllureLifecycle previous = Allure.getLifecycle();
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("secret.spec.url", "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty("secret.spec.token", TOKEN);
        try {
            Allure.setLifecycle(lifecycle);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle),
                            new org.junit.platform.launcher.TestExecutionListener() {
                                @Override
                                public void executionFinished(org.junit.platform.launcher.TestIdentifier id,
                                        org.junit.platform.engine.TestExecutionResult result) {
                                    result.getThrowable().ifPresent(t -> {
                                        java.io.StringWriter trace = new java.io.StringWriter();
                                        t.printStackTrace(new java.io.PrintWriter(trace));
                                        failures.add(trace.toString());
                                    });
                                }
                            })
                    .build())
                    .execute(request().selectors(selectClass(SecretSpec.class)).filters(includeEngines("touchstone"))
                            .configurationParameter("touchstone.results.dir", dir.toString()).build());
        } finally {
            System.setOut(console);
            Allure.setLifecycle(previous);
            System.clearProperty("secret.spec.url");
            System.clearProperty("secret.spec.token");
            server.stop(0);
        }

        String results = Files.readString(dir.resolve("results.json"));
        assertThat(results).contains("ERROR").contains("401").contains("unauthorized: ***");
        List<String> everything = new ArrayList<>();
        everything.add(results);
        everything.addAll(failures);
        allure.forEach(bytes -> everything.add(new String(bytes, StandardCharsets.UTF_8)));
        everything.add(captured.toString(StandardCharsets.UTF_8));
        assertThat(failures).isNotEmpty();
        assertThat(allure).isNotEmpty();
        for (String text : everything) {
            for (Map.Entry<String, UnaryOperator<String>> trace : forms().entrySet()) {
                String traced = trace.getValue().apply(TOKEN);
                if (trace.getKey().startsWith("base64")) {
                    traced = traced.substring(8, traced.length() - 4); // what only the token's bytes determine
                }
                assertThat(text).as("no %s of the token", trace.getKey()).doesNotContain(traced);
            }
        }
    }
}
