package dev.touchstone.model.endpoint.internal;

import dev.touchstone.internal.json.JsonFormatException;
import java.net.URI;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request on behalf of {@code examples} examples: a GET when {@code body} is null,
 * else a POST of JSON.
 *
 * @param parser reads a 2xx response body; throws {@link ResponseFormatException} or, when the
 *               body is not JSON, {@link JsonFormatException}
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Call<T>(URI uri, @Nullable String body, int examples, Parser<T> parser) {

    /** Reads a successful response body. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String body) throws ResponseFormatException, JsonFormatException;
    }

    public Call {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(parser, "parser");
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be 0 or more");
        }
    }

    @Override
    public String toString() {
        return (body == null ? "GET " : "POST ") + uri;
    }
}
