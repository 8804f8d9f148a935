package dev.touchstone.spark.internal;

import dev.touchstone.data.internal.Engine;
import dev.touchstone.data.internal.EngineTables;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.text.Printable;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apiguardian.api.API;

/**
 * Rows of a Spark {@link Dataset}, aggregated by Spark: the rows are registered as a temporary
 * view and the pushdown's {@code GROUP BY} queries run through {@link SparkSession#sql} in Spark's
 * dialect ({@link SparkSql}). Only the small aggregated results come back to the driver; the
 * statistics and verdicts are computed by Touchstone from them.
 *
 * <p>What cannot be aggregated reads every column in one scan, so values of one row stay
 * together even when Spark's row order is not the same on every scan.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SparkEngine implements Engine {

    private static final AtomicLong VIEWS = new AtomicLong();

    private final Supplier<Dataset<Row>> rows;
    private final String source;
    private volatile Dataset<Row> resolved;
    private volatile String view;
    private volatile Map<String, Integer> types;

    /**
     * @param rows   the rows, resolved on first use (a table or a path is looked up then, not when
     *               a spec class declares its dataset)
     * @param source what messages call it
     */
    public SparkEngine(Supplier<Dataset<Row>> rows, String source) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public String source() {
        return source;
    }

    private Dataset<Row> rows() {
        Dataset<Row> known = resolved;
        if (known == null) {
            synchronized (this) {
                known = resolved;
                if (known == null) {
                    known = spark("reading the rows", rows::get);
                    // a name no view of the user's can have: replacing theirs would change their data
                    String name = "touchstone_rows_" + VIEWS.incrementAndGet() + "_"
                            + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
                    Dataset<Row> registered = known;
                    spark("registering the rows as view " + name, () -> {
                        registered.createOrReplaceTempView(name);
                        return null;
                    });
                    view = name;
                    resolved = known;
                }
            }
        }
        return known;
    }

    @Override
    public Map<String, Integer> columnTypes() {
        Map<String, Integer> known = types;
        if (known == null) {
            Map<String, Integer> found = new LinkedHashMap<>();
            for (StructField field : rows().schema().fields()) {
                if (found.put(field.name(), SparkTypes.sqlType(field.dataType())) != null) {
                    throw new DataFormatException(source + ": duplicate column name '" + Printable.escape(field.name())
                            + "'; give each column its own name");
                }
            }
            known = Collections.unmodifiableMap(found);
            types = known;
        }
        return known;
    }

    @Override
    public String relation() {
        rows();
        return SparkSql.identifier(view);
    }

    /** Spark promises no row order across scans: a fingerprint with ids does not depend on it. */
    @Override
    public boolean stableOrder() {
        return false;
    }

    @Override
    public String quoted(String identifier) {
        return SparkSql.identifier(identifier);
    }

    @Override
    public <T> T query(String sql, String doing, Reader<T> reader) {
        SparkSession session = rows().sparkSession();
        boolean escaped = Boolean.parseBoolean(session.conf().get("spark.sql.parser.escapedStringLiterals", "false"));
        String translated;
        try {
            translated = SparkSql.translate(sql, escaped);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source + ": " + doing + " failed: " + Printable.escape(e.getMessage()));
        }
        return spark(doing, () -> {
            Iterator<Row> result = session.sql(translated).toLocalIterator();
            try {
                return reader.read(new RowCursor(result));
            } catch (SQLException e) {
                throw new DataFormatException(source + ": " + doing + " failed: " + Printable.escape(Printable.firstLine(e.getMessage())));
            }
        });
    }

    @Override
    public Table table() {
        return query("SELECT * FROM " + relation(), "reading the rows", cursor -> EngineTables.read(source, columnTypes(),
                cursor));
    }

    /** Runs {@code work}, turning Spark's failures (analysis, execution) into messages that name the source. */
    private <T> T spark(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception e) { // Spark's AnalysisException is checked, and thrown from methods that do not declare it
            Throwable cause = sparkFailure(e);
            if (cause == null) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            DataFormatException failure = new DataFormatException(source + ": " + doing + " failed: "
                    + Printable.escape(Printable.firstLine(cause.getMessage())));
            failure.initCause(e);
            throw failure;
        }
    }

    /** The Spark failure in {@code e}'s causes, or null when {@code e} is not Spark's. */
    private static Throwable sparkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Spark's rows as the pushdown reads them: columns from 1, values as JDBC would give them. */
    private static final class RowCursor implements Cursor {
        private final Iterator<Row> rows;
        private Row row;

        RowCursor(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            if (!rows.hasNext()) {
                row = null;
                return false;
            }
            row = rows.next();
            return true;
        }

        @Override
        public Object getObject(int column) {
            return row.get(column - 1);
        }

        @Override
        public long getLong(int column) {
            Object value = row.get(column - 1);
            return value == null ? 0 : ((Number) value).longValue();
        }
    }
}
