package dev.touchstone.model.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.TestServer;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * No failure on a client thread leaves the run waiting (issue 12, item 3): an Error thrown while a
 * response is handled fails that call (and, for a VM error, the calls not yet sent), and a call
 * that never returns is failed as stuck once no call has ended for longer than any call can take.
 */
class ClientThreadFailureTest {

    @Test
    void an_out_of_memory_error_on_a_client_thread_fails_its_call_and_stops_the_rest() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"i\": 1}"))) {
            List<Call<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(new Call<>(server.uri("/predict"), "{}", 1, body -> {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                }));
            }
            List<Outcome<Long>> outcomes = new EndpointClient(EndpointOptions.defaults().withConcurrency(1)
                    .withRetries(0)).run("oom", calls, 1L);

            assertThat(outcomes).hasSize(5).noneMatch(Outcome::isSuccess);
            assertThat(outcomes.get(0).failure().cause()).isEqualTo("endpoint client failed: OutOfMemoryError");
            assertThat(outcomes.get(0).failure().detail()).isEqualTo("OutOfMemoryError: Java heap space (simulated)");
            assertThat(outcomes.subList(1, 5)).allMatch(o -> o.failure().cause()
                    .equals("not sent: an earlier request failed with OutOfMemoryError"));
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void any_other_throwable_fails_only_its_own_call() throws Exception {
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"i\": " + r.body() + "}"))) {
            List<Call<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int index = i;
                calls.add(new Call<>(server.uri("/predict"), Integer.toString(i), 1, body -> {
                    if (index == 1) {
                        throw new AssertionError("a parser bug");
                    }
                    return EndpointClientTest.readI(body);
                }));
            }
            List<Outcome<Long>> outcomes = new EndpointClient(EndpointOptions.defaults().withRetries(0))
                    .run("bug", calls, 1L);

            assertThat(outcomes.get(1).failure().cause()).isEqualTo("endpoint client failed: AssertionError");
            assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(3))).allMatch(Outcome::isSuccess);
        }
    }

    @Test
    void a_call_that_never_returns_is_failed_as_stuck_and_the_run_ends() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        try (TestServer server = TestServer.start(r -> Reply.ok("{\"i\": 1}"))) {
            Call<Long> stuck = new Call<>(server.uri("/predict"), "{}", 1, body -> {
                while (!release.get()) { // deaf to interrupts, as a client thread wedged in native code
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // keep waiting
                    }
                }
                return 0L;
            });
            Call<Long> fine = new Call<>(server.uri("/predict"), "{}", 1, EndpointClientTest::readI);
            EndpointOptions options = EndpointOptions.defaults().withTimeout(Duration.ofMillis(200)).withRetries(0);
            long started = System.nanoTime();

            List<Outcome<Long>> outcomes = new EndpointClient(options).run("stuck", List.of(fine, stuck), 1L);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(RequestPool.stallLimit(options)).isEqualTo(Duration.ofMillis(200 + 20 + 50 + 200 + 5_000));
            assertThat(took).isBetween(Duration.ofMillis(5_000), Duration.ofSeconds(30));
            assertThat(outcomes.get(0).isSuccess()).isTrue();
            assertThat(outcomes.get(1).failure().cause()).isEqualTo("no answer within 5.5 s (the request is stuck)");
        } finally {
            release.set(true);
        }
    }
}
