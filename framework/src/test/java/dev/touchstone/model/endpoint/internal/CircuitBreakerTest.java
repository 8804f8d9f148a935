package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.EndpointOptions;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The breaker opens after N failed attempts in a row, or more than X% of the last W. */
class CircuitBreakerTest {

    static CircuitBreaker breaker(int consecutive, int window, double rate) {
        return new CircuitBreaker(EndpointOptions.defaults().withCircuitBreaker(consecutive, window, rate));
    }

    @Test
    void opens_after_the_configured_failures_in_a_row_and_a_success_resets_the_count() {
        CircuitBreaker breaker = breaker(20, 100, 1.0);
        for (int i = 0; i < 19; i++) {
            breaker.record(false, "HTTP 503");
        }
        breaker.record(true, "");
        for (int i = 0; i < 19; i++) {
            breaker.record(false, "HTTP 503");
        }
        assertThat(breaker.openReason()).as("19, a success, 19: never 20 in a row").isNull();

        breaker.record(false, "timeout after 10 s");
        assertThat(breaker.openReason())
                .isEqualTo("circuit open after 20 failed attempts in a row (last: timeout after 10 s)");
    }

    @Test
    void opens_when_more_than_the_bound_of_the_last_hundred_failed() {
        // the defaults: 20 in a row, or more than 80 of the last 100
        CircuitBreaker breaker = new CircuitBreaker(EndpointOptions.defaults());
        // 4 failures then a success: 80 of every 100, never 20 in a row
        for (int i = 0; i < 1_000; i++) {
            breaker.record(i % 5 == 4, "HTTP 502");
        }
        assertThat(breaker.openReason()).as("80 of 100 is not more than 80%").isNull();

        // one more failure where a success was due: 81 of the last 100
        for (int i = 0; i < 4; i++) {
            breaker.record(false, "HTTP 502");
        }
        assertThat(breaker.openReason()).isNull();
        breaker.record(false, "HTTP 502");
        assertThat(breaker.openReason())
                .isEqualTo("circuit open after 81 of the last 100 attempts failed (last: HTTP 502)");
    }

    @Test
    void the_rate_is_judged_only_on_a_full_window() {
        CircuitBreaker breaker = breaker(20, 10, 0.5);
        // fail, fail, ok, repeated: never 20 in a row, but 2 of 3 fail
        for (int i = 0; i < 9; i++) {
            breaker.record(i % 3 == 2, "HTTP 502");
        }
        assertThat(breaker.openReason()).as("6 of 9: the window is not full yet").isNull();
        breaker.record(false, "HTTP 502");
        assertThat(breaker.openReason())
                .isEqualTo("circuit open after 7 of the last 10 attempts failed (last: HTTP 502)");
    }

    @Test
    void a_breaker_with_mostly_successes_stays_closed() {
        CircuitBreaker breaker = breaker(3, 10, 0.5);
        for (int i = 0; i < 1000; i++) {
            breaker.record(i % 2 == 0, "HTTP 500");
        }
        assertThat(breaker.openReason()).isNull();
    }

    @Test
    void once_open_it_stays_open_with_its_first_reason() {
        CircuitBreaker breaker = breaker(2, 100, 1.0);
        breaker.record(false, "HTTP 503");
        breaker.record(false, "HTTP 503");
        String reason = breaker.openReason();
        for (int i = 0; i < 200; i++) {
            breaker.record(true, "");
        }
        breaker.record(false, "HTTP 500");
        assertThat(breaker.openReason()).isEqualTo(reason)
                .isEqualTo("circuit open after 2 failed attempts in a row (last: HTTP 503)");
    }
}
