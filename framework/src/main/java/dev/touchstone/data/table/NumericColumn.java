package dev.touchstone.data.table;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A column whose present values all parse as numbers. Missing values are flagged in a bit set
 * (their slot in {@code values} holds NaN). When the column has few distinct values, the
 * loader also keeps their original text, so that a label column of {@code 0}/{@code 1} keeps
 * its class names exactly as written.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NumericColumn implements Column {

    private final String name;
    private final double[] values;
    private final BitSet missing;
    private volatile @Nullable CategoricalColumn text;

    /**
     * Takes ownership of the arrays.
     *
     * @param text the original text of each value when the loader kept it, else {@code null}
     */
    public NumericColumn(String name, double[] values, BitSet missing, @Nullable CategoricalColumn text) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.text = text;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    public boolean hasMissing() {
        return !missing.isEmpty();
    }

    public double value(int row) {
        return values[row];
    }

    @Override
    public String text(int row) {
        if (missing.get(row)) {
            return null;
        }
        CategoricalColumn known = text;
        return known != null ? known.text(row) : format(values[row]);
    }

    /** The shared value array, for the evaluation core's tight loops. Never modify it. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public double[] valuesView() {
        return values;
    }

    @Override
    public CategoricalColumn asCategorical() {
        CategoricalColumn known = text;
        if (known == null) {
            known = encode();
            text = known;
        }
        return known;
    }

    // High-cardinality numeric columns are rarely grouped; encode them only when asked.
    private CategoricalColumn encode() {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            codes[row] = missing.get(row)
                    ? CategoricalColumn.MISSING
                    : dictionary.computeIfAbsent(format(values[row]), k -> dictionary.size());
        }
        return new CategoricalColumn(name, codes, dictionary.keySet().toArray(String[]::new));
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
