package dev.touchstone.data.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A dictionary-encoded text column: {@code codes[row]} indexes {@code dictionary}, or is
 * {@link #MISSING}. Codes are assigned in order of first appearance.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CategoricalColumn implements Column {

    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final String[] dictionary;
    private final Map<String, Integer> index;

    /** Takes ownership of both arrays: callers must not modify them afterwards. */
    public CategoricalColumn(String name, int[] codes, String[] dictionary) {
        this.name = Objects.requireNonNull(name, "name");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.index = new HashMap<>(dictionary.length * 2);
        for (int i = 0; i < dictionary.length; i++) {
            index.put(dictionary[i], i);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public String text(int row) {
        int code = codes[row];
        return code == MISSING ? null : dictionary[code];
    }

    @Override
    public CategoricalColumn asCategorical() {
        return this;
    }

    public int code(int row) {
        return codes[row];
    }

    /** The code of {@code value}, or {@link #MISSING} if the value never occurs. */
    public int codeOf(String value) {
        Integer code = index.get(value);
        return code == null ? MISSING : code;
    }

    public String value(int code) {
        return dictionary[code];
    }

    public int cardinality() {
        return dictionary.length;
    }

    public List<String> values() {
        return List.of(dictionary);
    }

    /**
     * The shared code array, for the evaluation core's tight loops. Never modify it.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public int[] codesView() {
        return codes;
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, "
                + dictionary.length + " values " + Arrays.toString(Arrays.copyOf(dictionary, Math.min(5, dictionary.length)))
                + "]";
    }
}
