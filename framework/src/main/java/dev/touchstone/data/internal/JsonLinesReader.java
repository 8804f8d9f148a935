package dev.touchstone.data.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.touchstone.config.internal.CurrentSettings;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import dev.touchstone.internal.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Reads a JSON Lines file (one JSON object per line, UTF-8, optional BOM) into a {@link Table}.
 *
 * <p>Columns are the union of the keys, in order of first appearance; a key absent from a row
 * is a missing value there (also in the rows before the key first appears). Values: a string
 * is its text, a number its text exactly as written, a boolean {@code true}/{@code false},
 * {@code null} or {@code ""} missing; column types are then inferred from the text as for CSV.
 *
 * <p>The file is split into lines first (LF, CRLF or CR), and each line is parsed on its own, so
 * every error names the line at fault, never the next one: a nested object or array ("flatten
 * it"), a line that is not an object or not JSON (with the column and, for a value that is not
 * JSON such as {@code 1d} or {@code 0x1p-1}, the key and the value), an object that does not end
 * on its line, a second value on a line, a repeated key, a blank line between records (blank
 * lines at the end are ignored), a line longer than {@code touchstone.data.max-record-bytes},
 * and a file with no records at all.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonLinesReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int BUFFER_SIZE = 1 << 16;

    private final String source;
    private final TableBuilder builder;
    private String key;            // the key the parser was at when it failed, or null

    private JsonLinesReader(String source) {
        this.source = source;
        this.builder = new TableBuilder(source, List.of());
    }

    /** Reads the whole file, with the record limit of the settings in force. */
    public static Table read(Path path) {
        return read(path, CurrentSettings.get().maxRecordBytes());
    }

    /** Reads the whole file; a line longer than {@code maxLineBytes} is an error. */
    public static Table read(Path path, int maxLineBytes) {
        String source = path.toString();
        InputStream in = new ProgressInputStream(Readers.open(path),
                Progress.start("reading " + path, Readers.size(path), "bytes"));
        try (in) {
            return new JsonLinesReader(source).readAll(new Lines(in, maxLineBytes));
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private Table readAll(Lines lines) throws IOException {
        int blank = 0;
        while (lines.next()) {
            int line = lines.number();
            if (lines.isBlank()) {
                blank = blank == 0 ? line : blank;
                continue;
            }
            if (lines.length() > lines.max) {
                throw new DataFormatException(source + " line " + line + String.format(Locale.ROOT,
                        ": a line longer than %,d bytes (touchstone.data.max-record-bytes); is it a JSON Lines file"
                                + " with one object per line? If records really are this long, raise the limit",
                        lines.max));
            }
            if (blank != 0) {
                throw new DataFormatException(source + " line " + blank + ": blank line "
                        + (builder.rowCount() == 0 ? "before the first record" : "between records")
                        + "; remove it (every line must hold a record)");
            }
            try (JsonParser parser = FACTORY.createParser(lines.buffer(), lines.start(), lines.length())) {
                try {
                    readLine(parser, line);
                } catch (JsonProcessingException e) {
                    // the parser reads a key and the start of its value in one step: ask it which key
                    key = parser.currentName();
                    throw malformed(e, line, lines);
                }
            }
            builder.endRow(line);
        }
        if (builder.rowCount() == 0) {
            throw new DataFormatException(source + ": no records; expected one JSON object per line");
        }
        if (builder.columnCount() == 0) {
            throw new DataFormatException(source + ": no keys in any record; expected objects such as {\"label\": \"cat\"}");
        }
        return builder.build();
    }

    private void readLine(JsonParser parser, int line) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw new DataFormatException(source + " line " + line + ", column " + parser.currentTokenLocation().getColumnNr()
                    + ": expected a JSON object {...} but found " + describe(token));
        }
        readObject(parser, line);
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new DataFormatException(source + " line " + line + ", column " + parser.currentTokenLocation().getColumnNr()
                    + ": a second JSON value on the same line; JSON Lines holds one object per line");
        }
    }

    private void readObject(JsonParser parser, int line) throws IOException {
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
                case START_OBJECT, START_ARRAY -> throw new DataFormatException(source + " line " + line + ", key '"
                        + Printable.escape(key) + "': the value is " + describe(value) + " (a nested value); flatten it"
                        + " into top-level keys (for example '" + Printable.escape(key) + ".x') before loading");
                default -> throw new DataFormatException(source + " line " + line + ", key '" + Printable.escape(key)
                        + "': unexpected " + value);
            }
        }
        if (token != JsonToken.END_OBJECT) { // the parser itself rejects anything else; defensive
            throw new DataFormatException(source + " line " + line + ": malformed object");
        }
    }

    /**
     * A line the JSON parser rejected, named by its own number: a value that is not JSON (named
     * with its key and text), an object that does not end on its line, or the parser's reason.
     */
    private DataFormatException malformed(JsonProcessingException e, int line, Lines lines) {
        JsonLocation where = e.getLocation();
        int column = where == null ? -1 : where.getColumnNr();
        String reason = Printable.escape(String.valueOf(e.getOriginalMessage()));
        String at = source + " line " + line + (column > 0 ? ", column " + column : "");
        if (reason.startsWith("Unexpected end-of-input")) {
            return new DataFormatException(source + " line " + line + ": malformed JSON: the line ends before its object"
                    + " does (a missing '}' or '\"'? JSON Lines needs each object whole on one line)", e);
        }
        if (key != null && where != null) {
            long offset = where.getByteOffset() >= 0 ? where.getByteOffset() : where.getCharOffset();
            String value = valueText(lines, (int) offset);
            if (value != null) {
                return new DataFormatException(at + ", key '" + Printable.escape(key) + "': malformed JSON: the value "
                        + Printable.quote(value) + " is not a JSON value (a number is written like 0.5 or 1e-3, without"
                        + " hexadecimal, type suffixes or spaces; text goes in double quotes) (" + reason + ")", e);
            }
        }
        return new DataFormatException(at + ": malformed JSON: " + reason, e);
    }

    /**
     * The raw text of the value in which the parser stopped, {@code errorByte} bytes into the
     * line ({@code 1d}, {@code 0x1p-1}, {@code cat}): from after the last {@code :} before it to
     * the next {@code ,} or closing brace. Null unless the parser stopped inside one bare token
     * right after a colon (then the error is about something else, such as a missing comma).
     */
    private static String valueText(Lines lines, int errorByte) {
        byte[] buffer = lines.buffer();
        int from = lines.start();
        int end = from + Math.min(lines.length(), lines.max);
        int error = from + errorByte;
        if (errorByte < 0 || error >= end) {
            return null;
        }
        int tokenStart = error;
        while (tokenStart > from && !isSpaceOrColon(buffer[tokenStart - 1])) {
            if (buffer[tokenStart - 1] == '"' || buffer[tokenStart - 1] == ',') {
                return null;
            }
            tokenStart--;
        }
        int colon = tokenStart;
        while (colon > from && (buffer[colon - 1] == ' ' || buffer[colon - 1] == '\t')) {
            colon--;
        }
        if (colon == from || buffer[colon - 1] != ':') {
            return null;
        }
        int stop = error;
        while (stop < end && buffer[stop] != ',' && buffer[stop] != '}') {
            stop++;
        }
        String text = new String(buffer, tokenStart, stop - tokenStart, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean isSpaceOrColon(byte b) {
        return b == ' ' || b == '\t' || b == ':';
    }

    private ColumnBuilder column(String name, int line) {
        int index = builder.indexOf(name);
        if (index < 0) {
            if (name.isEmpty()) {
                throw new DataFormatException(source + " line " + line + ": empty key \"\"; every key names a column");
            }
            index = builder.addColumn(name);
        }
        ColumnBuilder column = builder.column(index);
        if (column.size() > builder.rowCount()) {
            throw new DataFormatException(source + " line " + line + ", key '" + Printable.escape(name)
                    + "': the key appears twice in the object");
        }
        return column;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
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

    /**
     * The lines of a stream, without their terminators (LF, CRLF or CR) and without a leading
     * BOM: {@code buffer()[start(), start() + length())}, valid until the next {@link #next()}.
     * A line longer than {@code max} bytes comes with a length above {@code max} and only its
     * first bytes read: the buffer never grows beyond {@code max + 2} bytes.
     */
    private static final class Lines {
        private final InputStream in;
        private final int max;
        private byte[] buffer = new byte[BUFFER_SIZE];
        private int position;
        private int limit;
        private boolean eof;
        private boolean bomChecked;
        private int number;
        private int start;
        private int length;

        Lines(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** Moves to the next line; false at the end of the input. */
        boolean next() throws IOException {
            int scanned = position;
            while (true) {
                int i = scanned;
                while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
                if (i < limit && (buffer[i] == '\n' || i + 1 < limit || eof)) {
                    return line(position, i - position,
                            buffer[i] == '\r' && i + 1 < limit && buffer[i + 1] == '\n' ? i + 2 : i + 1);
                }
                scanned = i; // a lone CR at the end of the buffer is looked at again: it may start a CRLF
                if (scanned - position > max) {
                    return line(position, max + 1, limit); // too long: the reader stops at it
                }
                if (eof) {
                    return position < limit && line(position, limit - position, limit);
                }
                scanned -= position;
                fill();
            }
        }

        private boolean line(int from, int bytes, int next) {
            start = from;
            length = bytes;
            position = next;
            number++;
            return true;
        }

        /** Moves the unread bytes to the front and reads more, growing the buffer up to {@code max + 2}. */
        private void fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(GrowableArrays.MAX_LENGTH,
                        Math.min(buffer.length * 2L, max + 2L)));
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
            if (!bomChecked && (limit >= 3 || eof)) {
                bomChecked = true;
                if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
                        && (buffer[2] & 0xFF) == 0xBF) {
                    position = 3;
                }
            }
        }

        int number() {
            return number;
        }

        byte[] buffer() {
            return buffer;
        }

        int start() {
            return start;
        }

        int length() {
            return length;
        }

        /** Empty, or only spaces and tabs. */
        boolean isBlank() {
            for (int i = start; i < start + Math.min(length, max); i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t') {
                    return false;
                }
            }
            return true;
        }
    }
}
