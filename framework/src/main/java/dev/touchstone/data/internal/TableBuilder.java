package dev.touchstone.data.internal;

import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.data.internal.GrowableArrays.IntList;
import dev.touchstone.internal.text.NumberParser;
import dev.touchstone.internal.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Accumulates rows of text and builds a columnar {@link Table}, inferring each column's type
 * in the same pass.
 *
 * <p>Rules: {@code null} and {@code ""} are missing values; nothing else is (not {@code NA},
 * not {@code null}, not spaces). A column is numeric iff every present value is a number in
 * the strict grammar of {@link NumberParser} (no trimming: {@code " 1"} is text), otherwise
 * categorical, dictionary-encoded in order of first appearance; a column with no present value
 * is categorical with an empty dictionary. A numeric column also keeps the text of every value
 * as written ({@code 007}, {@code 1.50}, {@code +3}), whatever its number of distinct values
 * (a dictionary up to {@value ColumnBuilder#MAX_NUMERIC_TEXTS}, a compact form above).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TableBuilder {

    private static final int LISTED_NAMES = 12;
    private static final int INITIAL_CAPACITY = 16;

    private final String source;
    private final List<ColumnBuilder> columns = new ArrayList<>();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private IntList lines;          // null until the first row, or when rows have no lines
    private boolean linesDecided;
    private boolean built;
    private int rowCount;

    /**
     * @param source what messages call the origin: the file path as given, or {@code dataset 'x'}
     * @param header the column names; none may be empty or repeated
     */
    public TableBuilder(String source, List<String> header) {
        this.source = Objects.requireNonNull(source, "source");
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isEmpty()) {
                throw new DataFormatException(source + ": column " + (i + 1) + " of the header has an empty name");
            }
            Integer previous = indexByName.get(name);
            if (previous != null) {
                throw new DataFormatException(source + ": duplicate column name '" + name + "' (columns "
                        + (previous + 1) + " and " + (i + 1) + " of the header)");
            }
            addColumn(name);
        }
    }

    /** The names of the columns so far, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnBuilder column : columns) {
            names.add(column.name());
        }
        return names;
    }

    public int rowCount() {
        return rowCount;
    }

    /**
     * Adds one row of text, one value per column; {@code null} or {@code ""} is missing.
     *
     * @param line the 1-based source line where the row starts, or -1 when rows have no lines
     */
    public void addRow(String[] fields, int line) {
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException(where(line) + ": expected " + columns.size() + " values "
                    + describe(columnNames()) + " but got " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            columns.get(i).add(fields[i]);
        }
        endRow(line);
    }

    /**
     * Adds one row of in-memory values: {@code null} is missing; a {@code Double} is written by
     * {@code Double.toString} and a {@code Float} by {@code Float.toString} (a short text that
     * reads back as exactly that value: {@code 0.1f} is "0.1", not "0.10000000149011612"), any
     * other object by {@code String.valueOf}. Rows are then numbered from 1 in messages.
     */
    public void addValues(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(where(-1) + ": expected " + columns.size() + " values "
                    + describe(columnNames()) + " but got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(text(values[i]));
        }
        endRow(-1);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Float f) {
            return Float.toString(f);
        }
        return String.valueOf(value);
    }

    /** The finished table; the builder cannot be used afterwards. */
    public Table build() {
        if (built) {
            throw new IllegalStateException(source + ": the table was already built");
        }
        built = true;
        List<Column> result = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            result.add(columns.get(i).build());
            columns.set(i, null); // let each column's scratch state go as soon as it is built
        }
        int[] rowLines = lines == null ? null : lines.toArray();
        return new Table(source, rowCount, result, rowLines);
    }

    // ---- for the readers in this package ----

    int columnCount() {
        return columns.size();
    }

    ColumnBuilder column(int index) {
        return columns.get(index);
    }

    /** The index of the column, or -1. */
    int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    /** Adds a column; the rows so far get a missing value in it. */
    int addColumn(String name) {
        ColumnBuilder column = new ColumnBuilder(name, rowCount == 0 ? INITIAL_CAPACITY : rowCount + (rowCount >> 2) + 16);
        for (int row = 0; row < rowCount; row++) {
            column.addMissing();
        }
        int index = columns.size();
        columns.add(column);
        indexByName.put(name, index);
        return index;
    }

    /** Ends the current row: columns that got no value in it get a missing value. */
    void endRow(int line) {
        int expected = rowCount + 1;
        for (int i = 0; i < columns.size(); i++) {
            ColumnBuilder column = columns.get(i);
            if (column.size() != expected) {
                column.addMissing();
            }
        }
        endCompleteRow(line);
    }

    /** Ends a row in which every column got exactly one value. */
    void endCompleteRow(int line) {
        int expected = rowCount + 1;
        if (!linesDecided) {
            linesDecided = true;
            lines = line > 0 ? new IntList(INITIAL_CAPACITY) : null;
        }
        if ((lines != null) != (line > 0)) {
            throw new IllegalArgumentException(source + ": rows must all have a line number or all have -1");
        }
        if (lines != null) {
            lines.add(line);
        }
        rowCount = expected;
    }

    String where(int line) {
        return line > 0 ? source + " line " + line : source + " row " + (rowCount + 1);
    }

    /** "(frame_id, label, score)", eliding the middle of very long headers. */
    static String describe(List<String> raw) {
        List<String> names = raw.stream().map(Printable::escape).toList();
        if (names.size() <= LISTED_NAMES) {
            return "(" + String.join(", ", names) + ")";
        }
        return "(" + String.join(", ", names.subList(0, LISTED_NAMES - 2)) + ", ... "
                + (names.size() - LISTED_NAMES + 1) + " more ..., " + names.get(names.size() - 1) + ")";
    }
}
