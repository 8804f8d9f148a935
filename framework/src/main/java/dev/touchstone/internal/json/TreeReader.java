package dev.touchstone.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the tree of one JSON document from Jackson's tokens. A repeated key fails here rather
 * than through Jackson's duplicate detection so that the message can name the key.
 */
final class TreeReader {

    static final JsonFactory FACTORY = new JsonFactory();

    // Jackson's nested "[Source: REDACTED (...); line: 1, column: 8]", shortened to our form
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private TreeReader() {
    }

    /** The whole document; {@code parser} must be at its start. */
    static Object read(JsonParser parser) throws IOException, JsonFormatException {
        try {
            if (parser.nextToken() == null) {
                throw JsonFormatException.at("empty document", "empty document", null);
            }
            Object tree = value(parser);
            if (parser.nextToken() != null) {
                String problem = "text after the end of the JSON document";
                throw JsonFormatException.at(problem, problem, parser.currentTokenLocation());
            }
            return tree;
        } catch (JsonProcessingException e) {
            String detail = SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
            throw JsonFormatException.at("not JSON", detail, e.getLocation());
        }
    }

    private static Object value(JsonParser parser) throws IOException, JsonFormatException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
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
                return Json.NULL;
            default:
                throw JsonFormatException.at("not JSON", "unexpected " + token, parser.currentTokenLocation());
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException, JsonFormatException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (map.containsKey(name)) {
                throw JsonFormatException.at("duplicate key", "duplicate key '" + name + "'",
                        parser.currentTokenLocation());
            }
            parser.nextToken();
            map.put(name, value(parser));
        }
        return map;
    }
}
