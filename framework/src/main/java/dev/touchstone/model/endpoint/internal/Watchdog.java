package dev.touchstone.model.endpoint.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a blocking exchange by a deadline: one shared timer thread interrupts the calling thread
 * when the deadline passes. The request timeout of java.net.http bounds only the wait for the
 * response headers, and {@code sendAsync(...).get(timeout)} would start a thread per response on
 * small machines (see benchmarks/README.md); the blocking send on the pool's own thread, with this
 * watchdog, keeps both the whole-response timeout and the throughput.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "touchstone-endpoint-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Watchdog() {
    }

    /** An exchange that answers an interrupt with {@link InterruptedException}. */
    @FunctionalInterface
    interface Blocking<T> {
        T run() throws IOException, InterruptedException;
    }

    /**
     * Runs {@code exchange} on this thread; if it has not returned after {@code deadline}, it is
     * interrupted and this throws an {@link HttpTimeoutException} with {@code message}. An
     * interrupt from elsewhere is passed on as it is.
     */
    static <T> T within(Duration deadline, String message, Blocking<T> exchange)
            throws IOException, InterruptedException {
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> scheduled = TIMER.schedule(alarm::ring, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return exchange.run();
        } catch (InterruptedException e) {
            if (alarm.rang()) {
                throw new HttpTimeoutException(message);
            }
            throw e;
        } finally {
            scheduled.cancel(false);
            if (alarm.disarm()) {
                Thread.interrupted(); // the alarm's interrupt is ours to clear, not the caller's
            }
        }
    }

    /**
     * Rings at most once, and never after it was disarmed: under one lock, so that an interrupt
     * can never reach the thread after the exchange ended (it would fail the thread's next request).
     */
    private static final class Alarm {
        private final Thread caller;
        private boolean disarmed;
        private boolean rang;

        Alarm(Thread caller) {
            this.caller = caller;
        }

        synchronized void ring() {
            if (!disarmed) {
                rang = true;
                caller.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        /** Stops the alarm; whether it rang. */
        synchronized boolean disarm() {
            disarmed = true;
            return rang;
        }
    }
}
