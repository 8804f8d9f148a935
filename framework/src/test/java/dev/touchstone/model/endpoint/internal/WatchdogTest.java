package dev.touchstone.model.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole-response timeout: an exchange past its deadline is interrupted, and nothing else is. */
class WatchdogTest {

    @Test
    void an_exchange_past_its_deadline_is_interrupted_and_reported_as_a_timeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Watchdog.within(Duration.ofMillis(50), "response not read within 50 ms", () -> {
            Thread.sleep(5_000);
            return "late";
        })).isInstanceOf(HttpTimeoutException.class).hasMessage("response not read within 50 ms");

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(Thread.currentThread().isInterrupted()).as("the alarm's interrupt is cleared").isFalse();
    }

    @Test
    void an_exchange_within_its_deadline_returns_and_leaves_no_interrupt_behind() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(Watchdog.within(Duration.ofMillis(1), "late", () -> "on time")).isEqualTo("on time");
        }
        Thread.sleep(20);   // past every deadline: a late alarm would interrupt us now
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(Watchdog.within(Duration.ofSeconds(5), "late", () -> {
            Thread.sleep(20);
            return "slept";
        })).isEqualTo("slept");
    }

    @Test
    void an_interrupt_from_elsewhere_is_passed_on_as_it_is() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Watchdog.within(Duration.ofSeconds(5), "late", () -> {
            Thread.sleep(1_000);
            return "never";
        })).isInstanceOf(InterruptedException.class);
        Thread.interrupted();
    }
}
