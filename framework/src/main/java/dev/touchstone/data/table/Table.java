package dev.touchstone.data.table;

import dev.touchstone.internal.text.NumberParser;
import dev.touchstone.internal.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The loaded, columnar content of a dataset. Immutable; shared by every copy of a
 * {@link dev.touchstone.data.Dataset}. Remembers the source line of every row so that errors can point at it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Table {

    private final String source;
    private final int rowCount;
    private final Map<String, Column> columns;
    private final int @Nullable [] rowLines;
    // a source that reads columns when first asked for them (Parquet): every name, in order
    private final @Nullable List<String> names;
    private final @Nullable Function<String, Column> loader;

    /**
     * @param source   what to call the origin in messages: a file path or {@code dataset 'x'}
     * @param rowLines the 1-based source line on which each row starts, or {@code null} when
     *                 rows have no lines (in-memory data); then rows are numbered from 1
     */
    public Table(String source, int rowCount, List<Column> columns, int @Nullable [] rowLines) {
        this.source = Objects.requireNonNull(source, "source");
        this.rowCount = rowCount;
        LinkedHashMap<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rowCount);
            }
            if (byName.put(column.name(), column) != null) {
                throw new DataFormatException(source + ": duplicate column name '" + column.name() + "'");
            }
        }
        this.columns = byName;
        this.rowLines = rowLines;
        this.names = null;
        this.loader = null;
    }

    /**
     * A table whose columns are read when first asked for, so a spec reads only the columns it
     * uses. {@code loader} must return a column of exactly {@code rowCount} rows in the same row
     * order every time; a column of another length is an error naming the source.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Table(String source, int rowCount, List<String> names, Function<String, Column> loader) {
        this.source = Objects.requireNonNull(source, "source");
        this.rowCount = rowCount;
        this.rowLines = null;
        this.columns = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DataFormatException(source + ": duplicate column name '" + Printable.escape(name) + "'");
            }
        }
        this.names = List.copyOf(names);
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    public String source() {
        return source;
    }

    public int rowCount() {
        return rowCount;
    }

    public List<String> columnNames() {
        return names != null ? names : List.copyOf(columns.keySet());
    }

    public Optional<Column> findColumn(String name) {
        return Optional.ofNullable(get(name));
    }

    private @Nullable Column get(String name) {
        Column column = columns.get(name);
        if (column != null || names == null || !names.contains(name)) {
            return column;
        }
        synchronized (this) {
            column = columns.get(name);
            if (column == null) {
                column = loader.apply(name);
                if (column.size() != rowCount) {
                    throw new DataFormatException(source + ": column '" + Printable.escape(name) + "' has "
                            + column.size() + " rows, but the source had " + rowCount
                            + " when it was opened; did it change while it was read?");
                }
                columns.put(name, column);
            }
        }
        return column;
    }

    /** The column, or a {@link DataFormatException} that lists the columns that do exist. */
    public Column column(String name) {
        Column column = get(name);
        if (column == null) {
            throw new DataFormatException(source + ": no column named '" + name + "'; the columns are "
                    + new ArrayList<>(columnNames()));
        }
        return column;
    }

    /** "detections.csv line 17" or "dataset 'x' row 17": where a row came from. */
    public String locate(int row) {
        return rowLines == null
                ? source + " row " + (row + 1)
                : source + " line " + rowLines[row];
    }

    /** "detections.csv line 17, column 'score'". */
    public String locate(int row, String column) {
        return locate(row) + ", column '" + Printable.escape(column) + "'";
    }

    /**
     * Why column {@code name} is not numeric: the location and text of its first value that is
     * not a number, for error messages ("data.csv line 9, column 'score': 'high' is not a number"),
     * with why it is not when that is simple (spaces around it, a type suffix, hexadecimal) and,
     * when only a few values are not numbers, how few: a column that a stray row turned into text
     * ("1 of 4,000 values is not a number; the others are").
     */
    public String firstNonNumeric(String name) {
        Column column = column(name);
        NumberParser numbers = new NumberParser(); // the readers' grammar: what they did not read as a number
        int first = -1;
        int present = 0;
        int notNumbers = 0;
        for (int row = 0; row < rowCount; row++) {
            String text = column.text(row);
            if (text == null) {
                continue;
            }
            present++;
            if (!numbers.parse(text)) {
                notNumbers++;
                first = first < 0 ? row : first;
            }
        }
        if (first < 0) {
            return source + ", column '" + Printable.escape(name) + "': not numeric";
        }
        String text = column.text(first);
        String message = locate(first, name) + ": " + Printable.quote(text) + " is not a number"
                + NumberParser.whyNot(text);
        if (notNumbers < present && notNumbers <= Math.max(3, present / 100)) {
            message += String.format(Locale.ROOT, "; %,d of %,d values %s not a number, the others are",
                    notNumbers, present, notNumbers == 1 ? "is" : "are");
        }
        return message;
    }
}
