package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.Failure;
import dev.touchstone.model.endpoint.TestServer;
import dev.touchstone.model.endpoint.EndpointOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client against real local HTTP servers: concurrency, timeouts, retries, circuit breaker. */
class EndpointClientTest {

    static final EndpointOptions FAST = EndpointOptions.defaults()
            .withTimeout(Duration.ofSeconds(2))
            .withRetries(2)
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40));

    /** Calls that POST {"i": i} and read back the number the server answers. */
    static List<Call<Long>> calls(TestServer server, int n) {
        List<Call<Long>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(new Call<>(server.uri("/predict"), "{\"i\":" + i + "}", 1, EndpointClientTest::readI));
        }
        return calls;
    }

    static Long readI(String body) throws ResponseFormatException, JsonFormatException {
        Object i = Json.at(Json.parse(body), "/i");
        if (!(i instanceof Long l)) {
            throw new ResponseFormatException("unexpected response", "no /i");
        }
        return l;
    }

    static int index(TestServer.Request r) {
        return Integer.parseInt(r.body().replaceAll("\\D", ""));
    }

    static Map<String, Long> causes(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().filter(o -> !o.isSuccess())
                .collect(Collectors.groupingBy(o -> o.failure().cause(), Collectors.counting()));
    }

    static <T> List<Outcome<T>> run(EndpointOptions options, List<Call<T>> calls) {
        return new EndpointClient(options).run("test", calls, 42L);
    }

    @Test
    void keeps_at_most_the_configured_requests_in_flight_and_answers_every_call_in_order() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok(r.body()).after(30))) {
            List<Outcome<Long>> outcomes = run(FAST.withConcurrency(4), calls(server, 40));

            assertThat(outcomes).hasSize(40).allMatch(Outcome::isSuccess);
            for (int i = 0; i < 40; i++) {
                assertThat(outcomes.get(i).value()).isEqualTo(i);
            }
            assertThat(server.maxInFlight()).isBetween(2, 4);
            // the server holds each request 30 ms: the measured latency includes it
            assertThat(outcomes).allMatch(o -> o.latencyNanos() >= 29_000_000L);
            assertThat(server.requestCount()).isEqualTo(40);
        }
    }

    @Test
    void a_response_slower_than_the_timeout_fails_that_example_with_timeout_and_is_not_retried() throws Exception {
        // examples 1 and 3 are answered after 3 s; the timeout is 300 ms
        try (TestServer server = TestServer.start(r -> index(r) % 2 == 1
                ? Reply.ok(r.body()).after(3_000) : Reply.ok(r.body()))) {
            long started = System.nanoTime();
            List<Outcome<Long>> outcomes = run(FAST.withTimeout(Duration.ofMillis(300)), calls(server, 4));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(outcomes.get(0).value()).isEqualTo(0);
            assertThat(outcomes.get(2).value()).isEqualTo(2);
            assertThat(outcomes.get(1).failure().cause()).isEqualTo("timeout after 300 ms");
            assertThat(outcomes.get(3).failure().cause()).isEqualTo("timeout after 300 ms");
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(millis).isLessThan(2_500);
        }
    }

    @Test
    void a_body_that_trickles_in_past_the_timeout_also_times_out() throws Exception {
        // headers at once, then half the body, then nothing for 3 s
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("{\"i\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(3_000);
                out.write("0}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException | IOException e) {
                // stopped
            }
        });
        server.start();
        try {
            Call<Long> call = new Call<>(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p"),
                    "{}", 1, EndpointClientTest::readI);
            long started = System.nanoTime();
            List<Outcome<Long>> outcomes = run(FAST.withTimeout(Duration.ofMillis(300)), List.of(call));

            assertThat(outcomes.get(0).failure().cause()).isEqualTo("timeout after 300 ms");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    @Test
    void a_500_is_retried_and_the_retry_succeeds() throws Exception {
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        try (TestServer server = TestServer.start(r -> failedOnce.add(index(r))
                ? Reply.status(500, "{\"error\":\"warming up\"}") : Reply.ok(r.body()))) {
            List<Outcome<Long>> outcomes = run(FAST, calls(server, 10));

            assertThat(outcomes).allMatch(Outcome::isSuccess);
            assertThat(server.requestCount()).isEqualTo(20);
        }
    }

    @Test
    void a_429_waits_for_retry_after_before_the_retry() throws Exception {
        try (TestServer server = TestServer.start(r -> r.index() == 0
                ? Reply.status(429, "slow down").header("Retry-After", "1") : Reply.ok(r.body()))) {
            List<Outcome<Long>> outcomes = run(FAST, calls(server, 1));

            assertThat(outcomes.get(0).value()).isEqualTo(0);
            assertThat(server.requests).hasSize(2);
            long waited = (server.requests.get(1).nanos() - server.requests.get(0).nanos()) / 1_000_000;
            // the backoff alone is at most 40 ms: the wait came from Retry-After
            assertThat(waited).isBetween(950L, 4_000L);
        }
    }

    @Test
    void a_retry_after_longer_than_the_cap_waits_only_the_cap() throws Exception {
        try (TestServer server = TestServer.start(r -> r.index() == 0
                ? Reply.status(503, "").header("Retry-After", "3600") : Reply.ok(r.body()))) {
            List<Outcome<Long>> outcomes = run(FAST.withRetryAfterMax(Duration.ofMillis(100)), calls(server, 1));

            assertThat(outcomes.get(0).isSuccess()).isTrue();
            long waited = (server.requests.get(1).nanos() - server.requests.get(0).nanos()) / 1_000_000;
            assertThat(waited).isBetween(90L, 2_000L);
        }
    }

    @Test
    void a_400_is_not_retried_and_the_failure_shows_the_body() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.status(400, "{\"error\":\"input 'text' missing\"}"))) {
            List<Outcome<Long>> outcomes = run(FAST, calls(server, 1));

            Failure failure = outcomes.get(0).failure();
            assertThat(failure.cause()).isEqualTo("HTTP 400");
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.detail()).contains("input 'text' missing");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_5xx_that_persists_fails_after_the_retries_with_status_and_count() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.status(503, "overloaded"))) {
            List<Outcome<Long>> outcomes = run(FAST, calls(server, 2));

            assertThat(causes(outcomes)).isEqualTo(Map.of("HTTP 503 after 2 retries", 2L));
            assertThat(outcomes.get(0).failure().attempts()).isEqualTo(3);
            assertThat(server.requestCount()).isEqualTo(6);
        }
    }

    @Test
    void malformed_json_fails_the_example_without_retry() throws Exception {
        try (TestServer server = TestServer.start(r -> index(r) == 1 ? Reply.ok("{\"i\": 1,") : Reply.ok(r.body()))) {
            List<Outcome<Long>> outcomes = run(FAST, calls(server, 3));

            assertThat(outcomes.get(0).value()).isEqualTo(0);
            assertThat(outcomes.get(2).value()).isEqualTo(2);
            Failure failure = outcomes.get(1).failure();
            assertThat(failure.cause()).isEqualTo("malformed JSON");
            assertThat(failure.detail()).contains("body '{\"i\": 1,'");
            assertThat(server.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void a_connection_reset_is_retried_then_recorded() throws Exception {
        try (TestServer.Resetting server = new TestServer.Resetting()) {
            List<Call<Long>> calls = List.of(new Call<>(server.uri("/predict"), "{\"i\":0}", 1,
                    EndpointClientTest::readI));
            List<Outcome<Long>> outcomes = run(FAST, calls);

            Failure failure = outcomes.get(0).failure();
            assertThat(failure.cause()).matches("(connection reset|connection closed by the server) after 2 retries");
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(server.accepted.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_server_that_dies_mid_run_leaves_every_example_accounted_for() throws Exception {
        TestServer[] holder = new TestServer[1];
        try (TestServer server = TestServer.start(r -> {
            if (r.index() == 10) {
                new Thread(() -> holder[0].stop()).start();
            }
            return Reply.ok(r.body()).after(5);
        })) {
            holder[0] = server;
            List<Outcome<Long>> outcomes = run(FAST.withConcurrency(2).withRetries(1), calls(server, 60));

            assertThat(outcomes).hasSize(60).doesNotContainNull();
            long succeeded = outcomes.stream().filter(Outcome::isSuccess).count();
            // requests 0-9 are answered; the one that stops the server, and one other in flight, may be lost
            assertThat(succeeded).isBetween(9L, 12L);
            for (int i = 0; i < 60; i++) {
                Outcome<Long> o = outcomes.get(i);
                if (o.isSuccess()) {
                    assertThat(o.value()).isEqualTo(i);
                } else {
                    assertThat(o.failure().cause()).matches(
                            "(connection refused|connection reset|connection closed by the server|I/O error)"
                                    + "( after 1 retry)?|circuit open after 20 failed attempts in a row \\(last: .*\\)");
                }
            }
            assertThat(causes(outcomes).keySet()).anyMatch(c -> c.startsWith("circuit open"));
        }
    }

    @Test
    void the_circuit_opens_after_twenty_failed_attempts_and_the_rest_fail_fast() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.status(503, "down"))) {
            List<Outcome<Long>> outcomes = run(FAST.withRetries(0).withConcurrency(4), calls(server, 200));

            assertThat(outcomes).hasSize(200).noneMatch(Outcome::isSuccess);
            Map<String, Long> causes = causes(outcomes);
            assertThat(causes.get("circuit open after 20 failed attempts in a row (last: HTTP 503)"))
                    .isGreaterThanOrEqualTo(170L);
            assertThat(causes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
            assertThat(server.requestCount()).isLessThanOrEqualTo(24);
        }
    }

    @Test
    void progress_lines_and_outcomes_never_lose_an_example_with_batches() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok(r.body()))) {
            List<Call<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(new Call<>(server.uri("/p"), "{\"i\":" + i + "}", 3, EndpointClientTest::readI));
            }
            List<Outcome<Long>> outcomes = run(FAST, calls);
            assertThat(outcomes).extracting(Outcome::value).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
    }
}
