package dev.touchstone.data;

import dev.touchstone.data.table.DataFormatException;

import dev.touchstone.data.table.NumericColumn;

import dev.touchstone.data.table.Column;

import dev.touchstone.data.table.Table;

import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One example, as an in-process model sees it: read-only access to the row's columns. A row
 * object is only valid during the call it was passed to.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Row {

    private final Table table;
    private final int index;

    Row(Table table, int index) {
        this.table = table;
        this.index = index;
    }

    /** 0-based position of the row in its dataset. */
    public int index() {
        return index;
    }

    /** The value as text, or {@code null} when missing. Unknown columns fail with the known ones. */
    public @Nullable String get(String column) {
        return table.column(column).text(index);
    }

    public boolean isMissing(String column) {
        return table.column(column).isMissing(index);
    }

    /** The numeric value; empty when missing. Fails if the column is not numeric. */
    public OptionalDouble getDouble(String column) {
        Column c = table.column(column);
        if (c instanceof NumericColumn numeric) {
            return numeric.isMissing(index) ? OptionalDouble.empty() : OptionalDouble.of(numeric.value(index));
        }
        throw new DataFormatException(table.locate(index, column) + ": '" + c.text(index) + "' is not a number");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Row[");
        for (String name : table.columnNames()) {
            if (text.length() > 4) {
                text.append(", ");
            }
            text.append(name).append('=').append(table.column(name).text(index));
        }
        return text.append(']').toString();
    }
}
