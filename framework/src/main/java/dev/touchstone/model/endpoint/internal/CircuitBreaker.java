package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.EndpointOptions;
import org.jspecify.annotations.Nullable;

/**
 * Stops a run that can only fail: opens when {@code breakerConsecutive} attempts in a row failed,
 * or when more than {@code breakerMaxFailureRate} of the last {@code breakerWindow} attempts
 * failed. It never closes within a run: once open, calls not yet sent fail at once with the
 * reason. Shared by the pool threads of one run.
 */
final class CircuitBreaker {

    private final int consecutiveLimit;
    private final double maxFailureRate;
    private final boolean[] window;
    private int recorded;
    private int failuresInWindow;
    private int consecutive;
    private volatile @Nullable String open;

    CircuitBreaker(EndpointOptions options) {
        this.consecutiveLimit = options.breakerConsecutive();
        this.maxFailureRate = options.breakerMaxFailureRate();
        this.window = new boolean[options.breakerWindow()];
    }

    /** "circuit open after ..." once open; null while closed. */
    @Nullable String openReason() {
        return open;
    }

    /** Records one attempt; {@code cause} (of a failure) goes into the reason if this one opens the circuit. */
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
        if (consecutive >= consecutiveLimit) {
            open = "circuit open after " + consecutive + " failed attempts in a row (last: " + cause + ")";
        } else if (recorded >= window.length && failuresInWindow > maxFailureRate * window.length) {
            open = "circuit open after " + failuresInWindow + " of the last " + window.length
                    + " attempts failed (last: " + cause + ")";
        }
    }
}
