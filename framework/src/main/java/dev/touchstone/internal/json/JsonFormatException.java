package dev.touchstone.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A text that is not the JSON Touchstone reads: not JSON at all, empty, followed by more text,
 * or with an object that repeats a key. {@link #getMessage()} never quotes the document, which
 * may be an endpoint response that echoes a secret; {@link #detailedMessage()} does (the
 * repeated key, the parser's description) and is for files the user wrote.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class JsonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String detailed;
    private final int line;
    private final int column;

    private JsonFormatException(String problem, String detailed, int line, int column) {
        super(problem + where(line, column));
        this.detailed = detailed + where(line, column);
        this.line = line;
        this.column = column;
    }

    static JsonFormatException at(String problem, String detailed, @Nullable JsonLocation location) {
        return location == null
                ? new JsonFormatException(problem, detailed, 0, 0)
                : new JsonFormatException(problem, detailed, location.getLineNr(), location.getColumnNr());
    }

    /** The message with what the document says there: for files the user wrote, not responses. */
    public String detailedMessage() {
        return detailed;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }

    private static String where(int line, int column) {
        return line > 0 ? " at line " + line + ", column " + column : "";
    }
}
