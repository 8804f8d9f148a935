package dev.touchstone.data.internal;

import dev.touchstone.data.table.Table;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Loads a table on first use and keeps it: every copy of a dataset shares one instance, so
 * {@code withLabel(...)} and friends never re-read the file. Loading is deferred because test
 * discovery initialises spec classes and must stay cheap.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LazyTable {

    private final String source;
    private final Supplier<Table> loader;
    private final Engine engine;
    private volatile Table table;

    public LazyTable(String source, Supplier<Table> loader) {
        this.source = Objects.requireNonNull(source, "source");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.engine = null;
    }

    /** Rows in an engine: read into memory on first use, or aggregated where they are. */
    public LazyTable(Engine engine) {
        this.source = engine.source();
        this.loader = engine::table;
        this.engine = engine;
    }

    /** The engine that holds the rows, when the data can be aggregated where it is. */
    public java.util.Optional<Engine> engine() {
        return java.util.Optional.ofNullable(engine);
    }

    /** Whether the rows were read into memory. */
    public boolean isLoaded() {
        return table != null;
    }

    public static LazyTable of(Table table) {
        LazyTable lazy = new LazyTable(table.source(), () -> table);
        lazy.table = table;
        return lazy;
    }

    public String source() {
        return source;
    }

    public Table get() {
        Table loaded = table;
        if (loaded == null) {
            synchronized (this) {
                loaded = table;
                if (loaded == null) {
                    loaded = loader.get();
                    table = loaded;
                }
            }
        }
        return loaded;
    }
}
