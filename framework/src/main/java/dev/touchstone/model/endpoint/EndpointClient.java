package dev.touchstone.model.endpoint;

import dev.touchstone.internal.Progress;
import dev.touchstone.internal.json.JsonFormatException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Sends calls to an HTTP endpoint: at most {@code concurrency} in flight, each with a timeout,
 * retried with exponential backoff and full jitter on connect errors, closed connections, HTTP 429
 * (honouring {@code Retry-After}) and 5xx, never on other 4xx. A circuit breaker stops a run that
 * can only fail: once open, calls not yet sent fail at once with "circuit open after ...".
 *
 * <p>Every call ends as an {@link Outcome}: a value or a {@link Failure} with its cause. No text
 * this client produces contains a secret: headers are never printed and every response excerpt
 * or exception message is scrubbed of the secrets' values.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class EndpointClient {

    private static final int EXCERPT = 200;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EndpointOptions options;
    private final HttpClient http;
    private final List<String[]> headers = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    // [response-cache] the on-disk cache named by touchstone.cache.dir; null when unset
    private final @Nullable ResponseCache cache = ResponseCache.fromSystemProperties();

    /** Reads the secrets of {@code options} now: a missing one fails here, naming its origin. */
    public EndpointClient(EndpointOptions options) {
        this.options = options;
        for (EndpointOptions.SecretHeader h : options.headers()) {
            String value = h.value().reveal();
            headers.add(new String[] {h.name(), value});
            secrets.add(value);
            if (value.startsWith("Bearer ") && value.length() > 7) {
                secrets.add(value.substring(7));
            }
        }
        secrets.sort((a, b) -> b.length() - a.length());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public EndpointOptions options() {
        return options;
    }

    /** One call, retried like any other (for health and metadata checks). */
    public <T> Outcome<T> call(Call<T> call, long seed) {
        return attempt(call, new SplittableRandom(seed), new CircuitBreaker(options));
    }

    /**
     * Sends every call, at most {@code concurrency} at a time; the outcomes are in call order.
     * Jitter is drawn from a generator per call, seeded from {@code seed} and the call's index,
     * so a run's backoffs do not depend on thread scheduling.
     */
    public <T> List<Outcome<T>> run(String task, List<Call<T>> calls, long seed) {
        int n = calls.size();
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = new Outcome[n];
        if (n == 0) {
            return List.of();
        }
        long examples = calls.stream().mapToLong(Call::examples).sum();
        CircuitBreaker breaker = new CircuitBreaker(options);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), n), r -> {
            Thread t = new Thread(r, "touchstone-endpoint-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = Progress.start(task, examples, "examples")) {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < n; i++) {
                int index = i;
                SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (index + 1));
                done.submit(() -> {
                    outcomes[index] = attempt(calls.get(index), random, breaker);
                    return index;
                });
            }
            long finished = 0;
            long failed = 0;
            for (int i = 0; i < n; i++) {
                Future<Integer> next = done.take();
                int index = next.get();
                finished += calls.get(index).examples();
                if (outcomes[index].failure() != null) {
                    failed += calls.get(index).examples();
                }
                long inFlight = Math.min(options.concurrency(), n - i - 1);
                long failedSoFar = failed;
                progress.advance(finished, () -> inFlight + " requests in flight, " + failedSoFar + " examples failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + safe(calls.get(0).uri()));
        } catch (ExecutionException e) {
            // attempt() catches everything it can; this is a bug, not an endpoint failure
            throw new IllegalStateException("endpoint client failed: " + scrub(String.valueOf(e.getCause())));
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(outcomes);
    }

    private <T> Outcome<T> attempt(Call<T> call, SplittableRandom random, CircuitBreaker breaker) {
        // [response-cache] begin: a cached response answers without a request; on a miss the same
        // request is sent with a parser that remembers the body it accepted, stored on success
        ResponseCache.Lookup<T> cached = cache == null ? null : cache.lookup(call, this::scrub);
        if (cached != null && cached.hit() != null) {
            return cached.hit();
        }
        Call<T> toSend = cached == null ? call : cached.call();
        // [response-cache] end
        Failure last = null;
        long lastLatency = 0;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            String open = breaker.openReason();
            if (open != null) {
                return last == null
                        ? Outcome.failed(new Failure(open, "", 0, 0))
                        : Outcome.<T>failed(new Failure(last.cause(), join(last.detail(), "not retried: " + open),
                                last.status(), attempt)).withLatency(lastLatency);
            }
            long sent = System.nanoTime();
            Attempt<T> result = send(toSend, attempt); // [response-cache] was send(call, attempt)
            long latency = System.nanoTime() - sent;
            breaker.record(result.outcome.isSuccess(), result.outcome.isSuccess() ? "" : result.outcome.failure().cause());
            if (result.outcome.isSuccess()) {
                if (cached != null) {
                    cached.store(latency); // [response-cache]
                }
                return result.outcome.withLatency(latency);
            }
            lastLatency = latency;
            last = result.outcome.failure();
            if (!result.retryable || attempt == options.retries()) {
                break;
            }
            Duration wait = result.retryAfter != null ? result.retryAfter : backoff(attempt, options, random);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.<T>failed(new Failure(last.cause(), join(last.detail(), "interrupted"), last.status(),
                        attempt + 1)).withLatency(lastLatency);
            }
        }
        return Outcome.<T>failed(last).withLatency(lastLatency);
    }

    private record Attempt<T>(Outcome<T> outcome, boolean retryable, @Nullable Duration retryAfter) {
    }

    private <T> Attempt<T> send(Call<T> call, int retriesSoFar) {
        int attempts = retriesSoFar + 1;
        String after = retriesSoFar == 0 ? "" : " after " + retriesSoFar + (retriesSoFar == 1 ? " retry" : " retries");
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                    .timeout(options.timeout())
                    .header("Accept", "application/json");
            for (String[] h : headers) {
                request.header(h[0], h[1]);
            }
            if (call.body() == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
            }
            response = exchange(request.build());
        } catch (HttpConnectTimeoutException e) {
            return new Attempt<>(failed("connect timeout after " + EndpointOptions.format(options.timeout()) + after,
                    "", 0, attempts), true, null);
        } catch (HttpTimeoutException e) {
            return new Attempt<>(failed("timeout after " + EndpointOptions.format(options.timeout()), "", 0, attempts),
                    false, null);
        } catch (ConnectException e) {
            return new Attempt<>(failed("connection refused" + after, message(e), 0, attempts), true, null);
        } catch (IOException e) {
            return new Attempt<>(failed(ioCause(e) + after, message(e), 0, attempts), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt<>(failed("interrupted", "", 0, attempts), false, null);
        } catch (RuntimeException e) {
            return new Attempt<>(failed("request failed", message(e), 0, attempts), false, null);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            try {
                return new Attempt<>(Outcome.success(call.parser().parse(body)), false, null);
            } catch (ResponseFormatException e) {
                return new Attempt<>(failed(e.kind(), join(scrub(String.valueOf(e.getMessage())),
                        "body " + excerpt(body)), status, attempts), false, null);
            } catch (JsonFormatException e) {
                // its message says where, never what: the body may echo a secret
                return new Attempt<>(failed("malformed JSON", join(e.getMessage(), "body " + excerpt(body)),
                        status, attempts), false, null);
            } catch (RuntimeException e) {
                return new Attempt<>(failed("unexpected response", join(message(e), "body " + excerpt(body)),
                        status, attempts), false, null);
            }
        }
        boolean retryable = status == 429 || status >= 500;
        Duration retryAfter = status == 429 || status == 503
                ? retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                        .map(d -> d.compareTo(options.retryAfterMax()) > 0 ? options.retryAfterMax() : d)
                        .orElse(null)
                : null;
        return new Attempt<>(failed("HTTP " + status + (retryable ? after : ""), "body " + excerpt(body), status,
                attempts), retryable, retryAfter);
    }

    /**
     * Sends and reads the whole response within the timeout (plus a grace period, so that the
     * client's own connect and header timeouts, which are more precise, usually fire first): the
     * request timeout of java.net.http bounds only the wait for the response headers. The blocking
     * {@code send} runs on the pool's own thread, and a watchdog interrupts it at the deadline:
     * {@code sendAsync(...).get()} would start a new thread per response on small machines (the
     * JDK's common pool has no parallelism below 3 CPUs), which costs a quarter of the throughput.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        long millis = options.timeout().toMillis();
        Thread caller = Thread.currentThread();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            if (!finished.get()) {
                timedOut.set(true);
                caller.interrupt();
            }
        }, millis + millis / 10 + 50, TimeUnit.MILLISECONDS);
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            if (timedOut.get()) {
                throw new HttpTimeoutException("response not read within " + EndpointOptions.format(options.timeout()));
            }
            throw e;
        } finally {
            finished.set(true);
            alarm.cancel(false);
            if (timedOut.get()) {
                Thread.interrupted(); // the alarm's interrupt is ours to clear, not the caller's
            }
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "touchstone-endpoint-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static <T> Outcome<T> failed(String cause, String detail, int status, int attempts) {
        return Outcome.failed(new Failure(cause, detail, status, attempts));
    }

    private static String ioCause(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("reset")) {
            return "connection reset";
        }
        if (m.contains("closed") || m.contains("eof") || m.contains("no bytes") || m.contains("broken pipe")) {
            return "connection closed by the server";
        }
        return "I/O error";
    }

    private String message(Exception e) {
        return scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    private String excerpt(String body) {
        // scrub before cutting, so that a cut can never leave part of a secret behind
        String oneLine = scrub(body).strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "empty";
        }
        return "'" + (oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "…" : oneLine) + "'";
    }

    /** {@code text} with every secret value of this client replaced by {@code ***}. */
    public String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    /** The URL as messages show it: without user info, query or fragment. */
    public static String safe(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** Backoff before retry {@code retry} (0-based): uniform in [0, min(max, base * 2^retry)]. */
    static Duration backoff(int retry, EndpointOptions options, SplittableRandom random) {
        long base = options.backoffBase().toMillis();
        long cap = options.backoffMax().toMillis();
        long ceiling = retry >= 62 || base > (cap >> Math.min(retry, 62)) ? cap : base << retry;
        return Duration.ofMillis(random.nextLong(Math.max(1, ceiling) + 1));
    }

    /** {@code Retry-After} as seconds or an HTTP-date (RFC 9110); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
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
     * Opens when {@code breakerConsecutive} attempts in a row failed, or when more than the bound
     * of the last {@code breakerWindow} attempts failed. It never closes within a run.
     */
    static final class CircuitBreaker {
        private final EndpointOptions options;
        private final boolean[] window;
        private int recorded;
        private int failuresInWindow;
        private int consecutive;
        private volatile @Nullable String open;

        CircuitBreaker(EndpointOptions options) {
            this.options = options;
            this.window = new boolean[options.breakerWindow()];
        }

        @Nullable String openReason() {
            return open;
        }

        synchronized void record(boolean success, String cause) {
            int slot = recorded % window.length;
            if (recorded >= window.length && window[slot]) {
                failuresInWindow--;
            }
            window[slot] = !success;
            recorded++;
            if (success) {
                consecutive = 0;
                return;
            }
            failuresInWindow++;
            consecutive++;
            if (open != null) {
                return;
            }
            if (consecutive >= options.breakerConsecutive()) {
                open = "circuit open after " + consecutive + " failed attempts in a row (last: " + cause + ")";
            } else if (recorded >= window.length
                    && failuresInWindow > options.breakerMaxFailureRate() * window.length) {
                open = "circuit open after " + failuresInWindow + " of the last " + window.length
                        + " attempts failed (last: " + cause + ")";
            }
        }
    }
}
