package dev.touchstone.model.endpoint;

import dev.touchstone.config.internal.SecretAccess;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How the endpoint client behaves: requests in flight, timeout, retries and backoff, circuit
 * breaker, and credential headers. Immutable; every {@code withX} returns a copy.
 *
 * @param concurrency       requests in flight at most (default 8)
 * @param timeout           per-request timeout, also the connect timeout (default 10 s)
 * @param retries           retries after a first failed attempt, on connect errors, closed
 *                          connections, HTTP 429 and 5xx; never on other 4xx, timeouts or bad
 *                          responses (default 3)
 * @param backoffBase       the first backoff; doubled per retry, with full jitter (default 200 ms)
 * @param backoffMax        the largest backoff (default 10 s)
 * @param retryAfterMax     the longest {@code Retry-After} honoured (default 60 s)
 * @param breakerConsecutive the circuit opens after this many failed attempts in a row (default 20)
 * @param breakerWindow     ... or when, over the last {@code breakerWindow} attempts (default 100),
 * @param breakerMaxFailureRate ... more than this share failed (default 0.8)
 * @param headers           request headers whose values are secrets
 * @param maxResponseBytes  the largest response body read; a longer one fails the examples of
 *                          its request, unread beyond that (default 4 MiB; models behind an
 *                          endpoint take it from the setting {@code touchstone.endpoint.max-response-bytes})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record EndpointOptions(int concurrency, Duration timeout, int retries, Duration backoffBase,
        Duration backoffMax, Duration retryAfterMax, int breakerConsecutive, int breakerWindow,
        double breakerMaxFailureRate, List<SecretHeader> headers, int maxResponseBytes) {

    /** A header whose value is a secret; {@code toString()} never shows it. */
    public record SecretHeader(String name, Secret value) {
        public SecretHeader {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new IllegalArgumentException("not a valid header name: '" + name + "'");
            }
        }
    }

    public EndpointOptions {
        positive(concurrency, "concurrency");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more but was " + retries);
        }
        positive(timeout, "timeout");
        positive(backoffBase, "backoff");
        positive(backoffMax, "maximum backoff");
        positive(retryAfterMax, "maximum Retry-After");
        positive(breakerConsecutive, "circuit breaker: failed attempts in a row");
        positive(breakerWindow, "circuit breaker: window");
        if (!(breakerMaxFailureRate > 0 && breakerMaxFailureRate <= 1)) {
            throw new IllegalArgumentException("circuit breaker: the failure rate bound must be in (0, 1] but was "
                    + breakerMaxFailureRate);
        }
        headers = List.copyOf(headers);
        positive(maxResponseBytes, "maximum response size");
    }

    public static EndpointOptions defaults() {
        return new EndpointOptions(8, Duration.ofSeconds(10), 3, Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 20, 100, 0.8, List.of(), ConfigKeys.DEFAULT_MAX_RESPONSE_BYTES);
    }

    public EndpointOptions withConcurrency(int n) {
        return new EndpointOptions(n, timeout, retries, backoffBase, backoffMax, retryAfterMax, breakerConsecutive,
                breakerWindow, breakerMaxFailureRate, headers, maxResponseBytes);
    }

    public EndpointOptions withTimeout(Duration t) {
        return new EndpointOptions(concurrency, t, retries, backoffBase, backoffMax, retryAfterMax, breakerConsecutive,
                breakerWindow, breakerMaxFailureRate, headers, maxResponseBytes);
    }

    public EndpointOptions withRetries(int n) {
        return new EndpointOptions(concurrency, timeout, n, backoffBase, backoffMax, retryAfterMax, breakerConsecutive,
                breakerWindow, breakerMaxFailureRate, headers, maxResponseBytes);
    }

    /** Backoff before retry k (0-based) is uniform in [0, min(max, base * 2^k)]. */
    public EndpointOptions withBackoff(Duration base, Duration max) {
        return new EndpointOptions(concurrency, timeout, retries, base, max, retryAfterMax, breakerConsecutive,
                breakerWindow, breakerMaxFailureRate, headers, maxResponseBytes);
    }

    public EndpointOptions withRetryAfterMax(Duration max) {
        return new EndpointOptions(concurrency, timeout, retries, backoffBase, backoffMax, max, breakerConsecutive,
                breakerWindow, breakerMaxFailureRate, headers, maxResponseBytes);
    }

    public EndpointOptions withCircuitBreaker(int consecutiveFailures, int window, double maxFailureRate) {
        return new EndpointOptions(concurrency, timeout, retries, backoffBase, backoffMax, retryAfterMax,
                consecutiveFailures, window, maxFailureRate, headers, maxResponseBytes);
    }

    /** The largest response body read, in bytes; a longer one fails its examples. */
    public EndpointOptions withMaxResponseBytes(int bytes) {
        return new EndpointOptions(concurrency, timeout, retries, backoffBase, backoffMax, retryAfterMax,
                breakerConsecutive, breakerWindow, breakerMaxFailureRate, headers, bytes);
    }

    /** Adds (or replaces) a header whose value is a secret. */
    public EndpointOptions withHeader(String name, Secret value) {
        List<SecretHeader> copy = new ArrayList<>();
        for (SecretHeader h : headers) {
            if (!h.name().equalsIgnoreCase(name)) {
                copy.add(h);
            }
        }
        copy.add(new SecretHeader(name, value));
        return new EndpointOptions(concurrency, timeout, retries, backoffBase, backoffMax, retryAfterMax,
                breakerConsecutive, breakerWindow, breakerMaxFailureRate, copy, maxResponseBytes);
    }

    /** {@code Authorization: Bearer <token>}. */
    public EndpointOptions withBearerToken(Secret token) {
        Objects.requireNonNull(token, "token");
        return withHeader("Authorization", SecretAccess.bearer(token));
    }

    /** "10 s", "250 ms": how messages show a duration. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void positive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be at least 1 but was " + n);
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive but was " + d);
        }
    }
}
