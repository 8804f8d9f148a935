package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import java.util.BitSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one slice: {@code rows == null} means every row (the overall slice, kept implicit
 * so that the common case allocates nothing). A slice of data that stays in a SQL engine has no
 * rows here: it carries its {@link Pushed} condition instead, and {@link #rows()} fails on it,
 * so no row-based code can ever read it as "every row".
 *
 * @param name       {@code overall}, a named slice, or {@code column=value}
 * @param definition how the slice was defined, for messages
 * @param rows       row indices in ascending order, or {@code null} for all rows
 * @param size       number of rows
 * @param pushed     the slice's condition in the engine that holds the rows, or {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record SliceRows(String name, String definition, int[] rows, int size, @Nullable Pushed pushed) {

    /**
     * A slice of rows that stay in the engine.
     *
     * @param where    a SQL condition true for exactly the slice's rows, or {@code null} for all rows
     * @param inMemory the same slice selected in memory (reads the columns it needs), for metrics
     *                 the engine cannot aggregate
     */
    public record Pushed(@Nullable String where, Supplier<SliceRows> inMemory) {
    }

    public SliceRows(String name, String definition, int[] rows, int size) {
        this(name, definition, rows, size, null);
    }

    static SliceRows all(int n) {
        return new SliceRows("overall", "all rows", null, n);
    }

    static SliceRows of(String name, String definition, BitSet selected) {
        int[] rows = selected.stream().toArray();
        return new SliceRows(name, definition, rows, rows.length);
    }

    @Override
    public int[] rows() {
        requireRows();
        return rows;
    }

    /** The row index of the {@code i}-th example of the slice. */
    int row(int i) {
        requireRows();
        return rows == null ? i : rows[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    boolean isPushed() {
        return pushed != null;
    }

    private void requireRows() {
        if (pushed != null) {
            throw new IllegalStateException("slice '" + name + "' stays in the engine; select it in memory first");
        }
    }
}
