package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import java.util.BitSet;

/**
 * The rows of one slice: {@code rows == null} means every row (the overall slice, kept implicit
 * so that the common case allocates nothing).
 *
 * @param name       {@code overall}, a named slice, or {@code column=value}
 * @param definition how the slice was defined, for messages
 * @param rows       row indices in ascending order, or {@code null} for all rows
 * @param size       number of rows
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record SliceRows(String name, String definition, int[] rows, int size) {

    static SliceRows all(int n) {
        return new SliceRows("overall", "all rows", null, n);
    }

    static SliceRows of(String name, String definition, BitSet selected) {
        int[] rows = selected.stream().toArray();
        return new SliceRows(name, definition, rows, rows.length);
    }

    /** The row index of the {@code i}-th example of the slice. */
    int row(int i) {
        return rows == null ? i : rows[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
