package dev.touchstone.model.endpoint.internal;

import dev.touchstone.model.endpoint.Failure;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The result of one call: a value, or a failure with its cause. Exactly one is present.
 *
 * @param latencyNanos how long the last attempt took, from sending the request to the parsed
 *                     response (0 when no request was sent, as when the circuit was open)
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Outcome<T>(@Nullable T value, @Nullable Failure failure, long latencyNanos) {

    public Outcome {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is a value or a failure");
        }
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null, 0);
    }

    public static <T> Outcome<T> failed(Failure failure) {
        return new Outcome<>(null, Objects.requireNonNull(failure, "failure"), 0);
    }

    /** This outcome, with the time its last attempt took. */
    public Outcome<T> withLatency(long nanos) {
        return new Outcome<>(value, failure, nanos);
    }

    public boolean isSuccess() {
        return failure == null;
    }
}
