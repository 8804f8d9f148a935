package dev.touchstone.model.endpoint.internal;

import dev.touchstone.internal.Progress;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs the calls of one run on threads of its own, at most {@code concurrency} at a time, and
 * reports progress in examples. Each thread sends with the blocking client (see {@link Watchdog}),
 * so the requests in flight are exactly the busy threads.
 *
 * <p>Nothing that happens on those threads can leave the run waiting: anything a call throws
 * (an OutOfMemoryError included) becomes that call's failure; after a VM error (out of memory,
 * stack overflow) the calls not yet sent fail at once instead of trying again; and when no call
 * at all has ended for longer than the slowest possible call takes ({@code stallLimit}: every
 * attempt's timeout and every wait between them), the calls still running fail as stuck and
 * the run returns.
 */
final class RequestPool {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private RequestPool() {
    }

    /**
     * The longest a call can take with {@code options}, when the client works: every attempt
     * until its watchdog fires, and the longest wait before each retry; plus slack.
     */
    static Duration stallLimit(EndpointOptions options) {
        long timeout = options.timeout().toMillis();
        long attempt = timeout + timeout / 10 + 50;
        long wait = Math.max(options.backoffMax().toMillis(), options.retryAfterMax().toMillis());
        return Duration.ofMillis((options.retries() + 1L) * attempt + options.retries() * wait + timeout + 5_000);
    }

    /**
     * The outcome of every call, in call order: {@code attempt.apply(i)} makes call {@code i}
     * (with its retries).
     */
    static <T> List<Outcome<T>> run(String task, List<Call<T>> calls, int concurrency, IntFunction<Outcome<T>> attempt,
            SecretScrubber scrubber, Duration stallLimit) {
        int n = calls.size();
        if (n == 0) {
            return List.of();
        }
        AtomicReferenceArray<Outcome<T>> outcomes = new AtomicReferenceArray<>(n);
        AtomicReference<String> fatal = new AtomicReference<>();
        long examples = calls.stream().mapToLong(Call::examples).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, n), r -> {
            Thread t = new Thread(r, "touchstone-endpoint-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = Progress.start(task, examples, "examples")) {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < n; i++) {
                int index = i;
                done.submit(() -> {
                    outcomes.set(index, guarded(attempt, index, fatal, scrubber));
                    return index;
                });
            }
            long finished = 0;
            long failed = 0;
            for (int i = 0; i < n; i++) {
                Future<Integer> next = done.poll(stallLimit.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    return stuck(outcomes, stallLimit);
                }
                int index = next.get();
                finished += calls.get(index).examples();
                if (!outcomes.get(index).isSuccess()) {
                    failed += calls.get(index).examples();
                }
                long inFlight = Math.min(concurrency, n - i - 1);
                long failedSoFar = failed;
                progress.advance(finished, () -> inFlight + " requests in flight, " + failedSoFar + " examples failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + EndpointUrl.safe(calls.get(0).uri()));
        } catch (ExecutionException e) {
            // every task catches all it can: this is a bug, not an endpoint failure
            throw new IllegalStateException("endpoint client failed: " + scrubber.scrub(String.valueOf(e.getCause())));
        } finally {
            pool.shutdownNow();
        }
        List<Outcome<T>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(outcomes.get(i));
        }
        return result;
    }

    /** One call; whatever it throws is its failure, and a VM error stops the calls not yet sent. */
    private static <T> Outcome<T> guarded(IntFunction<Outcome<T>> attempt, int index, AtomicReference<String> fatal,
            SecretScrubber scrubber) {
        String earlier = fatal.get();
        if (earlier != null) {
            return Outcome.failed(new Failure("not sent: an earlier request failed with " + earlier, "", 0, 0));
        }
        try {
            return attempt.apply(index);
        } catch (Throwable t) {
            String name = t.getClass().getSimpleName();
            if (t instanceof VirtualMachineError) {
                fatal.compareAndSet(null, name);
            }
            return Outcome.failed(new Failure("endpoint client failed: " + name, scrubber.message(t), 0, 1));
        }
    }

    /** The outcomes when calls are still running after the stall limit: those fail as stuck. */
    private static <T> List<Outcome<T>> stuck(AtomicReferenceArray<Outcome<T>> outcomes, Duration stallLimit) {
        List<Outcome<T>> result = new ArrayList<>(outcomes.length());
        Failure stuck = new Failure("no answer within " + EndpointOptions.format(stallLimit) + " (the request is stuck)",
                "no request of the run ended in that time, longer than every timeout and retry allow", 0, 0);
        for (int i = 0; i < outcomes.length(); i++) {
            Outcome<T> outcome = outcomes.get(i);
            result.add(outcome != null ? outcome : Outcome.failed(stuck));
        }
        return result;
    }
}
