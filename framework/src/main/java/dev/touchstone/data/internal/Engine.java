package dev.touchstone.data.internal;

import dev.touchstone.data.table.Table;
import java.sql.SQLException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Where a dataset's rows are, when they are aggregated there instead of read into memory: a
 * JDBC database or DuckDB ({@link SqlSource}), or a cluster in another module. The pushdown
 * speaks SQL text over {@link #relation()}; an engine with another dialect translates it, and
 * hands back the small aggregated result through a {@link Cursor}.
 *
 * <p>Every failure is a {@link dev.touchstone.data.table.DataFormatException} that names
 * {@link #source()}.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface Engine {

    /** What messages call this source. */
    String source();

    /** The columns and their {@link java.sql.Types} codes, in order. */
    Map<String, Integer> columnTypes();

    /** SQL that can follow {@code FROM}: a table name, a subquery, a view. */
    String relation();

    /**
     * Whether the rows come in the same order on every scan (a Parquet scan), so columns can be
     * read one at a time and the fingerprint hashes them in that order; else (a database, a
     * cluster) a fingerprint with ids is order-independent.
     */
    boolean stableOrder();

    /** {@code identifier} quoted as this engine's SQL reads it. */
    String quoted(String identifier);

    /**
     * Runs {@code sql} and hands its rows to {@code reader}.
     *
     * @param doing what the query is for, for messages: "counting the rows"
     */
    <T> T query(String sql, String doing, Reader<T> reader);

    /** The rows in memory, for what the engine cannot aggregate. */
    Table table();

    /** The rows of a result, one at a time; columns count from 1, as in JDBC. */
    interface Cursor {
        boolean next() throws SQLException;

        /** The value as JDBC would give it: String, a boxed number, BigDecimal, or null. */
        Object getObject(int column) throws SQLException;

        /** A count: 0 for null. */
        long getLong(int column) throws SQLException;
    }

    /** A result handler. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Cursor rows) throws SQLException;
    }
}
