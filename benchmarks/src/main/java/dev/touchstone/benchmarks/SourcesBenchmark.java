package dev.touchstone.benchmarks;

import dev.touchstone.config.Secret;
import dev.touchstone.data.Database;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Touchstone on data that stays in an engine, against the engine's own bare {@code GROUP BY} of
 * the same confusion cells. The same five metrics with intervals on every slice as
 * {@link EvaluateBenchmark} (overall, each camera, each weather).
 *
 * <ul>
 *   <li>{@code parquet <rows> <file.parquet>}: writes the file with DuckDB when it does not exist
 *       (deterministic: every value is a hash of the row number), then times DuckDB's bare
 *       grouping-sets query of the confusion cells of every slice, and Touchstone's
 *       {@code Dataset.fromParquet};</li>
 *   <li>{@code spark <rows> <file.parquet>}: the same file (written as for {@code parquet}) read by
 *       Spark {@code local[2]}: times Spark's bare grouping-sets query of the confusion cells, and
 *       Touchstone's {@code SparkDatasets.of(spark.read().parquet(file))};</li>
 *   <li>{@code postgres <rows> <jdbc-url> <user>} (password in {@code PGPASSWORD}): loads the same
 *       rows into table {@code bench_predictions} when it does not have them, then times the bare
 *       query and {@code Dataset.fromTable}.</li>
 * </ul>
 *
 * <p>Prints one line per figure and, last, one JSON object.
 */
public final class SourcesBenchmark {

    /** Held here: a logger nobody references may be collected with its level and handler. */
    private static final java.util.logging.Logger SQL_LOG =
            java.util.logging.Logger.getLogger("dev.touchstone.data.internal.SqlSource");

    private SourcesBenchmark() {
    }

    /** The rows as SQL over {@code range(rows)}: DuckDB's hash gives the same values on every run. */
    static String rowsSql(long rows) {
        return "SELECT i AS id, CASE WHEN u1 < 0.3 THEN '1' ELSE '0' END AS label,"
                + " CASE WHEN score >= 0.5 THEN '1' ELSE '0' END AS predicted, score, camera, weather FROM ("
                + " SELECT i, u1, round(least(1.0, greatest(0.0, CASE WHEN u1 < 0.3 THEN 0.62 ELSE 0.38 END"
                + " + (u2 - 0.5) * 0.9)), 4) AS score,"
                + " ['front', 'rear', 'left', 'right', 'roof'][1 + (hash(i, 3) % 5)::INTEGER] AS camera,"
                + " ['clear', 'cloudy', 'rain', 'fog'][1 + (hash(i, 4) % 4)::INTEGER] AS weather FROM ("
                + " SELECT i, (hash(i, 1) % 1000000) / 1e6 AS u1, (hash(i, 2) % 1000000) / 1e6 AS u2"
                + " FROM range(" + rows + ") t(i)))";
    }

    static final String BARE = "SELECT camera, weather, label, predicted, count(*) FROM %s"
            + " GROUP BY GROUPING SETS ((label, predicted), (camera, label, predicted), (weather, label, predicted))";

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long rows = Long.parseLong(args[1]);
        double generateS = 0;
        double bareS;
        Dataset data;
        String source;
        if (kind.equals("parquet")) {
            Path file = Path.of(args[2]);
            if (!Files.exists(file)) {
                long t = System.nanoTime();
                duckdb("COPY (" + rowsSql(rows) + ") TO '" + file + "' (FORMAT parquet)");
                generateS = (System.nanoTime() - t) / 1e9;
            }
            source = file.toString();
            duckdb("SELECT 1"); // loads DuckDB's native library before anything is timed
            long t = System.nanoTime();
            long groups = countRows(DriverManager.getConnection("jdbc:duckdb:"),
                    String.format(Locale.ROOT, BARE, "read_parquet('" + file + "')"));
            bareS = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "bare DuckDB GROUP BY of the confusion cells: %.2f s (%d groups)%n", bareS, groups);
            data = Dataset.fromParquet(file);
        } else if (kind.equals("spark")) {
            Path file = Path.of(args[2]);
            if (!Files.exists(file)) {
                long t = System.nanoTime();
                duckdb("COPY (" + rowsSql(rows) + ") TO '" + file + "' (FORMAT parquet)");
                generateS = (System.nanoTime() - t) / 1e9;
            }
            source = "Spark local[2] reading " + file;
            long t0 = System.nanoTime();
            org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().master("local[2]")
                    .appName("touchstone-benchmark").config("spark.ui.enabled", "false").getOrCreate();
            System.out.printf(Locale.ROOT, "Spark session started in %.2f s%n", (System.nanoTime() - t0) / 1e9);
            spark.read().parquet(file.toString()).createOrReplaceTempView("bench_predictions");
            long t = System.nanoTime();
            long groups = spark.sql(String.format(Locale.ROOT, BARE, "bench_predictions")).collectAsList().size();
            bareS = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "bare Spark GROUP BY of the confusion cells: %.2f s (%d groups)%n", bareS, groups);
            data = dev.touchstone.spark.SparkDatasets.of(spark.read().parquet(file.toString()), "bench_predictions");
        } else {
            String url = args[2];
            Properties login = new Properties();
            login.setProperty("user", args[3]);
            login.setProperty("password", System.getenv("PGPASSWORD"));
            try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_predictions (id bigint, label text, predicted text,"
                        + " score double precision, camera text, weather text)");
                long have;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_predictions")) {
                    rs.next();
                    have = rs.getLong(1);
                }
                if (have != rows) {
                    long t = System.nanoTime();
                    s.execute("TRUNCATE bench_predictions");
                    Path csv = Files.createTempFile("bench", ".csv");
                    duckdb("COPY (" + rowsSql(rows) + ") TO '" + csv + "' (HEADER false)");
                    org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                    try (var in = Files.newBufferedReader(csv)) {
                        copy.copyIn("COPY bench_predictions FROM STDIN WITH (FORMAT csv)", in);
                    }
                    Files.delete(csv);
                    s.execute("ANALYZE bench_predictions");
                    generateS = (System.nanoTime() - t) / 1e9;
                }
            }
            source = "table bench_predictions";
            long t = System.nanoTime();
            long groups = countRows(DriverManager.getConnection(url, login), String.format(Locale.ROOT, BARE,
                    "bench_predictions"));
            bareS = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "bare PostgreSQL GROUP BY of the confusion cells: %.2f s (%d groups)%n", bareS,
                    groups);
            data = Dataset.fromTable(Database.at(url).withUser(args[3]).withPassword(Secret.env("PGPASSWORD")),
                    "bench_predictions");
        }

        // every statement Touchstone sends, with its time: what was pushed down, and how many scans
        List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Logger log = SQL_LOG;
        log.setLevel(java.util.logging.Level.FINE);
        log.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                statements.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        long start = System.nanoTime();
        Model model = Model.logged("bench", data.withLabel("label").withPrediction("predicted").withScore("score")
                .withPositiveClass("1"));
        List<MetricValue> results = new ArrayList<>();
        for (String metric : EvaluateBenchmark.METRICS) {
            results.add(EvaluateBenchmark.overall(model, metric));
            for (String column : EvaluateBenchmark.SLICE_COLUMNS) {
                results.addAll(EvaluateBenchmark.eachSliceOf(model, column, metric).values());
            }
        }
        double touchstoneS = (System.nanoTime() - start) / 1e9;
        EvaluateBenchmark.Heap heap = EvaluateBenchmark.Heap.measure();
        boolean loaded = dev.touchstone.data.internal.DatasetAccess.isLoaded(data);
        EvaluateBenchmark.printTable(results);
        for (String statement : statements) {
            System.out.println("statement " + statement.replaceAll("read_parquet\\('[^']*'\\)", "read_parquet(...)"));
        }
        System.out.printf(Locale.ROOT, "Touchstone on %s: %,d rows, %d metric values with intervals in %.2f s"
                + " (%.2f x the bare GROUP BY) with %d statements; rows read into the JVM: %s; heap peak %.0f MB of %.0f"
                + " MB%n", source, rows, results.size(), touchstoneS, touchstoneS / bareS, statements.size(),
                loaded ? "yes" : "no", heap.peakBytes() / EvaluateBenchmark.MB,
                heap.maxBytes() / EvaluateBenchmark.MB);
        System.out.printf(Locale.ROOT, "{\"source\": \"%s\", \"rows\": %d, \"generate_s\": %.2f, \"bare_group_by_s\": %.3f,"
                + " \"touchstone_s\": %.3f, \"ratio\": %.2f, \"rows_loaded\": %s, \"heap_peak_mb\": %.0f,"
                + " \"metric_values\": %d, \"statements\": %d, \"loadavg\": \"%s\"}%n", kind, rows, generateS, bareS,
                touchstoneS, touchstoneS / bareS, loaded, heap.peakBytes() / EvaluateBenchmark.MB, results.size(),
                statements.size(),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static long countRows(Connection connection, String sql) throws SQLException {
        try (connection; Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static void duckdb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
