package dev.touchstone.data.internal;

import dev.touchstone.config.internal.SecretAccess;
import dev.touchstone.data.Database;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Rows that a SQL engine produces: a query or table on a JDBC database, or Parquet files read
 * by DuckDB's embedded engine. It is both a row source (the columns a spec uses, streamed into
 * a {@link Table}) and an engine that aggregates ({@link #query}), so sufficient statistics can
 * be computed where the data is.
 *
 * <p>Every failure is a {@link DataFormatException} that names the source; no message holds the
 * password or the URL's parameters.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SqlSource implements Engine {

    /** Rows fetched per round trip; PostgreSQL streams only with a fetch size and autocommit off. */
    static final int FETCH_SIZE = 10_000;

    /** How long a source's connection stays open without a query: past the end of a run, not across runs. */
    static final long IDLE_MILLIS = 2_000;

    /** Each statement with its time at FINE: where the time goes, how many scans a run makes. */
    private static final Logger LOG = Logger.getLogger(SqlSource.class.getName());

    private static final ScheduledExecutorService IDLE = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "touchstone-sql-idle");
        thread.setDaemon(true);
        return thread;
    });

    private final Database database;
    private final String relation;
    private final String source;
    private final boolean stableOrder;
    private volatile Map<String, Integer> types;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Connection connection; // guarded by lock
    private @Nullable ScheduledFuture<?> idle; // guarded by lock: closes the connection unless a query comes first

    /**
     * @param relation    SQL that can follow {@code FROM}: {@code (select ...) AS q}, a table name,
     *                    or {@code read_parquet(...)}
     * @param source      what messages call it
     * @param stableOrder whether the rows come in the same order on every scan, so columns can be
     *                    read one at a time (a Parquet scan); else a table is read in one scan
     */
    public SqlSource(Database database, String relation, String source, boolean stableOrder) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        this.source = Objects.requireNonNull(source, "source");
        this.stableOrder = stableOrder;
    }

    /** What messages call this source. */
    @Override
    public String source() {
        return source;
    }

    @Override
    public String relation() {
        return relation;
    }

    public Database database() {
        return database;
    }

    /** Whether the rows come in the same order on every scan (Parquet), not as a database pleases. */
    @Override
    public boolean stableOrder() {
        return stableOrder;
    }

    /** The columns and their {@link java.sql.Types} codes, in order. */
    @Override
    public Map<String, Integer> columnTypes() {
        Map<String, Integer> known = types;
        if (known == null) {
            known = run("SELECT * FROM " + relation + " LIMIT 0", "reading the columns", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Integer> found = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    if (found.put(meta.getColumnLabel(c), meta.getColumnType(c)) != null) {
                        throw new DataFormatException(source + ": duplicate column name '" + meta.getColumnLabel(c)
                                + "'; give each column of the query its own name");
                    }
                }
                return java.util.Collections.unmodifiableMap(found);
            });
            types = known;
        }
        return known;
    }

    /**
     * The rows as a table. A source with a stable order is read column by column when the spec
     * first uses a column; any other is read whole, in one scan, so its rows cannot be mixed up.
     */
    @Override
    public Table table() {
        if (!stableOrder) {
            return run("SELECT * FROM " + relation, "reading the rows", this::readAll);
        }
        Map<String, Integer> columns = columnTypes();
        long count = run("SELECT count(*) FROM " + relation, "counting the rows", rs -> {
            rs.next();
            return rs.getLong(1);
        });
        if (count > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(String.format(java.util.Locale.ROOT, "%s has %,d rows, more than one table in"
                    + " memory can hold; evaluate it with metrics the engine can aggregate (see README, 'Where your"
                    + " data lives')", source, count));
        }
        return new Table(source, (int) count, List.copyOf(columns.keySet()), this::readColumn);
    }

    private Column readColumn(String name) {
        return run("SELECT " + quote(name) + " FROM " + relation, "reading column '" + name + "'", rs -> {
            ResultColumns columns = new ResultColumns(source, rs.getMetaData());
            try (Progress progress = Progress.start("reading column '" + name + "' of " + source, 0, "rows")) {
                columns.readAll(rs, progress);
            }
            return columns.build().get(0);
        });
    }

    private Table readAll(ResultSet rs) throws SQLException {
        ResultColumns columns = new ResultColumns(source, rs.getMetaData());
        try (Progress progress = Progress.start("reading " + source, 0, "rows")) {
            columns.readAll(rs, progress);
        }
        if (columns.rowCount() == 0) {
            throw new DataFormatException(source + ": the query returned no rows");
        }
        return new Table(source, columns.rowCount(), columns.build(), null);
    }

    /** A result handler that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Override
    public <T> T query(String sql, String doing, Engine.Reader<T> reader) {
        return run(sql, doing, rs -> reader.read(new JdbcCursor(rs)));
    }

    /**
     * Runs {@code sql} and hands its result to {@code reader}, streaming it in batches. Queries
     * take turns on one connection per source (for Parquet, one DuckDB instance, so it keeps
     * what it learnt about the files); the connection closes after {@link #IDLE_MILLIS} without
     * a query and reopens on the next. A reader that queries again gets a connection of its own.
     *
     * @param doing what the query is for, for messages: "counting the rows"
     */
    <T> T run(String sql, String doing, Reader<T> reader) {
        long start = System.nanoTime();
        try {
            if (lock.isHeldByCurrentThread()) {
                try (Connection own = connect()) {
                    return run(own, sql, reader);
                } catch (SQLException e) {
                    throw SqlFailures.of(e, this, doing);
                }
            }
            lock.lock();
            try {
                if (idle != null) {
                    idle.cancel(false);
                }
                if (connection == null) {
                    connection = connect();
                }
                return run(connection, sql, reader);
            } catch (SQLException e) {
                discard();
                throw SqlFailures.of(e, this, doing);
            } finally {
                idle = IDLE.schedule(this::closeIfIdle, IDLE_MILLIS, TimeUnit.MILLISECONDS);
                lock.unlock();
            }
        } finally {
            if (LOG.isLoggable(Level.FINE)) {
                long nanos = System.nanoTime() - start;
                LOG.fine(() -> String.format(java.util.Locale.ROOT, "%s: %s, %.3f s: %s", source, doing, nanos / 1e9, sql));
            }
        }
    }

    private static <T> T run(Connection connection, String sql, Reader<T> reader) throws SQLException {
        // a transaction of its own: PostgreSQL streams only with autocommit off, and sees fresh data on every query
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(sql)) {
                return reader.read(rs);
            }
        } finally {
            connection.rollback();
        }
    }

    private void closeIfIdle() {
        if (lock.tryLock()) {
            try {
                if (idle != null && idle.getDelay(TimeUnit.MILLISECONDS) <= 0) {
                    discard();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Closes the connection, if any; after a failure it may be unusable, and a fresh one costs little. */
    private void discard() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing is best effort: the connection is dropped either way
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        database.user().ifPresent(user -> properties.setProperty("user", user));
        if (database.password().isPresent()) {
            properties.setProperty("password", SecretAccess.reveal(database.password().get()));
        }
        return DriverManager.getConnection(database.url(), properties);
    }

    /** The password's text, to scrub from driver messages; null when there is none. */
    String passwordText() {
        return database.password().map(SecretAccess::reveal).orElse(null);
    }

    /** An identifier in double quotes, as both PostgreSQL and DuckDB read it. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A string literal in single quotes. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    @Override
    public String quoted(String identifier) {
        return quote(identifier);
    }

    /** The names of the columns, in order. */
    public List<String> columnNames() {
        return new ArrayList<>(columnTypes().keySet());
    }
}
