package dev.touchstone.metric.internal;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.data.internal.Engine;
import dev.touchstone.data.internal.SqlValues;
import dev.touchstone.internal.Progress;
import dev.touchstone.metric.internal.builtin.ScoreCounts;
import dev.touchstone.model.Model;
import dev.touchstone.slice.ColumnCondition;
import dev.touchstone.slice.internal.NotPushable;
import dev.touchstone.slice.internal.SliceAccess;
import dev.touchstone.slice.internal.SqlColumns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A logged model's outcomes where the data lives: every sufficient statistic is a SQL
 * {@code GROUP BY} in the engine that holds the rows (DuckDB for Parquet, the database for a
 * query), so memory grows with slices, classes and distinct scores, never with rows.
 *
 * <p>Confusion cells per slice, and positives and negatives per distinct score per slice, give
 * every confusion-matrix metric, ROC AUC (DeLong, exact) and average precision the same numbers
 * as in memory, to the last bit. Anything else (regression and probability metrics, whose
 * bootstrap resamples examples; paired tests; a slice with no exact SQL form) is computed in
 * memory from the columns it needs, and a line says so. Data the engine finds suspicious
 * (a missing label, score or id, a repeated id) is also checked in memory, so its error names
 * the row, as for a file.
 */
final class EngineOutcomes implements SqlColumns {

    private final Engine engine;
    private final Dataset dataset;
    private final Model model;
    private final String label;
    private final String prediction;
    private final @Nullable String score;
    private final Map<Object, Object> memo = new ConcurrentHashMap<>();
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    // the condition of each group of onEachSliceOf(column), to the column: all of a column's groups
    // are aggregated in one GROUP BY, not one scan per group
    private final Map<String, String> groupColumn = new ConcurrentHashMap<>();

    private EngineOutcomes(Engine engine, Model model, Dataset dataset, String label, String prediction,
            @Nullable String score) {
        this.engine = engine;
        this.model = model;
        this.dataset = dataset;
        this.label = label;
        this.prediction = prediction;
        this.score = score;
    }

    /**
     * The engine's view of a logged model on its own dataset, when the dataset's rows are in a SQL
     * engine and the roles are plain ones (a label and a prediction column; not a score-only
     * model, a threshold or per-class scores, which are evaluated in memory).
     */
    static Optional<EngineOutcomes> of(Model model, Dataset dataset) {
        Optional<Engine> engine = DatasetAccess.engine(dataset);
        Optional<Dataset> logged = model.dataset();
        if (engine.isEmpty() || logged.isEmpty()
                || DatasetAccess.tableIdentity(logged.get()) != DatasetAccess.tableIdentity(dataset)
                || dataset.labelColumn().isEmpty() || logged.get().predictionColumn().isEmpty()
                || dataset.threshold().isPresent() || !dataset.classScoreColumns().isEmpty()
                || !logged.get().classScoreColumns().isEmpty()) {
            return Optional.empty();
        }
        String score = logged.get().scoreColumn().or(dataset::scoreColumn).orElse(null);
        EngineOutcomes outcomes = new EngineOutcomes(engine.get(), model, dataset, dataset.labelColumn().get(),
                logged.get().predictionColumn().get(), score);
        // columns the engine does not have, or a score of text, fail in memory with the usual message
        if (outcomes.kind(outcomes.label) == Kind.ABSENT || outcomes.kind(outcomes.prediction) == Kind.ABSENT
                || score != null && outcomes.kind(score) != Kind.NUMBER && outcomes.kind(score) != Kind.FLOATING) {
            return Optional.empty();
        }
        return Optional.of(outcomes);
    }

    String source() {
        return engine.source();
    }

    @Override
    public Kind kind(String column) {
        Integer type = engine.columnTypes().get(column);
        if (type == null) {
            return Kind.ABSENT;
        }
        if (!SqlValues.isNumeric(type)) {
            return SqlValues.isCharacter(type) ? Kind.TEXT : Kind.OTHER;
        }
        return SqlValues.mayHoldNaN(type) ? Kind.FLOATING : Kind.NUMBER;
    }

    @Override
    public String identifier(String column) {
        return engine.quoted(column);
    }

    /** Says once per reason that something is computed in memory. */
    void say(String line) {
        if (said.add(line)) {
            Progress.say(line);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(Object key, Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            Object raced = memo.putIfAbsent(key, value);
            value = raced != null ? raced : value;
        }
        return (T) value;
    }

    private String from(@Nullable String where) {
        return " FROM " + engine.relation() + (where == null ? "" : " WHERE " + where);
    }

    long count(@Nullable String where) {
        if (where == null) {
            return overall().rows();
        }
        return memo(new CountKey(where), () -> engine.query("SELECT count(*)" + from(where), "counting the rows", rs -> {
            rs.next();
            return rs.getLong(1);
        }));
    }

    /** The (label, prediction) pairs of the whole dataset, whose sum is the row count, from one scan. */
    private Aggregate overall() {
        return memo(new OverallKey(), () -> aggregate(null));
    }

    private record OverallKey() {
    }

    /**
     * The (value, label, prediction) counts of {@code column} (null: the whole dataset), from one
     * scan: each group's size and confusion cells.
     */
    private Aggregate aggregate(@Nullable String column) {
        String l = identifier(label);
        String p = identifier(prediction);
        String sql = "SELECT " + (column == null ? "NULL" : identifier(column)) + ", " + l + ", " + p + ", count(*)"
                + from(null) + " GROUP BY " + (column == null ? "" : identifier(column) + ", ") + l + ", " + p;
        return engine.query(sql, column == null ? "counting labels and predictions"
                : "counting labels and predictions by " + column, rs -> {
                    Aggregate aggregate = new Aggregate();
                    while (rs.next()) {
                        aggregate.pair(rs.getObject(1), SqlValues.text(rs.getObject(2)), SqlValues.text(rs.getObject(3)),
                                rs.getLong(4));
                    }
                    return aggregate;
                });
    }

    /** The rows of an {@link #aggregate}: (value, label, prediction) counts. */
    private static final class Aggregate {
        private final Map<List<Object>, Long> pairs = new HashMap<>();
        private long rows;

        void pair(@Nullable Object value, @Nullable String labelText, @Nullable String predictionText, long n) {
            pairs.merge(Arrays.asList(value, labelText, predictionText), n, Long::sum);
            rows += n;
        }

        long rows() {
            return rows;
        }
    }

    private record CountKey(String where) {
    }

    /** The SQL condition of a slice, or empty with the reason it has none. */
    Optional<String> where(dev.touchstone.slice.Slice slice, List<String> reason) {
        try {
            return Optional.of(SliceAccess.sql(slice, this));
        } catch (NotPushable e) {
            reason.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** One group of {@code onEachSliceOf(column)}: its name, its condition, its size. */
    record Group(String name, String where, long size) {
    }

    /**
     * The groups of {@code column}, named as in memory (numbers by their canonical text, so 6 and
     * 6.0 are one group), or empty when a group has no exact condition (a NaN value, a column
     * that is neither text nor a number).
     */
    Optional<List<Group>> groups(String column) {
        return memo(new GroupsKey(column), () -> {
            Kind kind = kind(column);
            if (kind == Kind.OTHER) {
                return Optional.<List<Group>>empty();
            }
            Map<String, Object> values = new HashMap<>();
            Map<String, Long> sizes = new HashMap<>();
            long missing = 0;
            boolean nan = false;
            for (Map.Entry<List<Object>, Long> pair : byColumn(column).pairs.entrySet()) {
                Object value = pair.getKey().get(0);
                long n = pair.getValue();
                if (value == null) {
                    missing += n;
                    continue;
                }
                Object key = kind == Kind.TEXT ? SqlValues.text(value) : (Object) SqlValues.number(value);
                nan |= key instanceof Double d && !Double.isFinite(d);
                String name = groupName(value, kind);
                values.putIfAbsent(name, key);
                sizes.merge(name, n, Long::sum);
            }
            if (nan) {
                return Optional.<List<Group>>empty();
            }
            List<String> names = new ArrayList<>(values.keySet());
            names.sort(ClassOutcomes.naturalOrder());
            List<Group> groups = new ArrayList<>();
            for (String name : names) {
                groups.add(new Group(column + "=" + name,
                        SliceAccess.sql(ColumnCondition.where(column).isEqualTo(values.get(name)), this), sizes.get(name)));
            }
            if (missing > 0) {
                groups.add(new Group(column + SliceResolver.MISSING_SUFFIX,
                        SliceAccess.sql(ColumnCondition.where(column).isMissing(), this), missing));
            }
            groups.forEach(g -> groupColumn.put(g.where(), column));
            return Optional.of(List.copyOf(groups));
        });
    }

    private record GroupsKey(String column) {
    }

    /** The aggregate of {@code column}'s groups, from one scan. */
    private Aggregate byColumn(String column) {
        return memo(new ColumnKey(column), () -> aggregate(column));
    }

    private record ColumnKey(String column) {
    }

    /** The group a value of {@code column} falls in, named as {@link #groups} names it (null: missing). */
    private static String groupName(@Nullable Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        return kind == Kind.TEXT ? SqlValues.text(value) : SliceResolver.canonical(SqlValues.number(value));
    }

    /** The conditions of {@code column}'s groups by group name; the missing group under null. */
    private Map<String, String> whereByName(String column) {
        Map<String, String> byName = new HashMap<>();
        for (Group g : groups(column).orElseThrow()) {
            boolean missing = g.name().equals(column + SliceResolver.MISSING_SUFFIX);
            byName.put(missing ? null : g.name().substring(column.length() + 1), g.where());
        }
        return byName;
    }

    /**
     * The classes (labels and predictions of every row, in natural order), the positive class and
     * the notes, as {@link ClassOutcomes#build} finds them; empty when a label or prediction is
     * missing (the in-memory check then names the first such row).
     */
    Optional<ClassOutcomes> classes() {
        return memo(new ClassesKey(), () -> {
            Map<List<String>, Long> pairs = pairs(null);
            if (pairs.keySet().stream().anyMatch(p -> p.get(0) == null || p.get(1) == null)) {
                say(source() + ": some rows have no label or prediction; checking them in memory");
                return Optional.<ClassOutcomes>empty();
            }
            TreeSet<String> union = new TreeSet<>(ClassOutcomes.naturalOrder());
            pairs.keySet().forEach(p -> {
                union.add(p.get(0));
                union.add(p.get(1));
            });
            String[] classes = union.toArray(String[]::new);
            List<String> order = Arrays.asList(classes);
            long[] trueCount = new long[classes.length];
            long[] predCount = new long[classes.length];
            pairs.forEach((p, n) -> {
                trueCount[order.indexOf(p.get(0))] += n;
                predCount[order.indexOf(p.get(1))] += n;
            });
            List<String> notes = new ArrayList<>();
            for (int c = 0; c < classes.length; c++) {
                if (predCount[c] == 0) {
                    notes.add("class '" + classes[c] + "' occurs in labels (" + trueCount[c] + " rows) but is never predicted");
                } else if (trueCount[c] == 0) {
                    notes.add("class '" + classes[c] + "' is predicted (" + predCount[c] + " rows) but never occurs in labels");
                }
            }
            int positive = ClassOutcomes.positiveClass(dataset, label, classes, trueCount);
            return Optional.of(ClassOutcomes.aggregated(classes, positive, notes, model.name()));
        });
    }

    private record ClassesKey() {
    }

    /** (label, prediction) texts with their counts, in the rows of {@code where}. */
    private Map<List<String>, Long> pairs(@Nullable String where) {
        if (where == null) {
            Map<List<String>, Long> pairs = new HashMap<>();
            overall().pairs.forEach((p, n) -> pairs.merge(Arrays.asList((String) p.get(1), (String) p.get(2)), n, Long::sum));
            return pairs;
        }
        return engine.query("SELECT " + identifier(label) + ", " + identifier(prediction) + ", count(*)" + from(where)
                + " GROUP BY 1, 2", "counting labels and predictions", rs -> {
                    Map<List<String>, Long> pairs = new HashMap<>();
                    while (rs.next()) {
                        pairs.merge(Arrays.asList(SqlValues.text(rs.getObject(1)), SqlValues.text(rs.getObject(2))),
                                rs.getLong(3), Long::sum);
                    }
                    return pairs;
                });
    }

    /** The confusion cells {@code [label * k + predicted]} of the rows of {@code where}. */
    long[] cells(@Nullable String where, ClassOutcomes classes) {
        String column = where == null ? null : groupColumn.get(where);
        if (column != null) {
            cellsOfGroups(column, classes);
        }
        return memo(new CellsKey(where), () -> {
            int k = classes.classCount();
            long[] cells = new long[k * k];
            pairs(where).forEach((p, n) -> cells[classes.classCode(p.get(0)) * k + classes.classCode(p.get(1))] += n);
            return cells;
        });
    }

    /** The cells of every group of {@code column} from one scan, stored as each group's {@link #cells}. */
    private void cellsOfGroups(String column, ClassOutcomes classes) {
        memo(new GroupCellsKey(column), () -> {
            Map<String, String> whereByName = whereByName(column);
            Kind kind = kind(column);
            int k = classes.classCount();
            Map<String, long[]> byWhere = new HashMap<>();
            whereByName.values().forEach(w -> byWhere.put(w, new long[k * k]));
            byColumn(column).pairs.forEach((p, n) -> {
                long[] cells = byWhere.get(whereByName.get(groupName(p.get(0), kind)));
                if (cells == null) {
                    throw changed(column);
                }
                cells[classes.classCode((String) p.get(1)) * k + classes.classCode((String) p.get(2))] += n;
            });
            byWhere.forEach((w, cells) -> memo.putIfAbsent(new CellsKey(w), cells));
            return Boolean.TRUE;
        });
    }

    private record GroupCellsKey(String column) {
    }

    private IllegalStateException changed(String column) {
        return new IllegalStateException(source() + ": column '" + column + "' has a value that was not there when its"
                + " groups were counted; did the data change while it was evaluated?");
    }

    private record CellsKey(String where) {
    }

    /**
     * Whether every score is a finite number; if not, the in-memory check names the first row
     * that is not (as {@code ClassOutcomes.scores()} does).
     */
    boolean scoresAreFinite() {
        return memo(new FiniteKey(), () -> {
            boolean finite = scoreRows(null).finite; // the scan of the scores sees a missing one as a group
            if (!finite) {
                say(source() + ": column '" + score + "' has missing or non-finite scores; checking them in memory");
            }
            return finite;
        });
    }

    private record FiniteKey() {
    }

    boolean hasScore() {
        return score != null;
    }

    /** Positives and negatives per distinct score in the rows of {@code where}. */
    ScoreCounts scoreCounts(@Nullable String where, ClassOutcomes classes, int positive) {
        return memo(new ScoresKey(where, positive), () -> scoreRows(where).histogram(classes.classes().get(positive)));
    }

    private record ScoresKey(String where, int positive) {
    }

    /** The most slices whose score counts one scan gathers, each a {@code count(*) FILTER (...)}. */
    static final int SLICES_PER_SCAN = 64;

    /**
     * (score, label, count) rows of {@code where}'s rows. One scan groups by score and label only
     * (a small table, as fast as the engine's plain GROUP BY) and counts the rows of every slice
     * known so far that has no counts yet, each in a column of its own; a column with more groups
     * than {@link #SLICES_PER_SCAN} is grouped by value, score and label instead.
     */
    private synchronized Rows scoreRows(@Nullable String where) {
        Rows known = scoreRowsKnown(where);
        if (known != null) {
            return known;
        }
        String column = where == null ? null : groupColumn.get(where);
        if (column != null && groups(column).orElseThrow().size() > SLICES_PER_SCAN) {
            scoreRowsOfGroups(column);
            return scoreRowsKnown(where);
        }
        List<String> batch = new ArrayList<>();
        batch.add(where);
        if (where != null && scoreRowsKnown(null) == null) {
            batch.add(null);
        }
        new TreeSet<>(groupColumn.keySet()).stream()
                .filter(w -> !w.equals(where) && scoreRowsKnown(w) == null
                        && groups(groupColumn.get(w)).orElseThrow().size() <= SLICES_PER_SCAN)
                .limit(SLICES_PER_SCAN - batch.size()).forEach(batch::add);
        StringBuilder sql = new StringBuilder("SELECT ").append(identifier(score)).append(", ").append(identifier(label));
        for (String w : batch) {
            sql.append(w == null ? ", count(*)" : ", count(*) FILTER (WHERE " + w + ")");
        }
        sql.append(from(null)).append(" GROUP BY ").append(identifier(score)).append(", ").append(identifier(label));
        List<Rows> rows = engine.query(sql.toString(), batch.size() == 1 ? "counting scores"
                : "counting scores of " + batch.size() + " slices", rs -> {
                    List<Rows> found = new ArrayList<>();
                    batch.forEach(w -> found.add(new Rows()));
                    while (rs.next()) {
                        Object scoreValue = rs.getObject(1);
                        double value = scoreValue == null ? Double.NaN : SqlValues.number(scoreValue);
                        String labelText = SqlValues.text(rs.getObject(2));
                        for (int i = 0; i < batch.size(); i++) {
                            found.get(i).add(value, labelText, rs.getLong(3 + i));
                        }
                    }
                    return found;
                });
        for (int i = 0; i < batch.size(); i++) {
            memo.putIfAbsent(new RowsKey(batch.get(i)), rows.get(i));
        }
        return rows.get(0);
    }

    private @Nullable Rows scoreRowsKnown(@Nullable String where) {
        return (Rows) memo.get(new RowsKey(where));
    }

    private record RowsKey(String where) {
    }

    /** The score rows of every group of {@code column} from one scan grouped by value, score and label. */
    private void scoreRowsOfGroups(String column) {
        Map<String, String> whereByName = whereByName(column);
        Kind kind = kind(column);
        Map<String, Rows> byWhere = new HashMap<>();
        engine.query("SELECT " + identifier(column) + ", " + identifier(score) + ", " + identifier(label)
                + ", count(*)" + from(null) + " GROUP BY 1, 2, 3", "counting scores by " + column, rs -> {
                    while (rs.next()) {
                        String w = whereByName.get(groupName(rs.getObject(1), kind));
                        if (w == null) {
                            throw changed(column);
                        }
                        byWhere.computeIfAbsent(w, x -> new Rows()).add(SqlValues.number(rs.getObject(2)),
                                SqlValues.text(rs.getObject(3)), rs.getLong(4));
                    }
                    return null;
                });
        whereByName.values().forEach(w -> memo.putIfAbsent(new RowsKey(w), byWhere.getOrDefault(w, new Rows())));
    }

    /** (score, label, count) rows of an aggregate, growing. */
    private static final class Rows {
        private double[] scores = new double[64];
        private long[] counts = new long[64];
        private String[] labels = new String[64];
        private int size;
        private boolean finite = true; // a missing score is added as NaN

        void add(double score, @Nullable String labelText, long count) {
            if (count == 0) {
                return; // a score this slice does not have
            }
            finite &= Double.isFinite(score);
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
                labels = Arrays.copyOf(labels, 2 * size);
            }
            scores[size] = score == 0 ? 0.0 : score; // -0.0 and 0.0 tie, as == has it
            labels[size] = labelText;
            counts[size] = count;
            size++;
        }

        ScoreCounts histogram(String positiveName) {
            boolean[] isPositive = new boolean[size];
            for (int i = 0; i < size; i++) {
                isPositive[i] = positiveName.equals(labels[i]);
            }
            return EngineOutcomes.histogram(Arrays.copyOf(scores, size), counts, isPositive, positiveName);
        }
    }

    private static ScoreCounts histogram(double[] scores, long[] counts, boolean[] isPositive, String positiveName) {
        double[] distinct = scores.clone();
        Arrays.sort(distinct);
        int k = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (k == 0 || distinct[i] != distinct[k - 1]) {
                distinct[k++] = distinct[i];
            }
        }
        distinct = Arrays.copyOf(distinct, k);
        long[] positives = new long[k];
        long[] negatives = new long[k];
        for (int i = 0; i < scores.length; i++) {
            int at = Arrays.binarySearch(distinct, scores[i]);
            if (isPositive[i]) {
                positives[at] += counts[i];
            } else {
                negatives[at] += counts[i];
            }
        }
        return new ScoreCounts(distinct, positives, negatives, positiveName);
    }

    /**
     * Whether every example has an id and no id repeats, as far as the engine can tell; if not,
     * the in-memory check names the row.
     */
    boolean idsLookUnique(String idColumn) {
        return memo(new IdsKey(idColumn), () -> {
            String id = identifier(idColumn);
            boolean unique = engine.query("SELECT count(*) - count(" + id + "), count(" + id + ") - count(DISTINCT " + id
                    + ")" + from(null), "checking the ids", rs -> {
                        rs.next();
                        return rs.getLong(1) == 0 && rs.getLong(2) == 0;
                    });
            if (!unique) {
                say(source() + ": column '" + idColumn + "' has missing or repeated ids; checking them in memory");
            }
            return unique;
        });
    }

    private record IdsKey(String column) {
    }

    /**
     * The fingerprint of {@link Outcomes#fingerprint}, from one streamed scan of ids and labels:
     * in the engine's row order when it is stable (Parquet; the order in memory too), the same
     * bytes hashed; else, with ids, order-independent ({@link UnorderedDigest}). Empty when an id
     * is missing (the in-memory path names the row).
     */
    Optional<String> fingerprint(@Nullable String idColumn) {
        String columns = (idColumn == null ? "" : identifier(idColumn) + ", ") + identifier(label);
        if (idColumn != null && !engine.stableOrder()) {
            return engine.query("SELECT " + columns + from(null), "reading ids and labels", rs -> {
                UnorderedDigest digest = new UnorderedDigest();
                while (rs.next()) {
                    String id = SqlValues.text(rs.getObject(1));
                    if (id == null) {
                        return Optional.<String>empty();
                    }
                    digest.add(id, SqlValues.text(rs.getObject(2)));
                }
                return Optional.of(digest.finish());
            });
        }
        long n = count(null); // before the scan: one query at a time on the source's connection
        return engine.query("SELECT " + columns + from(null), "reading ids and labels", rs -> {
            MessageDigest digest = sha256();
            digest.update(Long.toString(n).getBytes(StandardCharsets.UTF_8));
            long row = 0;
            while (rs.next()) {
                row++;
                String id = idColumn == null ? "row:" + row : SqlValues.text(rs.getObject(1));
                if (id == null) {
                    return Optional.<String>empty();
                }
                digest.update((byte) '\n');
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ',');
                digest.update(String.valueOf(SqlValues.text(rs.getObject(idColumn == null ? 1 : 2)))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of("sha256:" + java.util.HexFormat.of().formatHex(digest.digest()));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
