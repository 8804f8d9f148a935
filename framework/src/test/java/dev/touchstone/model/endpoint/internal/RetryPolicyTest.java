package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.EndpointOptions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how long to wait first: Retry-After (read and capped) or jittered backoff. */
class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static RetryPolicy policy(EndpointOptions options) {
        return new RetryPolicy(options);
    }

    @Test
    void only_429_and_5xx_statuses_are_retried() {
        assertThat(RetryPolicy.retries(429)).isTrue();
        for (int status : new int[] {500, 502, 503, 504, 599}) {
            assertThat(RetryPolicy.retries(status)).as("HTTP %d", status).isTrue();
        }
        for (int status : new int[] {400, 401, 403, 404, 408, 409, 422, 428, 430, 499}) {
            assertThat(RetryPolicy.retries(status)).as("HTTP %d", status).isFalse();
        }
    }

    @Test
    void connect_errors_and_closed_connections_are_retried_a_response_timeout_is_not() {
        assertThat(RetryPolicy.retries(new ConnectException("refused"))).isTrue();
        assertThat(RetryPolicy.retries(new HttpConnectTimeoutException("connect timed out"))).isTrue();
        assertThat(RetryPolicy.retries(new IOException("connection reset"))).isTrue();
        assertThat(RetryPolicy.retries(new EOFException("EOF reached while reading"))).isTrue();
        assertThat(RetryPolicy.retries(new HttpTimeoutException("request timed out"))).isFalse();
    }

    @Test
    void retry_after_is_read_as_seconds_or_an_http_date() {
        String inFive = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(5).atZone(ZoneOffset.UTC));

        assertThat(RetryPolicy.parseRetryAfter("1", NOW)).contains(Duration.ofSeconds(1));
        assertThat(RetryPolicy.parseRetryAfter(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryPolicy.parseRetryAfter("0", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter(inFive, NOW)).contains(Duration.ofSeconds(5));
        assertThat(RetryPolicy.parseRetryAfter(past, NOW)).as("a date in the past: no wait").contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-3", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("1.5", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(" ", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isEmpty();
    }

    @Test
    void retry_after_is_honoured_for_429_and_503_only_and_capped() {
        RetryPolicy policy = policy(EndpointOptions.defaults().withRetryAfterMax(Duration.ofSeconds(30)));
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3600).atZone(ZoneOffset.UTC));

        assertThat(policy.retryAfter(429, "7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.retryAfter(503, "7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.retryAfter(429, "3600", NOW)).as("capped").isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.retryAfter(503, inAnHour, NOW)).as("a date, capped").isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.retryAfter(429, "30", NOW)).as("the cap itself").isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.retryAfter(500, "7", NOW)).as("another 5xx: backoff").isNull();
        assertThat(policy.retryAfter(502, "7", NOW)).isNull();
        assertThat(policy.retryAfter(429, null, NOW)).as("no header: backoff").isNull();
        assertThat(policy.retryAfter(429, "later", NOW)).as("unreadable: backoff").isNull();
    }

    @Test
    void backoff_has_full_jitter_below_the_exponential_ceiling_and_is_reproducible() {
        RetryPolicy policy = policy(EndpointOptions.defaults().withBackoff(Duration.ofMillis(100),
                Duration.ofMillis(1000)));
        Function<Long, List<Long>> draws = seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Long> millis = new ArrayList<>();
            for (int retry = 0; retry < 40; retry++) {
                millis.add(policy.backoff(retry % 8, random).toMillis());
            }
            return millis;
        };
        List<Long> first = draws.apply(42L);
        assertThat(draws.apply(42L)).isEqualTo(first);
        assertThat(draws.apply(43L)).isNotEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            long ceiling = Math.min(1000, 100L << (i % 8));
            assertThat(first.get(i)).isBetween(0L, ceiling);
        }
    }

    @Test
    void backoff_spreads_over_the_whole_range_and_never_exceeds_the_maximum() {
        RetryPolicy policy = policy(EndpointOptions.defaults().withBackoff(Duration.ofMillis(200),
                Duration.ofSeconds(10)));
        SplittableRandom random = new SplittableRandom(7);
        long max = 0;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long first = policy.backoff(0, random).toMillis();
            min = Math.min(min, first);
            max = Math.max(max, first);
            assertThat(policy.backoff(70, random)).as("no overflow for late retries").isLessThanOrEqualTo(
                    Duration.ofSeconds(10));
        }
        // full jitter: from (almost) no wait to (almost) the ceiling of 200 ms
        assertThat(min).isLessThan(10);
        assertThat(max).isGreaterThan(190).isLessThanOrEqualTo(200);
        long late = 0;
        for (int i = 0; i < 2_000; i++) {
            late = Math.max(late, policy.backoff(10, random).toMillis());
        }
        assertThat(late).as("200 ms * 2^10 is capped at 10 s").isGreaterThan(9_000).isLessThanOrEqualTo(10_000);
    }
}
