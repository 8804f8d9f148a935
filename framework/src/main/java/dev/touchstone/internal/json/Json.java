package dev.touchstone.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Small JSON helpers: a tree of maps (in document order), lists, strings, numbers (as
 * {@code Double} or {@code Long}), booleans and {@link #NULL}; JSON Pointers; string escaping.
 * An object that repeats a key is an error, never "the last one wins".
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Json {

    /** The JSON {@code null} in a tree (a map cannot hold Java null values usefully). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Json() {
    }

    /** The tree of a JSON document, such as an endpoint response. */
    public static Object parse(String text) throws JsonFormatException {
        try (JsonParser parser = TreeReader.FACTORY.createParser(text)) {
            return TreeReader.read(parser);
        } catch (IOException e) {
            // not the exception's message: it may quote the text, which could hold a secret
            throw JsonFormatException.at("not JSON", "not JSON", null);
        }
    }

    /** The tree of a JSON file (UTF-8, or another encoding Jackson detects). */
    public static Object parse(Path file) throws IOException, JsonFormatException {
        try (JsonParser parser = TreeReader.FACTORY.createParser(file.toFile())) {
            return TreeReader.read(parser);
        }
    }

    /** The value at JSON Pointer {@code pointer} (RFC 6901), or null when there is none. */
    public static @Nullable Object at(Object tree, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        Object node = tree;
        while (!p.matches()) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(p.getMatchingProperty());
            } else if (node instanceof List<?> list) {
                int index = p.getMatchingIndex();
                node = index >= 0 && index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
            p = p.tail();
        }
        return node;
    }

    /** Checks that {@code pointer} is a JSON Pointer; fails with an IllegalArgumentException. */
    public static String requirePointer(String pointer) {
        try {
            JsonPointer.compile(pointer);
            return pointer;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JSON Pointer: '" + pointer + "' (it starts with '/', as in "
                    + "\"/prediction/label\")", e);
        }
    }

    /** The JSON string literal of {@code text}, with quotes. */
    public static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    /** {@code text} escaped for use inside a JSON string literal, without quotes. */
    public static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** A number as JSON: integers without a fraction; NaN and infinities are not JSON. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(x + " cannot be sent as JSON");
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /** How a label read from JSON is written: strings as they are, integral numbers without ".0". */
    public static @Nullable String labelText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return null;
    }

    /** A short description of a value's type, for messages. */
    public static String typeOf(@Nullable Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value == NULL) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
