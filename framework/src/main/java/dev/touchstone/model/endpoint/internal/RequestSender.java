package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.Failure;
import dev.touchstone.internal.json.JsonFormatException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a call: builds the request, sends it on the calling thread, reads the whole
 * response within the timeout, up to {@code maxResponseBytes} ({@link LimitedBody}), and turns
 * what came back into a value or a {@link Failure} whose cause is short and countable ("HTTP 503
 * after 2 retries", "timeout after 10 s", "response larger than 4,194,304 bytes"). Never throws.
 */
final class RequestSender {

    /** What an attempt gave, and whether (and after what wait) the policy would try again. */
    record Attempt<T>(Outcome<T> outcome, boolean retryable, @Nullable Duration retryAfter) {

        static <T> Attempt<T> failed(String cause, String detail, int status, int attempts, boolean retryable,
                @Nullable Duration retryAfter) {
            return new Attempt<>(Outcome.failed(new Failure(cause, detail, status, attempts)), retryable, retryAfter);
        }
    }

    /** A header the client sends with every request; the value may be a secret. */
    record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": ***";
        }
    }

    private final Duration timeout;
    private final int maxResponseBytes;
    private final List<Header> headers;
    private final RetryPolicy policy;
    private final SecretScrubber scrubber;
    private final HttpClient http;

    RequestSender(EndpointOptions options, List<Header> headers, RetryPolicy policy, SecretScrubber scrubber) {
        this.timeout = options.timeout();
        this.maxResponseBytes = options.maxResponseBytes();
        this.headers = List.copyOf(headers);
        this.policy = policy;
        this.scrubber = scrubber;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code call}, which has been retried {@code retriesSoFar} times. */
    <T> Attempt<T> send(Call<T> call, int retriesSoFar) {
        int attempts = retriesSoFar + 1;
        String after = retriesSoFar == 0 ? "" : " after " + retriesSoFar + (retriesSoFar == 1 ? " retry" : " retries");
        HttpResponse<String> response;
        try {
            response = exchange(request(call));
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed("connect timeout after " + EndpointOptions.format(timeout) + after, "", 0, attempts,
                    RetryPolicy.retries(e), null);
        } catch (HttpTimeoutException e) {
            return Attempt.failed("timeout after " + EndpointOptions.format(timeout), "", 0, attempts,
                    RetryPolicy.retries(e), null);
        } catch (ConnectException e) {
            return Attempt.failed("connection refused" + after, scrubber.message(e), 0, attempts,
                    RetryPolicy.retries(e), null);
        } catch (IOException e) {
            LimitedBody.TooLarge tooLarge = causeOf(e, LimitedBody.TooLarge.class);
            if (tooLarge != null) {
                // not retried: the same request would bring the same body
                return Attempt.failed(String.format(Locale.ROOT, "response larger than %,d bytes", tooLarge.limit()),
                        tooLarge.how() + "; the limit is touchstone.endpoint.max-response-bytes",
                        tooLarge.status(), attempts, false, null);
            }
            LimitedBody.Broken broken = causeOf(e, LimitedBody.Broken.class);
            if (broken != null) {
                return Attempt.failed("reading the response failed: " + broken.getCause().getClass().getSimpleName(),
                        scrubber.message(broken.getCause()), 0, attempts, false, null);
            }
            return Attempt.failed(ioCause(e) + after, scrubber.message(e), 0, attempts, RetryPolicy.retries(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted", "", 0, attempts, false, null);
        } catch (RuntimeException e) {
            return Attempt.failed("request failed", scrubber.message(e), 0, attempts, false, null);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            return parsed(call, body, status, attempts);
        }
        boolean retryable = RetryPolicy.retries(status);
        Duration retryAfter = policy.retryAfter(status, response.headers().firstValue("Retry-After").orElse(null),
                Instant.now());
        return Attempt.failed("HTTP " + status + (retryable ? after : ""), "body " + scrubber.excerpt(body), status,
                attempts, retryable, retryAfter);
    }

    private HttpRequest request(Call<?> call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("Accept", "application/json");
        for (Header h : headers) {
            request.header(h.name(), h.value());
        }
        if (call.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    /** A 2xx response is read by the call's parser; one it rejects is a failure, not retried. */
    private <T> Attempt<T> parsed(Call<T> call, String body, int status, int attempts) {
        try {
            return new Attempt<>(Outcome.success(call.parser().parse(body)), false, null);
        } catch (ResponseFormatException e) {
            return Attempt.failed(e.kind(), join(scrubber.scrub(String.valueOf(e.getMessage())),
                    "body " + scrubber.excerpt(body)), status, attempts, false, null);
        } catch (JsonFormatException e) {
            // its message says where, never what: the body may echo a secret
            return Attempt.failed("malformed JSON", join(e.getMessage(), "body " + scrubber.excerpt(body)), status,
                    attempts, false, null);
        } catch (RuntimeException e) {
            return Attempt.failed("unexpected response", join(scrubber.message(e), "body " + scrubber.excerpt(body)),
                    status, attempts, false, null);
        }
    }

    /**
     * Sends and reads the whole response within the timeout, plus a grace period so that the
     * client's own connect and header timeouts, which are more precise, usually fire first.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        long millis = timeout.toMillis();
        return Watchdog.within(Duration.ofMillis(millis + millis / 10 + 50),
                "response not read within " + EndpointOptions.format(timeout),
                () -> http.send(request, LimitedBody.handler(maxResponseBytes)));
    }

    /** The first cause of {@code e} of {@code type}, or null. */
    private static <X extends Throwable> X causeOf(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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

    static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
