package dev.touchstone.metric.internal;

import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import org.apiguardian.api.API;

/**
 * The values of one column on one slice, for distribution checks: the numbers of a numeric
 * column, and every column's text (a missing value is {@code null}), so that a change in how
 * often a value is missing is part of the distribution too.
 *
 * @param column  the column's name
 * @param numeric whether every present value is a number
 * @param numbers the present values of a numeric column, in row order (empty otherwise)
 * @param texts   the text of every row of the slice ({@code null} where missing)
 * @param missing how many rows have no value
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record ColumnValues(String column, boolean numeric, double[] numbers, String[] texts, int missing) {

    /** The values of {@code columnName} on {@code slice}; an unknown column fails with the columns that exist. */
    public static ColumnValues of(Outcomes outcomes, SliceRows slice, String columnName) {
        Table table = outcomes.table();
        Column column = table.column(columnName);
        int n = slice.size();
        String[] texts = new String[n];
        int missing = 0;
        for (int i = 0; i < n; i++) {
            int row = slice.row(i);
            texts[i] = column.text(row);
            if (texts[i] == null) {
                missing++;
            }
        }
        if (!(column instanceof NumericColumn numericColumn)) {
            return new ColumnValues(columnName, false, new double[0], texts, missing);
        }
        double[] numbers = new double[n - missing];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int row = slice.row(i);
            if (!numericColumn.isMissing(row)) {
                numbers[at++] = numericColumn.value(row);
            }
        }
        return new ColumnValues(columnName, true, numbers, texts, missing);
    }

    public int size() {
        return texts.length;
    }
}
