package dev.touchstone.data;

import dev.touchstone.data.table.Table;

import dev.touchstone.data.internal.CsvReader;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.data.internal.JsonLinesReader;
import dev.touchstone.data.internal.LazyTable;
import dev.touchstone.data.internal.SqlSources;
import dev.touchstone.slice.Slice;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Examples to evaluate a model on: a table of columns plus the roles of those columns (id,
 * label, prediction, score) and named slices. Immutable: every {@code withX} returns a copy that
 * shares the loaded columns. Files are read on first use, not when the dataset is declared.
 *
 * <pre>{@code
 * Dataset detections = Dataset.fromCsv(Path.of("src/test/resources/detections.csv"))
 *         .withLabel("label").withPrediction("predicted").withScore("score")
 *         .withPositiveClass("person")
 *         .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Dataset {

    static {
        DatasetAccess.install(Dataset::tableIdentity, Row::new, dataset -> dataset.table,
                (name, table) -> new Dataset(name, table, Roles.NONE, Map.of()));
    }

    private final String name;
    private final LazyTable table;
    private final Roles roles;
    private final Map<String, Slice> slices;

    /** Which column plays which part. */
    private record Roles(@Nullable String id, @Nullable String label, @Nullable String prediction,
            @Nullable String score, @Nullable String positiveClass, Map<String, String> classScores,
            @Nullable Double threshold) {

        static final Roles NONE = new Roles(null, null, null, null, null, Map.of(), null);

        Roles withId(String column) {
            return new Roles(column, label, prediction, score, positiveClass, classScores, threshold);
        }

        Roles withLabel(String column) {
            return new Roles(id, column, prediction, score, positiveClass, classScores, threshold);
        }

        Roles withPrediction(String column) {
            return new Roles(id, label, column, score, positiveClass, classScores, threshold);
        }

        Roles withScore(String column) {
            return new Roles(id, label, prediction, column, positiveClass, classScores, threshold);
        }

        Roles withPositiveClass(String value) {
            return new Roles(id, label, prediction, score, value, classScores, threshold);
        }

        Roles withClassScore(String className, String column) {
            Map<String, String> copy = new LinkedHashMap<>(classScores);
            copy.put(className, column);
            return new Roles(id, label, prediction, score, positiveClass, Collections.unmodifiableMap(copy), threshold);
        }

        Roles withThreshold(double value) {
            return new Roles(id, label, prediction, score, positiveClass, classScores, value);
        }
    }

    private Dataset(String name, LazyTable table, Roles roles, Map<String, Slice> slices) {
        this.name = name;
        this.table = table;
        this.roles = roles;
        this.slices = slices;
    }

    /** An RFC 4180 CSV file with a header row (UTF-8, with or without BOM). Read on first use. */
    public static Dataset fromCsv(Path path) {
        Objects.requireNonNull(path, "path");
        return new Dataset(baseName(path), new LazyTable(path.toString(), () -> CsvReader.read(path)), Roles.NONE,
                Map.of());
    }

    /** A JSON Lines file: one flat JSON object per line. Read on first use. */
    public static Dataset fromJsonLines(Path path) {
        Objects.requireNonNull(path, "path");
        return new Dataset(baseName(path), new LazyTable(path.toString(), () -> JsonLinesReader.read(path)),
                Roles.NONE, Map.of());
    }

    /**
     * A CSV or JSON Lines file on the test classpath ({@code src/test/resources}), by its resource
     * name: {@code Dataset.fromResource("detections.csv")}, so a spec does not depend on the
     * working directory. {@code .jsonl}, {@code .ndjson} and {@code .json} files are read as JSON
     * Lines, others as CSV. Read on first use; a resource inside a jar is copied to a temporary
     * file first.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static Dataset fromResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        boolean jsonLines = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
        String source = "classpath:" + name;
        return new Dataset(baseName(Path.of(name)), new LazyTable(source, () -> {
            Path path = ClasspathFiles.locate(name);
            return jsonLines ? JsonLinesReader.read(path) : CsvReader.read(path);
        }), Roles.NONE, Map.of());
    }

    /**
     * A Parquet file, or a folder of Parquet files read recursively, with hive-style partition
     * folders ({@code date=2026-12-01/part-0.parquet}) as columns whose values stay text as
     * written. Read through DuckDB's embedded engine (add {@code org.duckdb:duckdb_jdbc} as a test
     * dependency): metrics it can aggregate are computed in the engine, so memory does not grow
     * with the rows; others read only the columns the spec uses, on first use.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static Dataset fromParquet(Path path) {
        Objects.requireNonNull(path, "path");
        return new Dataset(baseName(path), new LazyTable(SqlSources.parquet(path)), Roles.NONE, Map.of());
    }

    /**
     * The rows of a SQL query on a JDBC database without credentials (or with them in a
     * {@link Database}): {@code Dataset.fromQuery("jdbc:postgresql://localhost/ml", "select * from predictions")}.
     * The database's JDBC driver must be on the test classpath. Named {@code query}; rename it
     * with {@link #withName}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static Dataset fromQuery(String jdbcUrl, String sql) {
        return fromQuery(Database.at(jdbcUrl), sql);
    }

    /** The rows of a SQL query on {@code database}, with its user and password (a {@link dev.touchstone.config.Secret}). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static Dataset fromQuery(Database database, String sql) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sql, "sql");
        return new Dataset("query", new LazyTable(SqlSources.query(database, sql)), Roles.NONE, Map.of());
    }

    /** Every row of a table ({@code predictions} or {@code schema.predictions}), named after it. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static Dataset fromTable(Database database, String table) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        return new Dataset(table, new LazyTable(SqlSources.table(database, table)), Roles.NONE, Map.of());
    }

    /** In-memory rows: {@code Dataset.builder("toy").columns("label", "predicted").row("a", "a").build()}. */
    public static DatasetBuilder builder(String name) {
        return new DatasetBuilder(name);
    }

    static Dataset of(String name, Table table) {
        return new Dataset(name, LazyTable.of(table), Roles.NONE, Map.of());
    }

    private static String baseName(Path path) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private Dataset with(Roles newRoles) {
        return new Dataset(name, table, newRoles, slices);
    }

    /** The column that identifies an example; needed to pair examples across runs. */
    public Dataset withId(String column) {
        return with(roles.withId(requireName(column, "id")));
    }

    /** The ground truth: a class for classification, a number for regression. */
    public Dataset withLabel(String column) {
        return with(roles.withLabel(requireName(column, "label")));
    }

    /** The logged prediction: a class, or a number for regression. */
    public Dataset withPrediction(String column) {
        return with(roles.withPrediction(requireName(column, "prediction")));
    }

    /** The logged score or probability of the positive class (for ROC AUC, log loss, ...). */
    public Dataset withScore(String column) {
        return with(roles.withScore(requireName(column, "score")));
    }

    /**
     * The logged score or probability of one class of a multi-class problem, for one-vs-rest
     * metrics: {@code .withClassScore("cat", "p_cat").withClassScore("dog", "p_dog")}, then
     * {@code rocAuc().macro()}. Every class needs one.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public Dataset withClassScore(String className, String column) {
        return with(roles.withClassScore(requireName(className, "class"), requireName(column, "score column")));
    }

    /**
     * For a score-only model (no prediction column): the predicted class is the positive class
     * when the score reaches {@code threshold}, else the other class of the labels. Then
     * threshold metrics (accuracy, recall, ...) can be asked of a risk score.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public Dataset withThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number but was " + threshold);
        }
        return with(roles.withThreshold(threshold));
    }

    /** Which class counts as positive for binary metrics (precision, recall, ROC AUC, ...). */
    public Dataset withPositiveClass(String value) {
        return with(roles.withPositiveClass(requireName(value, "positive class")));
    }

    /** A named slice, usable as {@code onSlice(name)}. Names are unique within a dataset. */
    public Dataset withSlice(String sliceName, Slice slice) {
        requireName(sliceName, "slice name");
        Objects.requireNonNull(slice, "slice");
        if (sliceName.contains("=")) {
            throw new IllegalArgumentException("slice name '" + sliceName
                    + "' must not contain '=': that form is reserved for the column=value shorthand");
        }
        Map<String, Slice> copy = new LinkedHashMap<>(slices);
        copy.put(sliceName, slice);
        return new Dataset(name, table, roles, Collections.unmodifiableMap(copy));
    }

    /** The same data under another name (the name shows in results and messages). */
    public Dataset withName(String newName) {
        return new Dataset(requireName(newName, "name"), table, roles, slices);
    }

    public String name() {
        return name;
    }

    /** The number of rows; reads the file if it was not read yet. */
    public int size() {
        return table().rowCount();
    }

    /** The loaded columns; reads the file if it was not read yet. */
    public Table table() {
        return table.get();
    }

    /** Where the data comes from: a file path, or {@code dataset 'name'} for in-memory rows. */
    public String source() {
        return table.source();
    }

    public Optional<String> idColumn() {
        return Optional.ofNullable(roles.id());
    }

    public Optional<String> labelColumn() {
        return Optional.ofNullable(roles.label());
    }

    public Optional<String> predictionColumn() {
        return Optional.ofNullable(roles.prediction());
    }

    public Optional<String> scoreColumn() {
        return Optional.ofNullable(roles.score());
    }

    /** The score column of each class, in declaration order; empty unless {@link #withClassScore} was used. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public Map<String, String> classScoreColumns() {
        return roles.classScores();
    }

    /** The score threshold that turns a score-only model's scores into predicted classes, if set. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public java.util.OptionalDouble threshold() {
        return roles.threshold() == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(roles.threshold());
    }

    public Optional<String> positiveClass() {
        return Optional.ofNullable(roles.positiveClass());
    }

    /** Named slices in declaration order. */
    public Map<String, Slice> slices() {
        return slices;
    }

    /** An object equal for every copy that reads the same loaded table (see {@link DatasetAccess#tableIdentity}). */
    Object tableIdentity() {
        return table;
    }

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + " from " + table.source() + "]";
    }
}
