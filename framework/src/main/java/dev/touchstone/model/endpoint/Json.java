package dev.touchstone.model.endpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Small JSON helpers for endpoint adapters: a tree of maps, lists, strings, numbers (as
 * {@code Double} or {@code Long}), booleans and {@link #NULL}; JSON Pointers; string escaping.
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

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** The tree of a JSON document; fails with kind "malformed JSON". */
    public static Object parse(String text) throws ResponseFormatException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new ResponseFormatException("malformed JSON", "empty response body");
            }
            Object tree = read(parser);
            if (parser.nextToken() != null) {
                throw new ResponseFormatException("malformed JSON", "text after the end of the JSON document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            // not Jackson's message: it quotes (and may cut) the offending text, which could be a secret
            var where = e.getLocation();
            throw new ResponseFormatException("malformed JSON", where == null ? "not JSON"
                    : "not JSON at line " + where.getLineNr() + ", column " + where.getColumnNr());
        } catch (IOException e) {
            throw new ResponseFormatException("malformed JSON", "not JSON");
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, read(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new JsonProcessingException("unexpected token " + token, parser.currentLocation()) { };
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
