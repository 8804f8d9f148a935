package dev.touchstone.data;

import dev.touchstone.data.table.Table;

import dev.touchstone.data.internal.CsvReader;
import dev.touchstone.data.internal.JsonLinesReader;
import dev.touchstone.data.internal.LazyTable;
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

    private final String name;
    private final LazyTable table;
    private final @Nullable String id;
    private final @Nullable String label;
    private final @Nullable String prediction;
    private final @Nullable String score;
    private final @Nullable String positiveClass;
    private final Map<String, Slice> slices;

    private Dataset(String name, LazyTable table, @Nullable String id, @Nullable String label,
            @Nullable String prediction, @Nullable String score, @Nullable String positiveClass,
            Map<String, Slice> slices) {
        this.name = name;
        this.table = table;
        this.id = id;
        this.label = label;
        this.prediction = prediction;
        this.score = score;
        this.positiveClass = positiveClass;
        this.slices = slices;
    }

    /** An RFC 4180 CSV file with a header row (UTF-8, with or without BOM). Read on first use. */
    public static Dataset fromCsv(Path path) {
        Objects.requireNonNull(path, "path");
        return new Dataset(baseName(path), new LazyTable(path.toString(), () -> CsvReader.read(path)),
                null, null, null, null, null, Map.of());
    }

    /** A JSON Lines file: one flat JSON object per line. Read on first use. */
    public static Dataset fromJsonLines(Path path) {
        Objects.requireNonNull(path, "path");
        return new Dataset(baseName(path), new LazyTable(path.toString(), () -> JsonLinesReader.read(path)),
                null, null, null, null, null, Map.of());
    }

    /** In-memory rows: {@code Dataset.builder("toy").columns("label", "predicted").row("a", "a").build()}. */
    public static DatasetBuilder builder(String name) {
        return new DatasetBuilder(name);
    }

    static Dataset of(String name, Table table) {
        return new Dataset(name, LazyTable.of(table), null, null, null, null, null, Map.of());
    }

    private static String baseName(Path path) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** The column that identifies an example; needed to pair examples across runs. */
    public Dataset withId(String column) {
        return new Dataset(name, table, requireName(column, "id"), label, prediction, score, positiveClass, slices);
    }

    /** The ground truth: a class for classification, a number for regression. */
    public Dataset withLabel(String column) {
        return new Dataset(name, table, id, requireName(column, "label"), prediction, score, positiveClass, slices);
    }

    /** The logged prediction: a class, or a number for regression. */
    public Dataset withPrediction(String column) {
        return new Dataset(name, table, id, label, requireName(column, "prediction"), score, positiveClass, slices);
    }

    /** The logged score or probability of the positive class (for ROC AUC, log loss, ...). */
    public Dataset withScore(String column) {
        return new Dataset(name, table, id, label, prediction, requireName(column, "score"), positiveClass, slices);
    }

    /** Which class counts as positive for binary metrics (precision, recall, ROC AUC, ...). */
    public Dataset withPositiveClass(String value) {
        return new Dataset(name, table, id, label, prediction, score, requireName(value, "positive class"), slices);
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
        return new Dataset(name, table, id, label, prediction, score, positiveClass,
                Collections.unmodifiableMap(copy));
    }

    /** The same data under another name (the name shows in results and messages). */
    public Dataset withName(String newName) {
        return new Dataset(requireName(newName, "name"), table, id, label, prediction, score, positiveClass, slices);
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
        return Optional.ofNullable(id);
    }

    public Optional<String> labelColumn() {
        return Optional.ofNullable(label);
    }

    public Optional<String> predictionColumn() {
        return Optional.ofNullable(prediction);
    }

    public Optional<String> scoreColumn() {
        return Optional.ofNullable(score);
    }

    public Optional<String> positiveClass() {
        return Optional.ofNullable(positiveClass);
    }

    /** Named slices in declaration order. */
    public Map<String, Slice> slices() {
        return slices;
    }

    /**
     * An object equal for every copy that reads the same loaded table, whatever the roles: what
     * an in-process model's predictions depend on.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public Object tableIdentity() {
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
