package dev.touchstone.data;

import dev.touchstone.data.internal.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Builds a small in-memory {@link Dataset}: declare the columns, then add rows. Numbers become
 * numeric columns, everything else text; {@code null} is a missing value.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DatasetBuilder {

    private final String name;
    private List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    DatasetBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public DatasetBuilder columns(String... names) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("declare the columns of dataset '" + name + "' before its rows");
        }
        this.columns = List.of(names);
        return this;
    }

    public DatasetBuilder row(Object... values) {
        if (columns == null) {
            throw new IllegalStateException("declare the columns of dataset '" + name + "' first: columns(\"label\", ...)");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("dataset '" + name + "' row " + (rows.size() + 1) + " has "
                    + values.length + " values but the columns are " + columns);
        }
        rows.add(values.clone());
        return this;
    }

    public Dataset build() {
        if (columns == null) {
            throw new IllegalStateException("dataset '" + name + "' has no columns");
        }
        TableBuilder table = new TableBuilder("dataset '" + name + "'", columns);
        for (Object[] row : rows) {
            table.addValues(row);
        }
        return Dataset.of(name, table.build());
    }
}
