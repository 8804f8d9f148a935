package dev.touchstone.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A minimal JSON tree (maps, lists, strings, numbers, booleans, null) for small files. */
final class JsonTree {

    private JsonTree() {
    }

    /** Reads the value at the parser's current token. */
    static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("empty document");
        }
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
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, Supplier<RuntimeException> otherwise) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw otherwise.get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> objectOrNull(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected an object but found " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, Supplier<RuntimeException> otherwise) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw otherwise.get();
    }

    static Number number(Object value) {
        return value instanceof Number n ? n : null;
    }

    static String string(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string but found " + value);
    }

    static Double dbl(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("expected a number but found '" + value + "'");
    }

    static Long lng(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("expected an integer but found '" + value + "'");
    }
}
