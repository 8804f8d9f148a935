package dev.touchstone.data.table;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A column whose present values all parse as numbers. Missing values are flagged in a bit set
 * (their slot in {@code values} holds NaN). A column read from a file keeps the original text
 * of every value ({@code 007}, {@code 1.50}, {@code +3}, {@code 1e3}), at any number of distinct
 * values: dictionary-encoded when there are few, rebuilt from a compact form when there are many
 * ({@link #withTexts}), so that ids, slice values and class names keep their spelling.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NumericColumn implements Column {

    private final String name;
    private final double[] values;
    private final BitSet missing;
    private final @Nullable IntFunction<String> texts;
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
        this.texts = null;
        this.text = text;
    }

    private NumericColumn(String name, double[] values, BitSet missing, IntFunction<String> texts) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * A column whose original texts are given by row ({@code texts.apply(row)} for a present
     * row): for columns with too many distinct values to keep them as a dictionary. Takes
     * ownership of the arrays; {@code texts} must be safe to call from several threads.
     */
    public static NumericColumn withTexts(String name, double[] values, BitSet missing, IntFunction<String> texts) {
        return new NumericColumn(name, values, missing, texts);
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
        if (known != null) {
            return known.text(row);
        }
        return texts != null ? texts.apply(row) : format(values[row]);
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

    // High-cardinality numeric columns are rarely grouped; encode them only when asked, spelled
    // as written.
    private CategoricalColumn encode() {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            codes[row] = missing.get(row)
                    ? CategoricalColumn.MISSING
                    : dictionary.computeIfAbsent(text(row), k -> dictionary.size());
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
