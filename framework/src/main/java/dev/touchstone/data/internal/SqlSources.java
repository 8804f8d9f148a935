package dev.touchstone.data.internal;

import dev.touchstone.data.Database;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.internal.text.Excerpt;
import dev.touchstone.internal.text.Printable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The SQL sources a dataset can come from: Parquet files, a query, a table. */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SqlSources {

    /** DuckDB's in-memory engine: reads Parquet, runs the aggregates, keeps nothing. */
    public static final String DUCKDB = "jdbc:duckdb:";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");

    private SqlSources() {
    }

    /**
     * A Parquet file, or a folder of them read recursively with hive-style partitions
     * ({@code date=2026-12-01/part-0.parquet} adds a column {@code date}); partition values
     * stay text as written, never cast ({@code 007} stays {@code 007}). Rows come in file order,
     * files in name order, the same on every scan.
     */
    public static SqlSource parquet(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new DataFormatException("no such file or folder: " + absolute);
        }
        String relation;
        if (Files.isDirectory(absolute)) {
            String glob = absolute.toString().replace('\\', '/') + "/**/*.parquet";
            relation = "read_parquet(" + SqlSource.literal(glob)
                    + ", hive_partitioning = true, hive_types_autocast = false)";
        } else {
            relation = "read_parquet(" + SqlSource.literal(absolute.toString()) + ")";
        }
        return new SqlSource(Database.at(DUCKDB), relation, path.toString(), true);
    }

    /** The rows of {@code sql} on {@code database}; read in one scan (a query's row order may vary). */
    public static SqlSource query(Database database, String sql) {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the query must not be blank");
        }
        String source = "query " + Printable.quote(body.replaceAll("\\s+", " ")) + " on " + database.describe();
        return new SqlSource(database, "(" + body + ") AS touchstone_rows", source, false);
    }

    /** Every row of table {@code name} ({@code predictions} or {@code schema.predictions}). */
    public static SqlSource table(Database database, String name) {
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Excerpt.of(name) + " is not a table name (letters, digits, _"
                    + " and $, optionally schema.table); for anything else use Dataset.fromQuery");
        }
        return new SqlSource(database, name, "table " + name + " on " + database.describe(), false);
    }
}
