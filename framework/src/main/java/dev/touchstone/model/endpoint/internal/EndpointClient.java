package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.Failure;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.config.internal.SecretAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Sends calls to an HTTP endpoint: at most {@code concurrency} in flight ({@link RequestPool}),
 * each bounded by the timeout ({@link Watchdog}), retried as {@link RetryPolicy} says, and stopped
 * by a {@link CircuitBreaker} when the run can only fail. An optional {@link ResponseCache} answers
 * requests it has seen succeed.
 *
 * <p>Every call ends as an {@link Outcome}: a value or a {@link Failure} with its cause. No text
 * this client produces contains a secret: headers are never printed and every response excerpt
 * or exception message is scrubbed of the secrets' values ({@link SecretScrubber}).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class EndpointClient {

    private final EndpointOptions options;
    private final RetryPolicy policy;
    private final SecretScrubber scrubber;
    private final RequestSender sender;
    private final @Nullable ResponseCache cache;

    /** A client without a response cache; see {@link #EndpointClient(EndpointOptions, ResponseCache)}. */
    public EndpointClient(EndpointOptions options) {
        this(options, null);
    }

    /**
     * Reads the secrets of {@code options} now: a missing one fails here, naming its origin.
     *
     * @param cache where successful responses are kept between runs; null for none
     */
    public EndpointClient(EndpointOptions options, @Nullable ResponseCache cache) {
        this.options = options;
        List<RequestSender.Header> headers = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (EndpointOptions.SecretHeader h : options.headers()) {
            String value = SecretAccess.reveal(h.value());
            headers.add(new RequestSender.Header(h.name(), value));
            secrets.add(value);
        }
        this.policy = new RetryPolicy(options);
        this.scrubber = new SecretScrubber(secrets);
        this.sender = new RequestSender(options, headers, policy, scrubber);
        this.cache = cache;
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
        CircuitBreaker breaker = new CircuitBreaker(options);
        return RequestPool.run(task, calls, options.concurrency(),
                index -> attempt(calls.get(index), new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (index + 1)),
                        breaker),
                scrubber, RequestPool.stallLimit(options));
    }

    /** {@code text} with every secret of this client, in every form it may be echoed in, replaced by {@code ***}. */
    public String scrub(String text) {
        return scrubber.scrub(text);
    }

    /** The call with its retries: the cache's answer, a value, or the last failure. */
    private <T> Outcome<T> attempt(Call<T> call, SplittableRandom random, CircuitBreaker breaker) {
        // on a miss the same request is sent with a parser that remembers the body it accepted
        ResponseCache.Lookup<T> cached = cache == null ? null : cache.lookup(call, scrubber::scrub, scrubber::containsSecret);
        if (cached != null && cached.hit() != null) {
            return cached.hit();
        }
        Call<T> toSend = cached == null ? call : cached.call();
        Failure last = null;
        long lastLatency = 0;
        for (int attempt = 0; attempt <= policy.retries(); attempt++) {
            String open = breaker.openReason();
            if (open != null) {
                return last == null
                        ? Outcome.failed(new Failure(open, "", 0, 0))
                        : Outcome.<T>failed(new Failure(last.cause(), RequestSender.join(last.detail(),
                                "not retried: " + open), last.status(), attempt)).withLatency(lastLatency);
            }
            long sent = System.nanoTime();
            RequestSender.Attempt<T> result = sender.send(toSend, attempt);
            long latency = System.nanoTime() - sent;
            Outcome<T> outcome = result.outcome();
            breaker.record(outcome.isSuccess(), outcome.isSuccess() ? "" : outcome.failure().cause());
            if (outcome.isSuccess()) {
                if (cached != null) {
                    cached.store(latency);
                }
                return outcome.withLatency(latency);
            }
            lastLatency = latency;
            last = outcome.failure();
            if (!result.retryable() || attempt == policy.retries()) {
                break;
            }
            Duration wait = result.retryAfter() != null ? result.retryAfter() : policy.backoff(attempt, random);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.<T>failed(new Failure(last.cause(), RequestSender.join(last.detail(), "interrupted"),
                        last.status(), attempt + 1)).withLatency(lastLatency);
            }
        }
        return Outcome.<T>failed(last).withLatency(lastLatency);
    }
}
