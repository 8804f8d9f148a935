package dev.touchstone.slice.internal;

import dev.touchstone.data.table.Table;
import dev.touchstone.slice.Slice;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * The evaluation's way to select a slice's rows: {@code Slice} keeps {@code select}
 * package-private and hands this class a bridge to it when it is loaded.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class SliceAccess {

    private static volatile BiFunction<Slice, Table, BitSet> select;
    private static volatile BiFunction<Slice, SqlColumns, String> sql;

    private SliceAccess() {
    }

    /** Called by {@code Slice}'s static initialiser; later calls are ignored. */
    public static synchronized void install(BiFunction<Slice, Table, BitSet> bridge,
            BiFunction<Slice, SqlColumns, String> sqlBridge) {
        if (select == null) {
            select = Objects.requireNonNull(bridge, "bridge");
            sql = Objects.requireNonNull(sqlBridge, "sqlBridge");
        }
    }

    /**
     * The slice as a SQL condition that is true exactly for the rows {@link #select} would
     * select (never NULL: a missing value satisfies no comparison, and {@code not} includes it).
     *
     * @throws NotPushable when the slice has no exact SQL form here
     */
    public static String sql(Slice slice, SqlColumns columns) {
        BiFunction<Slice, SqlColumns, String> bridge = sql;
        if (bridge == null) {
            throw new IllegalStateException("Slice has not installed its bridge");
        }
        return bridge.apply(slice, columns);
    }

    /**
     * The rows of {@code table} in {@code slice}. Fails with a message naming the column when a
     * condition does not fit the data (unknown column, order comparison on text).
     */
    public static BitSet select(Slice slice, Table table) {
        BiFunction<Slice, Table, BitSet> bridge = select;
        if (bridge == null) {
            throw new IllegalStateException("Slice has not installed its bridge");
        }
        return bridge.apply(slice, table);
    }
}
