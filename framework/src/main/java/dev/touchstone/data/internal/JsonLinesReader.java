package dev.touchstone.data.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads a JSON Lines file (one JSON object per line, UTF-8, optional BOM) into a {@link Table}.
 *
 * <p>Columns are the union of the keys, in order of first appearance; a key absent from a row
 * is a missing value there (also in the rows before the key first appears). Values: a string
 * is its text, a number its text exactly as written, a boolean {@code true}/{@code false},
 * {@code null} or {@code ""} missing; column types are then inferred from the text as for CSV.
 * Errors name the file, the line and, where one is at fault, the key: a nested object or array
 * ("flatten it"), a line that is not an object or not JSON (with the position), an object that
 * spans lines or shares a line, a repeated key, a blank line between records (blank lines at
 * the end are ignored), and a file with no records at all.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonLinesReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String source;
    private final JsonParser parser;
    private final TableBuilder builder;

    private JsonLinesReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
        this.builder = new TableBuilder(source, java.util.List.of());
    }

    /** Reads the whole file. */
    public static Table read(Path path) {
        String source = path.toString();
        InputStream in = new ProgressInputStream(Readers.open(path),
                Progress.start("reading " + path, Readers.size(path), "bytes"));
        try (in; JsonParser parser = FACTORY.createParser(in)) {
            return new JsonLinesReader(source, parser).readAll();
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new DataFormatException(source + position + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private Table readAll() throws IOException {
        int previousLine = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            JsonLocation start = parser.currentTokenLocation();
            int line = start.getLineNr();
            if (line == previousLine) {
                throw new DataFormatException(source + " line " + line + ", column " + start.getColumnNr()
                        + ": a second JSON value on the same line; JSON Lines holds one object per line");
            }
            if (line > previousLine + 1) {
                int blank = previousLine + 1;
                throw new DataFormatException(source + " line " + blank + ": blank line "
                        + (previousLine == 0 ? "before the first record" : "between records")
                        + "; remove it (every line must hold a record)");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new DataFormatException(source + " line " + line + ", column " + start.getColumnNr()
                        + ": expected a JSON object {...} but found " + describe(token));
            }
            readObject(line);
            int endLine = parser.currentTokenLocation().getLineNr();
            if (endLine != line) {
                throw new DataFormatException(source + " line " + line + ": the object continues to line " + endLine
                        + "; JSON Lines needs each object on a single line");
            }
            builder.endRow(line);
            previousLine = line;
        }
        if (builder.rowCount() == 0) {
            throw new DataFormatException(source + ": no records; expected one JSON object per line");
        }
        if (builder.columnCount() == 0) {
            throw new DataFormatException(source + ": no keys in any record; expected objects such as {\"label\": \"cat\"}");
        }
        return builder.build();
    }

    private void readObject(int line) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            ColumnBuilder column = column(key, line);
            JsonToken value = parser.nextToken();
            switch (value) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> column.add(parser.getText());
                case VALUE_TRUE -> column.add("true");
                case VALUE_FALSE -> column.add("false");
                case VALUE_NULL -> column.addMissing();
                case START_OBJECT, START_ARRAY -> throw new DataFormatException(source + " line " + line + ", key '" + key
                        + "': the value is " + describe(value) + " (a nested value); flatten it into top-level keys (for example '"
                        + key + ".x') before loading");
                default -> throw new DataFormatException(source + " line " + line + ", key '" + key
                        + "': unexpected " + value);
            }
        }
        if (token != JsonToken.END_OBJECT) { // the parser itself rejects anything else; defensive
            throw new DataFormatException(source + " line " + line + ": malformed object");
        }
    }

    private ColumnBuilder column(String key, int line) {
        int index = builder.indexOf(key);
        if (index < 0) {
            if (key.isEmpty()) {
                throw new DataFormatException(source + " line " + line + ": empty key \"\"; every key names a column");
            }
            index = builder.addColumn(key);
        }
        ColumnBuilder column = builder.column(index);
        if (column.size() > builder.rowCount()) {
            throw new DataFormatException(source + " line " + line + ", key '" + key + "': the key appears twice in the object");
        }
        return column;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }
}
