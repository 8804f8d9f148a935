package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import java.sql.SQLException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Rows an engine streams, as a table in memory, typed as {@link SqlValues} types them, so that an
 * engine outside this module reads values exactly as a JDBC source does.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class EngineTables {

    private EngineTables() {
    }

    /**
     * Reads every row of {@code rows}, whose columns are {@code columnTypes} in order.
     *
     * @throws DataFormatException naming {@code source} when there is no row
     */
    public static Table read(String source, Map<String, Integer> columnTypes, Engine.Cursor rows) throws SQLException {
        ResultColumns columns = new ResultColumns(source, columnTypes);
        try (Progress progress = Progress.start("reading " + source, 0, "rows")) {
            columns.readAll(rows, progress);
        }
        if (columns.rowCount() == 0) {
            throw new DataFormatException(source + ": the query returned no rows");
        }
        return new Table(source, columns.rowCount(), columns.build(), null);
    }
}
