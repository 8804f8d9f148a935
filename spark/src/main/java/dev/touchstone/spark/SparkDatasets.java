package dev.touchstone.spark;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.data.internal.LazyTable;
import dev.touchstone.spark.internal.SparkEngine;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;

/**
 * Logged predictions in Spark as a Touchstone {@link Dataset}, with the usual
 * {@code withLabel/withPrediction/withScore/withId/withSlice}. Spark aggregates the sufficient
 * statistics (confusion cells and score counts per slice, row counts, id checks, the fingerprint's
 * scan); Touchstone computes the metrics, intervals and verdicts from them. Metrics that need the
 * examples (regression and probability metrics, paired comparisons) read every column into the
 * driver's memory, and a {@code [touchstone]} line says so.
 *
 * <pre>{@code
 * Dataset predictions = SparkDatasets.of(spark.read().parquet("s3://lake/churn/"), "churn")
 *         .withLabel("churned").withPrediction("predicted").withScore("score");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SparkDatasets {

    private SparkDatasets() {
    }

    /** The rows of a Spark {@code Dataset<Row>}, named {@code name} in results and messages. */
    public static Dataset of(org.apache.spark.sql.Dataset<Row> rows, String name) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(name, "name");
        return DatasetAccess.dataset(name, new LazyTable(new SparkEngine(() -> rows, "Spark dataset " + name)));
    }

    /** Every row of a table or view the session knows ({@code predictions} or {@code db.predictions}), named after it. */
    public static Dataset fromTable(SparkSession spark, String table) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(table, "table");
        return DatasetAccess.dataset(table, new LazyTable(new SparkEngine(() -> spark.table(table), "Spark table " + table)));
    }

    /**
     * Parquet files Spark reads ({@code spark.read().parquet(path)}): a file or a folder, with
     * partition folders ({@code day=2026-12-01/}) as columns typed as Spark infers them. Named
     * after the last part of the path.
     */
    public static Dataset fromParquet(SparkSession spark, String path) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(path, "path");
        String trimmed = path.replaceAll("/+$", "");
        String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return DatasetAccess.dataset(name.isEmpty() ? path : name,
                new LazyTable(new SparkEngine(() -> spark.read().parquet(path), "Spark parquet " + path)));
    }
}
