package dev.touchstone.model.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.internal.fork.ForkedJvm;
import dev.touchstone.model.HttpJsonModel;
import dev.touchstone.model.Model;
import dev.touchstone.model.endpoint.EndlessServer.Mode;
import dev.touchstone.model.endpoint.TestServer.Reply;
import dev.touchstone.model.internal.ModelAccess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A response too large for the heap fails its examples with "response larger than ..." instead
 * of an OutOfMemoryError in the client's threads and a run that waits forever (issue 12, item 3).
 */
class ResponseLimitsTest {

    @TempDir
    Path dir;

    static Dataset rows(int n) {
        var builder = Dataset.builder("rows").columns("text", "label");
        for (int i = 0; i < n; i++) {
            builder.row("row " + i, "a");
        }
        return builder.build().withLabel("label");
    }

    static HttpJsonModel model(String base) {
        return Model.http(base + "/predict").named("huge").body("{\"text\": \"${text}\"}").label("/label").retries(1)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).timeout(Duration.ofSeconds(20));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_huge_or_endless_body_fails_its_examples_at_the_limit(Mode mode) throws Exception {
        TouchstoneSettings small = TouchstoneSettings.from(k -> k.equals(ConfigKeys.MAX_RESPONSE_BYTES) ? "65536" : null);
        try (EndlessServer server = new EndlessServer(mode)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> ModelAccess.predict(model(server.base()), rows(5), small))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("5 of 5 examples failed: 5 × response larger than 65,536 bytes; first failure:")
                    .hasMessageContaining(mode == Mode.DECLARED_HUGE ? "(it declared 2,147,483,648 bytes; the limit is"
                            + " touchstone.endpoint.max-response-bytes)" : "(the rest was not read; the limit is"
                            + " touchstone.endpoint.max-response-bytes)");
            assertThat(server.requests).as("not retried: the same request brings the same body").hasValue(5);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void the_default_limit_is_4_mib_and_a_body_within_it_is_read() throws Exception {
        String big = "{\"label\": \"a\", \"pad\": \"" + "x".repeat(4 << 20) + "\"}";
        String fits = "{\"label\": \"a\", \"pad\": \"" + "x".repeat((4 << 20) - 64) + "\"}";
        try (TestServer tooBig = TestServer.start(r -> Reply.ok(big));
             TestServer justRight = TestServer.start(r -> Reply.ok(fits))) {
            assertThat(TouchstoneSettings.defaults().maxResponseBytes()).isEqualTo(4 << 20);
            assertThatThrownBy(() -> ModelAccess.predict(model(tooBig.base()), rows(1), TouchstoneSettings.defaults()))
                    .hasMessageContaining("1 × response larger than 4,194,304 bytes")
                    .hasMessageContaining(String.format(java.util.Locale.ROOT, "it declared %,d bytes", big.length()));
            assertThat(ModelAccess.predict(model(justRight.base()), rows(1), TouchstoneSettings.defaults())
                    .predicted().text(0)).isEqualTo("a");
        }
    }

    /**
     * Under a 96 MB heap, in a JVM of its own: the default limit ends a 2 GB and an endless body
     * with a clear failure; a limit raised beyond what the heap holds ends in an OutOfMemoryError
     * inside the client, and still the run ends, with a failure that says so, in bounded time.
     */
    @Test
    void in_a_small_heap_the_run_ends_with_a_clear_failure_never_waits() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(SmallHeapRun.class, "96m", Duration.ofMinutes(3), dir);

        assertThat(result.killed()).as("the child ended by itself:%n%s", result.output()).isFalse();
        assertThat(result.output())
                .contains("DECLARED_HUGE: model 'huge' at ", "8 of 8 examples failed: 8 × response larger than"
                        + " 4,194,304 bytes")
                .contains("CHUNKED_FOREVER: model 'huge' at ")
                .contains("UNTIL_CLOSED: model 'huge' at ")
                .contains("raised limit: model 'huge' at ")
                .contains("done");
        assertThat(result.output().lines().filter(l -> l.startsWith("raised limit:")).findFirst().orElseThrow())
                .containsPattern("8 of 8 examples failed: .*(OutOfMemoryError|response larger than|timeout)");
        assertThat(result.exitCode()).as(result.output()).isZero();
        System.out.println(result.output()); // the messages, for the record
    }

    /** The child: each kind of body against a model with the default limit, then with one the heap cannot hold. */
    public static final class SmallHeapRun {
        public static void main(String[] args) throws Exception {
            for (Mode mode : Mode.values()) {
                try (EndlessServer server = new EndlessServer(mode)) {
                    System.out.println(mode + ": " + outcome(server, TouchstoneSettings.defaults()));
                }
            }
            try (EndlessServer server = new EndlessServer(Mode.UNTIL_CLOSED)) {
                TouchstoneSettings raised = TouchstoneSettings.defaults().withMaxResponseBytes(1 << 30);
                System.out.println("raised limit: " + outcome(server, raised));
            }
            System.out.println("done");
        }

        private static String outcome(EndlessServer server, TouchstoneSettings settings) {
            try {
                ModelAccess.predict(model(server.base()).timeout(Duration.ofSeconds(30)), rows(8), settings);
                return "no failure?";
            } catch (RuntimeException | Error e) {
                return String.valueOf(e.getMessage()).replace('\n', ' ');
            }
        }
    }
}
