package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.slice.internal.SliceAccess;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.slice.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns what a statement says about slices into the rows of each slice. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class SliceResolver {

    /**
     * Suffix of the slice of rows whose slicing column is missing: {@code "camera is missing"}.
     * It has no '=', so it can never collide with a {@code column=value} slice.
     */
    public static final String MISSING_SUFFIX = " is missing";

    private SliceResolver() {
    }

    public static SliceRows overall(Outcomes outcomes) {
        if (outcomes.engine().isPresent()) {
            return new SliceRows("overall", "all rows", null, outcomes.size(),
                    new SliceRows.Pushed(null, () -> SliceRows.all(outcomes.table().rowCount())));
        }
        return SliceRows.all(outcomes.size());
    }

    /** The slice with its rows in memory: itself, or for a slice that stays in the engine, its rows selected here. */
    public static SliceRows inMemory(SliceRows slice) {
        return slice.isPushed() ? slice.pushed().inMemory().get() : slice;
    }

    /** The slice in the engine when it has an exact SQL condition there, else (said) in memory. */
    private static SliceRows pushed(Outcomes outcomes, String name, String definition, Slice slice,
            Supplier<SliceRows> inMemory) {
        EngineOutcomes engine = outcomes.engine().orElseThrow();
        List<String> reason = new ArrayList<>();
        Optional<String> where = engine.where(slice, reason);
        if (where.isEmpty()) {
            engine.say(engine.source() + ": slice '" + name + "' is selected in memory: " + reason.get(0));
            return inMemory.get();
        }
        long size = engine.count(where.get());
        return new SliceRows(name, definition, null, (int) size, new SliceRows.Pushed(where.get(), inMemory));
    }

    /**
     * A named slice of the dataset, or the shorthand {@code column=value}. An unknown name fails
     * with the names that do exist.
     */
    public static SliceRows named(Outcomes outcomes, String name) {
        if (outcomes.engine().isEmpty()) {
            return namedInMemory(outcomes, name);
        }
        EngineOutcomes engine = outcomes.engine().get();
        Slice named = outcomes.dataset().slices().get(name);
        if (named != null) {
            String definition = named.describe();
            return outcomes.memo(new Key("named-engine", name + '\u0000' + definition),
                    k -> pushed(outcomes, name, definition, named, () -> namedInMemory(outcomes, name)));
        }
        int eq = name.indexOf('=');
        if (eq > 0) {
            String column = name.substring(0, eq).trim();
            String value = name.substring(eq + 1).trim();
            if (engine.kind(column) != dev.touchstone.slice.internal.SqlColumns.Kind.ABSENT) {
                String canonical = column + "=" + value;
                return outcomes.memo(new Key("eq-engine", canonical), k -> {
                    SliceRows rows = pushed(outcomes, canonical, canonical,
                            dev.touchstone.slice.ColumnCondition.where(column).isEqualTo(value),
                            () -> namedInMemory(outcomes, name));
                    if (rows.size() > 0 || !rows.isPushed()) {
                        return rows;
                    }
                    // An empty slice is INCONCLUSIVE; say which values exist in case of a typo.
                    List<String> values = engine.groups(column).map(groups -> groups.stream()
                            .map(g -> g.name().substring(g.name().indexOf('=') + 1)).toList()).orElse(List.of());
                    List<String> shown = values.stream().limit(20).toList();
                    String definition = canonical + ": no row has this value; " + column + " has "
                            + (values.size() > shown.size() ? values.size() + " values, among them " : "the values ") + shown;
                    return new SliceRows(canonical, definition, null, 0, rows.pushed());
                });
            }
        }
        return namedInMemory(outcomes, name);
    }

    private static SliceRows namedInMemory(Outcomes outcomes, String name) {
        Dataset dataset = outcomes.dataset();
        Table table = outcomes.table();
        Slice named = dataset.slices().get(name);
        if (named != null) {
            String definition = named.describe();
            return outcomes.memo(new Key("named", name + '\u0000' + definition),
                    k -> SliceRows.of(name, definition, SliceAccess.select(named, table)));
        }
        int eq = name.indexOf('=');
        if (eq > 0) {
            String column = name.substring(0, eq).trim();
            String value = name.substring(eq + 1).trim();
            if (table.findColumn(column).isEmpty()) {
                throw new QualityConfigurationException("slice '" + name + "': dataset '" + dataset.name()
                        + "' has no column '" + column + "'; the columns are " + table.columnNames());
            }
            String canonical = column + "=" + value;
            return outcomes.memo(new Key("eq", canonical), k -> {
                BitSet rows = SliceAccess.select(dev.touchstone.slice.ColumnCondition.where(column).isEqualTo(value), table);
                // An empty slice is INCONCLUSIVE; say which values exist in case of a typo.
                String definition = rows.isEmpty()
                        ? canonical + ": no row has this value; " + column + " has " + someValues(table.column(column))
                        : canonical;
                return SliceRows.of(canonical, definition, rows);
            });
        }
        throw new QualityConfigurationException("dataset '" + dataset.name() + "' has no slice named '" + name
                + "'; the named slices are " + dataset.slices().keySet()
                + " (or write column=value, e.g. '" + exampleShorthand(table) + "')");
    }

    /** An ad-hoc slice; its definition is its name. */
    public static SliceRows adHoc(Outcomes outcomes, Slice slice) {
        String definition = slice.describe();
        if (outcomes.engine().isPresent()) {
            return outcomes.memo(new Key("adhoc-engine", definition),
                    k -> pushed(outcomes, definition, definition, slice, () -> adHocInMemory(outcomes, slice)));
        }
        return adHocInMemory(outcomes, slice);
    }

    private static SliceRows adHocInMemory(Outcomes outcomes, Slice slice) {
        String definition = slice.describe();
        return outcomes.memo(new Key("adhoc", definition), k -> SliceRows.of(definition, definition,
                SliceAccess.select(slice, outcomes.table())));
    }

    /**
     * One slice per distinct value of {@code column}, in natural order of the values (numbers
     * numerically); rows where the column is missing form a last slice {@code column is missing}.
     */
    public static List<SliceRows> eachValueOf(Outcomes outcomes, String column) {
        Optional<EngineOutcomes> engine = outcomes.engine();
        if (engine.isPresent() && engine.get().kind(column) != dev.touchstone.slice.internal.SqlColumns.Kind.ABSENT) {
            Optional<List<SliceRows>> pushed = outcomes.memo(new Key("each-engine", column), k -> engine.get()
                    .groups(column).map(groups -> groups.stream().map(g -> new SliceRows(g.name(), g.name(), null,
                            (int) g.size(), new SliceRows.Pushed(g.where(), () -> eachValueInMemory(outcomes, column,
                                    g.name())))).toList()));
            if (pushed.isPresent()) {
                return pushed.get();
            }
            engine.get().say(engine.get().source() + ": the slices of column '" + column + "' are selected in memory:"
                    + (engine.get().kind(column) == dev.touchstone.slice.internal.SqlColumns.Kind.OTHER
                            ? " it is neither text nor a number in the source" : " it holds a value that is not a finite number"));
        }
        return outcomes.memo(new Key("each", column), k -> group(outcomes, column));
    }

    private static SliceRows eachValueInMemory(Outcomes outcomes, String column, String name) {
        return outcomes.memo(new Key("each", column), k -> group(outcomes, column)).stream()
                .filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("slice '" + name + "' is in the engine but not in memory;"
                        + " did the data change while it was read?"));
    }

    private static List<SliceRows> group(Outcomes outcomes, String columnName) {
        Table table = outcomes.table();
        Column column = table.column(columnName);
        CategoricalColumn categories = column.asCategorical();
        int[] codes = categories.codesView();
        int[] groupOfCode = new int[categories.cardinality()];
        List<String> groupNames = new ArrayList<>();
        groupCodes(column, categories, codes, groupOfCode, groupNames);
        int k = groupNames.size();
        int[] counts = new int[k + 1];
        for (int code : codes) {
            counts[code == CategoricalColumn.MISSING ? k : groupOfCode[code]]++;
        }
        int[][] rows = new int[k + 1][];
        for (int g = 0; g <= k; g++) {
            rows[g] = new int[counts[g]];
        }
        int[] fill = new int[k + 1];
        for (int row = 0; row < codes.length; row++) {
            int g = codes[row] == CategoricalColumn.MISSING ? k : groupOfCode[codes[row]];
            rows[g][fill[g]++] = row;
        }
        Integer[] order = new Integer[k];
        for (int g = 0; g < k; g++) {
            order[g] = g;
        }
        var natural = ClassOutcomes.naturalOrder();
        Arrays.sort(order, (a, b) -> natural.compare(groupNames.get(a), groupNames.get(b)));
        List<SliceRows> slices = new ArrayList<>(k + 1);
        for (int g : order) {
            String name = columnName + "=" + groupNames.get(g);
            slices.add(new SliceRows(name, name, rows[g], rows[g].length));
        }
        if (counts[k] > 0) {
            String name = columnName + MISSING_SUFFIX;
            slices.add(new SliceRows(name, name, rows[k], counts[k]));
        }
        return List.copyOf(slices);
    }

    // Text values are their own groups. Numbers group by value, so "6" and "6.0" are one slice,
    // named by the number's canonical text ("6"), exactly the rows that onSlice("hour=6") selects.
    private static void groupCodes(Column column, CategoricalColumn categories, int[] codes, int[] groupOfCode,
            List<String> groupNames) {
        if (!(column instanceof NumericColumn numeric)) {
            for (int code = 0; code < groupOfCode.length; code++) {
                groupOfCode[code] = code;
                groupNames.add(categories.value(code));
            }
            return;
        }
        double[] firstValue = new double[groupOfCode.length];
        boolean[] seen = new boolean[groupOfCode.length];
        for (int row = 0; row < codes.length; row++) {
            int code = codes[row];
            if (code != CategoricalColumn.MISSING && !seen[code]) {
                seen[code] = true;
                firstValue[code] = numeric.value(row);
            }
        }
        Map<String, Integer> byCanonical = new HashMap<>();
        for (int code = 0; code < groupOfCode.length; code++) {
            String canonical = canonical(firstValue[code]);
            Integer group = byCanonical.get(canonical);
            if (group == null) {
                group = groupNames.size();
                byCanonical.put(canonical, group);
                groupNames.add(canonical);
            }
            groupOfCode[code] = group;
        }
    }

    static String canonical(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String someValues(Column column) {
        List<String> values = column.asCategorical().values();
        List<String> shown = values.stream().sorted(ClassOutcomes.naturalOrder()).limit(20).toList();
        return (values.size() > shown.size() ? values.size() + " values, among them " : "the values ") + shown;
    }

    // Suggest the column with the fewest distinct values: the likeliest slicing column.
    private static String exampleShorthand(Table table) {
        String best = "column=value";
        int fewest = Integer.MAX_VALUE;
        for (String name : table.columnNames()) {
            Column column = table.column(name);
            if (column instanceof CategoricalColumn categorical && categorical.cardinality() > 1
                    && categorical.cardinality() < fewest && column.text(0) != null) {
                fewest = categorical.cardinality();
                best = name + "=" + column.text(0);
            }
        }
        return best;
    }

    private record Key(String kind, String name) {
    }
}
