package dev.touchstone.metric.internal;

import dev.touchstone.QualityConfigurationException;
import dev.touchstone.data.CategoricalColumn;
import dev.touchstone.data.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.Table;
import dev.touchstone.slice.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Turns what a statement says about slices into the rows of each slice. */
public final class SliceResolver {

    /** Label of the group of rows whose slicing column is missing. */
    public static final String MISSING_VALUE = "(missing)";

    private SliceResolver() {
    }

    public static SliceRows overall(Outcomes outcomes) {
        return SliceRows.all(outcomes.size());
    }

    /**
     * A named slice of the dataset, or the shorthand {@code column=value}. An unknown name fails
     * with the names that do exist.
     */
    public static SliceRows named(Outcomes outcomes, String name) {
        Dataset dataset = outcomes.dataset();
        Table table = outcomes.table();
        Slice named = dataset.slices().get(name);
        if (named != null) {
            return outcomes.memo(new Key("named", name), k -> SliceRows.of(name, named.describe(), named.select(table)));
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
            return outcomes.memo(new Key("eq", canonical), k -> SliceRows.of(canonical, canonical,
                    dev.touchstone.slice.ColumnCondition.where(column).isEqualTo(value).select(table)));
        }
        throw new QualityConfigurationException("dataset '" + dataset.name() + "' has no slice named '" + name
                + "'; the named slices are " + dataset.slices().keySet()
                + " (or write column=value, e.g. '" + exampleShorthand(table) + "')");
    }

    /** An ad-hoc slice; its definition is its name. */
    public static SliceRows adHoc(Outcomes outcomes, Slice slice) {
        String definition = slice.describe();
        return outcomes.memo(new Key("adhoc", definition), k -> SliceRows.of(definition, definition,
                slice.select(outcomes.table())));
    }

    /**
     * One slice per distinct value of {@code column}, in natural order of the values (numbers
     * numerically); rows where the column is missing form a last slice {@code column=(missing)}.
     */
    public static List<SliceRows> eachValueOf(Outcomes outcomes, String column) {
        return outcomes.memo(new Key("each", column), k -> group(outcomes, column));
    }

    private static List<SliceRows> group(Outcomes outcomes, String columnName) {
        Table table = outcomes.table();
        Column column = table.column(columnName);
        CategoricalColumn categories = column.asCategorical();
        int[] codes = categories.codesView();
        int k = categories.cardinality();
        int[] counts = new int[k + 1];
        for (int code : codes) {
            counts[code == CategoricalColumn.MISSING ? k : code]++;
        }
        int[][] rows = new int[k + 1][];
        for (int g = 0; g <= k; g++) {
            rows[g] = new int[counts[g]];
        }
        int[] fill = new int[k + 1];
        for (int row = 0; row < codes.length; row++) {
            int g = codes[row] == CategoricalColumn.MISSING ? k : codes[row];
            rows[g][fill[g]++] = row;
        }
        Integer[] order = new Integer[k];
        for (int g = 0; g < k; g++) {
            order[g] = g;
        }
        var natural = ClassOutcomes.naturalOrder();
        Arrays.sort(order, (a, b) -> natural.compare(categories.value(a), categories.value(b)));
        List<SliceRows> slices = new ArrayList<>(k + 1);
        for (int g : order) {
            String value = categories.value(g);
            String name = columnName + "=" + value;
            slices.add(new SliceRows(name, name, rows[g], rows[g].length));
        }
        if (counts[k] > 0) {
            slices.add(new SliceRows(columnName + "=" + MISSING_VALUE, columnName + " is missing", rows[k], counts[k]));
        }
        return List.copyOf(slices);
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
