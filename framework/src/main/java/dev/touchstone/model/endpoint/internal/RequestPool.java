package dev.touchstone.model.endpoint.internal;

import dev.touchstone.internal.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the calls of one run on threads of its own, at most {@code concurrency} at a time, and
 * reports progress in examples. Each thread sends with the blocking client (see {@link Watchdog}),
 * so the requests in flight are exactly the busy threads.
 */
final class RequestPool {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private RequestPool() {
    }

    /**
     * The outcome of every call, in call order: {@code attempt.apply(i)} makes call {@code i}
     * (with its retries) and never throws.
     */
    static <T> List<Outcome<T>> run(String task, List<Call<T>> calls, int concurrency, IntFunction<Outcome<T>> attempt,
            SecretScrubber scrubber) {
        int n = calls.size();
        if (n == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = new Outcome[n];
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
                    outcomes[index] = attempt.apply(index);
                    return index;
                });
            }
            long finished = 0;
            long failed = 0;
            for (int i = 0; i < n; i++) {
                Future<Integer> next = done.take();
                int index = next.get();
                finished += calls.get(index).examples();
                if (!outcomes[index].isSuccess()) {
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
            // an attempt catches everything it can: this is a bug, not an endpoint failure
            throw new IllegalStateException("endpoint client failed: " + scrubber.scrub(String.valueOf(e.getCause())));
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(outcomes);
    }
}
