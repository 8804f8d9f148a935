package dev.touchstone.model.endpoint.internal;

import org.apiguardian.api.API;

/** A response that does not have the expected form: not JSON, or without the expected fields. */
@API(status = API.Status.INTERNAL, since = "0.2")
public class ResponseFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String kind;

    /** @param kind the short, countable cause: "malformed JSON", "unexpected response" */
    public ResponseFormatException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
