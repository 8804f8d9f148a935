package dev.touchstone.model;

import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Text with {@code ${column}} placeholders, filled from a row: the request body of
 * {@code Model.http} and the prompt of {@code Model.openAiChat}. Immutable.
 */
final class ColumnTemplate {

    private static final String UNCLOSED = "unclosed placeholder at position %d of the %s template: %s";
    private static final String EMPTY = "empty placeholder ${} at position %d of the %s template";

    /** A literal run of the template, or a placeholder ({@code column} non-null). */
    private record Part(String text, @Nullable String column, boolean quoted) {
    }

    private final String what;
    private final List<Part> parts;

    private ColumnTemplate(String what, List<Part> parts) {
        this.what = what;
        this.parts = List.copyOf(parts);
    }

    /**
     * @param what what the template makes, for messages: "request body", "prompt"
     * @throws IllegalArgumentException for an unclosed or empty placeholder
     */
    static ColumnTemplate parse(String template, String what) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf("${", at);
            if (open < 0) {
                parts.add(new Part(template.substring(at), null, false));
                return new ColumnTemplate(what, parts);
            }
            int close = template.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException(String.format(UNCLOSED, open, what, template));
            }
            String column = template.substring(open + 2, close);
            if (column.isBlank()) {
                throw new IllegalArgumentException(String.format(EMPTY, open, what));
            }
            boolean quoted = open > 0 && template.charAt(open - 1) == '"'
                    && close + 1 < template.length() && template.charAt(close + 1) == '"';
            parts.add(new Part(template.substring(at, open), null, false));
            parts.add(new Part("", column, quoted));
            at = close + 1;
        }
    }

    /** Checks that every column a placeholder names exists and has a value on every row. */
    void check(Table table, String who) {
        for (Part part : parts) {
            if (part.column() != null) {
                Inputs.column(table, part.column(), who, "the " + what + " uses ${" + part.column() + "}");
            }
        }
    }

    /** The template with every placeholder replaced by the row's value as text. */
    String text(Table table, int row) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.column() == null ? part.text() : table.column(part.column()).text(row));
        }
        return text.toString();
    }

    /**
     * The template as JSON: a placeholder between double quotes ({@code "${text}"}) becomes the
     * value escaped for a JSON string; elsewhere a JSON number for a numeric column, else a JSON
     * string.
     */
    String json(Table table, int row) {
        StringBuilder json = new StringBuilder();
        for (Part part : parts) {
            if (part.column() == null) {
                json.append(part.text());
                continue;
            }
            Column column = table.column(part.column());
            if (part.quoted()) {
                json.append(Json.escape(column.text(row)));
            } else if (column instanceof NumericColumn numeric) {
                json.append(Json.number(numeric.value(row)));
            } else {
                json.append(Json.quote(column.text(row)));
            }
        }
        return json.toString();
    }
}
