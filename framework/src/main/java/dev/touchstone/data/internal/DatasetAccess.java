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
    private static volatile BiFunction<String, LazyTable, Dataset> factory;

    private DatasetAccess() {
    }

    /** Called by {@code Dataset}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Function<Dataset, Object> identityBridge,
            BiFunction<Table, Integer, Row> rowBridge, Function<Dataset, LazyTable> tableBridge,
            BiFunction<String, LazyTable, Dataset> datasetFactory) {
        if (tableIdentity == null) {
            tableIdentity = Objects.requireNonNull(identityBridge, "tableIdentity");
            row = Objects.requireNonNull(rowBridge, "row");
            lazyTable = Objects.requireNonNull(tableBridge, "lazyTable");
            factory = Objects.requireNonNull(datasetFactory, "factory");
        }
    }

    /**
     * A dataset named {@code name} with no roles over {@code table}: how a source outside the
     * framework (an engine in another module) becomes a {@code Dataset}.
     */
    public static Dataset dataset(String name, LazyTable table) {
        BiFunction<String, LazyTable, Dataset> bridge = factory;
        if (bridge == null) {
            try { // initialising Dataset installs the bridges
                Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            bridge = factory;
        }
        return bridge.apply(Objects.requireNonNull(name, "name"), Objects.requireNonNull(table, "table"));
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
     * The engine that holds the dataset's rows (a Parquet file, a query, a Spark plan), when its
     * metrics can be aggregated there.
     */
    public static java.util.Optional<Engine> engine(Dataset dataset) {
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
