package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.EndpointOptions;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Which failed attempts are tried again, and how long to wait first. Retried: connect errors
 * (refused, connect timeout), closed or reset connections, HTTP 429 and 5xx: the server may
 * answer the same request later. Never retried: other 4xx, a response that did not arrive within
 * the timeout (the server is still busy with the first request) and a 2xx the parser rejects:
 * sending the same request again would give the same answer. The wait is the server's
 * {@code Retry-After} (429 and 503, capped), else exponential backoff with full jitter.
 */
final class RetryPolicy {

    private final int retries;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration retryAfterMax;

    RetryPolicy(EndpointOptions options) {
        this.retries = options.retries();
        this.backoffBase = options.backoffBase();
        this.backoffMax = options.backoffMax();
        this.retryAfterMax = options.retryAfterMax();
    }

    /** Retries after the first attempt. */
    int retries() {
        return retries;
    }

    /** Whether a response with this (non-2xx) status is worth another attempt. */
    static boolean retries(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether an attempt that failed with {@code e} before a response arrived is worth another. */
    static boolean retries(IOException e) {
        return e instanceof HttpConnectTimeoutException || !(e instanceof HttpTimeoutException);
    }

    /**
     * The wait a 429 or 503 response asks for with {@code Retry-After}, at most the cap; null for
     * other statuses or when the header is absent or unreadable (then the backoff applies).
     */
    @Nullable Duration retryAfter(int status, @Nullable String header, Instant now) {
        if (status != 429 && status != 503) {
            return null;
        }
        return parseRetryAfter(header, now).map(d -> d.compareTo(retryAfterMax) > 0 ? retryAfterMax : d).orElse(null);
    }

    /** {@code Retry-After} as seconds or an HTTP-date (RFC 9110); empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /**
     * Backoff before retry {@code retry} (0-based): uniform in [0, min(max, base * 2^retry)].
     * Full jitter spreads the retries of many failed requests instead of sending them together.
     */
    Duration backoff(int retry, SplittableRandom random) {
        long base = backoffBase.toMillis();
        long cap = backoffMax.toMillis();
        long ceiling = retry >= 62 || base > (cap >> Math.min(retry, 62)) ? cap : base << retry;
        return Duration.ofMillis(random.nextLong(Math.max(1, ceiling) + 1));
    }
}
