package dev.touchstone.internal.json;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to the values of a {@link Json} tree, for readers of files with a schema. The
 * {@code orNull} accessors take a missing value and JSON {@code null} alike as null, and fail
 * with an IllegalArgumentException on a value of another type.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class JsonTree {

    private JsonTree() {
    }

    /** The object, or the exception {@code otherwise} supplies. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(@Nullable Object value, Supplier<? extends RuntimeException> otherwise) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw otherwise.get();
    }

    /** The array, or the exception {@code otherwise} supplies. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(@Nullable Object value, Supplier<? extends RuntimeException> otherwise) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw otherwise.get();
    }

    @SuppressWarnings("unchecked")
    public static @Nullable Map<String, Object> objectOrNull(@Nullable Object value) {
        if (isNull(value)) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected an object but found " + value);
    }

    public static @Nullable String string(@Nullable Object value) {
        if (isNull(value)) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string but found " + value);
    }

    public static @Nullable Double dbl(@Nullable Object value) {
        if (isNull(value)) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("expected a number but found '" + value + "'");
    }

    public static @Nullable Long lng(@Nullable Object value) {
        if (isNull(value)) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("expected an integer but found '" + value + "'");
    }

    /** The number, or null for anything else (missing, JSON null, another type). */
    public static @Nullable Number number(@Nullable Object value) {
        return value instanceof Number n ? n : null;
    }

    /** Whether {@code value} is missing (Java null) or JSON {@code null}. */
    public static boolean isNull(@Nullable Object value) {
        return value == null || value == Json.NULL;
    }
}
