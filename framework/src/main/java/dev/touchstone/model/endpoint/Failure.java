package dev.touchstone.model.endpoint;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Why a call failed, and so why the examples it carried have no prediction.
 *
 * @param cause    short and shared by similar failures, so they can be counted together:
 *                 "HTTP 503 after 3 retries", "timeout after 10 s", "connection reset after 3 retries",
 *                 "malformed JSON", "circuit open after 20 failed attempts in a row (last: HTTP 503)"
 * @param detail   more about this failure (a response body excerpt, an exception message), or ""
 * @param status   the HTTP status, or 0 when no response was received
 * @param attempts attempts made (0 when the circuit was already open)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Failure(String cause, String detail, int status, int attempts) {

    public Failure {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? cause : cause + " (" + detail + ")";
    }
}
