package dev.touchstone.data.internal;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.Row;
import dev.touchstone.data.table.Table;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The evaluation's way to tell whether two dataset copies read the same loaded table:
 * {@code Dataset} keeps this package-private and hands this class a bridge when it is loaded.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class DatasetAccess {

    private static volatile Function<Dataset, Object> tableIdentity;
    private static volatile BiFunction<Table, Integer, Row> row;
    private static volatile Function<Dataset, LazyTable> lazyTable;

    private DatasetAccess() {
    }

    /** Called by {@code Dataset}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Function<Dataset, Object> identityBridge,
            BiFunction<Table, Integer, Row> rowBridge, Function<Dataset, LazyTable> tableBridge) {
        if (tableIdentity == null) {
            tableIdentity = Objects.requireNonNull(identityBridge, "tableIdentity");
            row = Objects.requireNonNull(rowBridge, "row");
            lazyTable = Objects.requireNonNull(tableBridge, "lazyTable");
        }
    }

    /** Whether the dataset's rows were read into memory (for tests of what stays in an engine). */
    public static boolean isLoaded(Dataset dataset) {
        return lazy(dataset).isLoaded();
    }

    private static LazyTable lazy(Dataset dataset) {
        Function<Dataset, LazyTable> bridge = lazyTable;
        if (bridge == null) {
            throw new IllegalStateException("Dataset has not installed its bridge");
        }
        return bridge.apply(dataset);
    }

    /**
     * The SQL engine that holds the dataset's rows (a Parquet file, a query), when its metrics can
     * be aggregated there, and whether the rows were already read into memory.
     */
    public static java.util.Optional<SqlSource> engine(Dataset dataset) {
        Function<Dataset, LazyTable> bridge = lazyTable;
        if (bridge == null) {
            throw new IllegalStateException("Dataset has not installed its bridge");
        }
        return bridge.apply(dataset).engine();
    }

    /** Row {@code index} of {@code table}, as an in-process model sees it. */
    public static Row row(Table table, int index) {
        BiFunction<Table, Integer, Row> bridge = row;
        if (bridge == null) {
            Objects.requireNonNull(Dataset.class); // loading Dataset installs the bridges
            throw new IllegalStateException("Dataset has not installed its bridge");
        }
        return bridge.apply(table, index);
    }

    /**
     * An object equal for every copy of a dataset that reads the same loaded table, whatever the
     * roles: what an in-process model's predictions depend on.
     */
    public static Object tableIdentity(Dataset dataset) {
        Function<Dataset, Object> bridge = tableIdentity;
        if (bridge == null) {
            throw new IllegalStateException("Dataset has not installed its bridge");
        }
        return bridge.apply(dataset);
    }
}
