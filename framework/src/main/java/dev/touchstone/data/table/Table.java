package dev.touchstone.data.table;

import dev.touchstone.internal.text.NumberParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    }

    public String source() {
        return source;
    }

    public int rowCount() {
        return rowCount;
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public Optional<Column> findColumn(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** The column, or a {@link DataFormatException} that lists the columns that do exist. */
    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new DataFormatException(source + ": no column named '" + name + "'; the columns are "
                    + new ArrayList<>(columns.keySet()));
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
        return locate(row) + ", column '" + column + "'";
    }

    /**
     * Why column {@code name} is not numeric: the location and text of its first value that is
     * not a number, for error messages ("data.csv line 9, column 'score': 'high' is not a number").
     */
    public String firstNonNumeric(String name) {
        Column column = column(name);
        NumberParser numbers = new NumberParser(); // the readers' grammar: what they did not read as a number
        for (int row = 0; row < rowCount; row++) {
            String text = column.text(row);
            if (text != null && !numbers.parse(text)) {
                return locate(row, name) + ": '" + text + "' is not a number";
            }
        }
        return source + ", column '" + name + "': not numeric";
    }
}
