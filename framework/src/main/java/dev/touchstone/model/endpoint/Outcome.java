package dev.touchstone.model.endpoint;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** The result of one call: a value, or a failure with its cause. Exactly one is present. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Outcome<T>(@Nullable T value, @Nullable Failure failure) {

    public Outcome {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is a value or a failure");
        }
    }

    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Outcome<T> failed(Failure failure) {
        return new Outcome<>(null, Objects.requireNonNull(failure, "failure"));
    }

    public boolean isSuccess() {
        return failure == null;
    }
}
