package dev.touchstone.data.internal;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.internal.GrowableArrays.DoubleList;
import dev.touchstone.data.internal.GrowableArrays.IntList;
import dev.touchstone.internal.text.NumberParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Accumulates one column and infers its type in the same pass.
 *
 * <p>A column starts numeric and stays numeric while every present value parses (see
 * {@link NumberParser}); the first value that does not parse turns it categorical for good,
 * with the earlier values' exact text. While numeric, its original texts are kept
 * dictionary-encoded up to {@link #MAX_NUMERIC_TEXTS} distinct values (the parsed value of each
 * distinct text is cached, so repeated values are not parsed again); beyond that the dictionary
 * is dropped and {@link NumericTexts} keeps what is needed to rebuild the texts, which the
 * finished column reads by row: {@code text(row)} is the text as written at every cardinality. A column with
 * no present value at all becomes categorical with an empty dictionary.
 *
 * <p>Consecutive parts of one column, each built by its own builder (on its own thread), are
 * joined by {@link #concat} into the builder that adding every value to one builder would give.
 */
final class ColumnBuilder {

    /** A numeric column keeps its texts while it has at most this many distinct ones. */
    static final int MAX_NUMERIC_TEXTS = 1024;

    /*
     * Rows before a column's text codes get room for every expected row: by then a column of
     * many distinct numbers has dropped its codes (after 1,025 distinct texts), so only the
     * columns that keep codes (few distinct numbers, or categories) pay for a full array.
     */
    private static final int EARLY_CODES = 4 * MAX_NUMERIC_TEXTS;

    private final String name;
    private final NumberParser parser;
    private int size;
    private int present;
    private int expected;                    // rows the caller expects: the size of lists made late

    private boolean numeric;                 // the phase: numeric until a value does not parse

    // numeric phase. While the texts are a dictionary, each row's value is its code's entry
    // value, so values are derived from the codes when needed and not stored twice meanwhile.
    private DoubleList values;               // null while textDictionary != null
    private BitSet missing;
    private ByteDictionary textDictionary;   // while at most MAX_NUMERIC_TEXTS distinct texts
    private IntList textCodes;
    private double[] entryValues;
    private byte[] entryShapes;
    private NumericTexts texts;              // once the text dictionary is dropped

    // categorical phase
    private ByteDictionary dictionary;
    private IntList codes;

    ColumnBuilder(String name, int capacity) {
        this(name);
        numeric = true;
        expected = capacity;
        missing = new BitSet();
        textDictionary = new ByteDictionary();
        textCodes = new IntList(Math.min(capacity, EARLY_CODES), capacity);
        entryValues = new double[64];
        entryShapes = new byte[64];
    }

    private ColumnBuilder(String name) {
        this.name = name;
        this.parser = new NumberParser(); // one per column: columns may be built on different threads
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    /** Adds a value given as text: {@code null} or empty is missing. */
    void add(String text) {
        if (text == null || text.isEmpty()) {
            addMissing();
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            add(bytes, 0, bytes.length);
        }
    }

    void addMissing() {
        if (!numeric) {
            codes.add(CategoricalColumn.MISSING);
        } else {
            missing.set(size);
            if (textDictionary != null) {
                textCodes.add(CategoricalColumn.MISSING);
            } else {
                values.add(Double.NaN);
                texts.addMissing();
            }
        }
        size++;
    }

    /** Adds the UTF-8 text {@code bytes[from, to)}; an empty slice is missing. */
    void add(byte[] bytes, int from, int to) {
        if (from == to) {
            addMissing();
            return;
        }
        present++;
        if (!numeric) {
            codes.add(dictionary.codeOf(bytes, from, to));
        } else if (textDictionary != null) {
            addNumericWithDictionary(bytes, from, to);
        } else if (parser.parse(bytes, from, to)) {
            values.add(parser.value());
            texts.add(parser.shape(), bytes, from, to);
        } else {
            becomeCategorical();
            codes.add(dictionary.codeOf(bytes, from, to));
        }
        size++;
    }

    private void addNumericWithDictionary(byte[] bytes, int from, int to) {
        int code = textDictionary.find(bytes, from, to);
        if (code >= 0) {
            textCodes.add(code);
        } else if (!parser.parse(bytes, from, to)) {
            becomeCategorical();
            codes.add(dictionary.codeOf(bytes, from, to));
        } else if (textDictionary.size() < MAX_NUMERIC_TEXTS) {
            code = textDictionary.addAfterFind(bytes, from, to);
            if (code == entryValues.length) {
                entryValues = Arrays.copyOf(entryValues, code * 2);
                entryShapes = Arrays.copyOf(entryShapes, code * 2);
            }
            entryValues[code] = parser.value();
            entryShapes[code] = parser.shape();
            textCodes.add(code);
        } else {
            dropTextDictionary();
            values.add(parser.value());
            texts.add(parser.shape(), bytes, from, to);
        }
    }

    /** Too many distinct numbers to keep as a dictionary: keep only shapes and irregular texts. */
    private void dropTextDictionary() {
        int capacity = Math.max(expected, size + (size >> 1) + 16);
        texts = new NumericTexts(capacity);
        values = new DoubleList(capacity);
        byte[] arena = textDictionary.arena();
        for (int row = 0; row < size; row++) {
            int code = textCodes.get(row);
            if (code == CategoricalColumn.MISSING) {
                values.add(Double.NaN);
                texts.addMissing();
            } else {
                values.add(entryValues[code]);
                texts.add(entryShapes[code], arena, textDictionary.start(code), textDictionary.end(code));
            }
        }
        textDictionary = null;
        textCodes = null;
        entryValues = null;
        entryShapes = null;
    }

    /** A value did not parse: re-encode the rows so far as categories, spelled as written. */
    private void becomeCategorical() {
        if (textDictionary != null) {
            dictionary = textDictionary;
            codes = textCodes;
        } else {
            dictionary = new ByteDictionary();
            codes = new IntList(size + (size >> 1) + 16);
            NumericTexts.Cursor cursor = texts.cursor();
            for (int row = 0; row < size; row++) {
                codes.add(cursor.next(values.get(row))
                        ? dictionary.codeOf(cursor.bytes(), cursor.from(), cursor.to())
                        : CategoricalColumn.MISSING);
            }
        }
        numeric = false;
        values = null;
        missing = null;
        textDictionary = null;
        textCodes = null;
        entryValues = null;
        entryShapes = null;
        texts = null;
    }

    /** The value of every row from its text code (NaN where missing), as adding them one by one gave. */
    private static void valuesFromCodes(int[] codes, int count, double[] entryValues, double[] into, int at) {
        for (int row = 0; row < count; row++) {
            int code = codes[row];
            into[at + row] = code == CategoricalColumn.MISSING ? Double.NaN : entryValues[code];
        }
    }

    /** The finished column; this builder must not be used afterwards. */
    Column build() {
        if (numeric && present == 0) {
            int[] none = new int[size];
            Arrays.fill(none, CategoricalColumn.MISSING);
            return new CategoricalColumn(name, none, new String[0]);
        }
        if (numeric && textDictionary == null) {
            double[] parsed = values.toArray();
            NumericTexts exact = texts;
            return NumericColumn.withTexts(name, parsed, missing, row -> exact.text(row, parsed[row]));
        }
        if (numeric) {
            double[] parsed = values != null ? values.toArray() : new double[size];
            if (values == null) {
                valuesFromCodes(textCodes.array(), size, entryValues, parsed, 0);
            }
            return new NumericColumn(name, parsed, missing,
                    new CategoricalColumn(name, textCodes.toArray(), textDictionary.strings()));
        }
        return new CategoricalColumn(name, codes.toArray(), dictionary.strings());
    }

    /**
     * The parts, consecutive runs of rows of one column, joined in order: the same state as one
     * builder given every value in that order. It is categorical if any part is, with the codes
     * in order of first appearance over all rows and every value spelled as written; else
     * numeric, keeping a text dictionary only if all parts kept one and together they have at
     * most {@link #MAX_NUMERIC_TEXTS} distinct texts (exactly when one builder would have kept
     * it). The parts must not be used afterwards: their arrays are released as they are copied.
     */
    static ColumnBuilder concat(String name, List<ColumnBuilder> parts) {
        long total = 0;
        int present = 0;
        boolean categorical = false;
        boolean dictionaries = true;
        for (ColumnBuilder part : parts) {
            total += part.size;
            present += part.present;
            categorical |= !part.numeric;
            dictionaries &= part.textDictionary != null;
        }
        GrowableArrays.grow(0, (int) Math.min(Integer.MAX_VALUE, total)); // the same error as one builder
        ColumnBuilder joined = new ColumnBuilder(name);
        joined.size = (int) total;
        joined.present = present;
        if (categorical) {
            joined.concatCategorical(parts);
        } else {
            joined.concatNumeric(parts, dictionaries);
        }
        return joined;
    }

    private void concatCategorical(List<ColumnBuilder> parts) {
        dictionary = new ByteDictionary();
        int[] joined = new int[size];
        int at = 0;
        for (ColumnBuilder part : parts) {
            if (part.numeric) {
                part.becomeCategorical();
            }
            int[] remap = remap(part.dictionary, dictionary);
            int[] partCodes = part.codes.array();
            for (int row = 0; row < part.size; row++) {
                int code = partCodes[row];
                joined[at++] = code == CategoricalColumn.MISSING ? code : remap[code];
            }
            part.release();
        }
        codes = IntList.of(joined);
    }

    /** For each code of {@code from}, the code of the same text in {@code to}, where it is added if new. */
    private static int[] remap(ByteDictionary from, ByteDictionary to) {
        int[] remap = new int[from.size()];
        byte[] arena = from.arena();
        for (int code = 0; code < remap.length; code++) {
            remap[code] = to.codeOf(arena, from.start(code), from.end(code));
        }
        return remap;
    }

    private void concatNumeric(List<ColumnBuilder> parts, boolean dictionaries) {
        numeric = true;
        BitSet joinedMissing = new BitSet();
        int at = 0;
        for (ColumnBuilder part : parts) {
            for (int row = part.missing.nextSetBit(0); row >= 0; row = part.missing.nextSetBit(row + 1)) {
                joinedMissing.set(at + row);
            }
            at += part.size;
            part.missing = null;
        }
        missing = joinedMissing;
        if (!dictionaries || !concatTextDictionaries(parts)) {
            // values first: concatTexts leaves the parts' codes, from which dictionary parts' values come
            double[] joined = new double[size];
            at = 0;
            for (ColumnBuilder part : parts) {
                if (part.values != null) {
                    System.arraycopy(part.values.array(), 0, joined, at, part.size);
                } else {
                    valuesFromCodes(part.textCodes.array(), part.size, part.entryValues, joined, at);
                }
                at += part.size;
                part.values = null;
            }
            values = DoubleList.of(joined);
            concatTexts(parts);
        }
        for (ColumnBuilder part : parts) {
            part.release();
        }
    }

    /** Joins the parts' text dictionaries; false, changing nothing, if there are too many texts for one. */
    private boolean concatTextDictionaries(List<ColumnBuilder> parts) {
        ByteDictionary joined = new ByteDictionary();
        double[] joinedValues = new double[64];
        byte[] joinedShapes = new byte[64];
        List<int[]> remaps = new ArrayList<>(parts.size());
        for (ColumnBuilder part : parts) {
            ByteDictionary texts = part.textDictionary;
            int[] remap = new int[texts.size()];
            for (int code = 0; code < remap.length; code++) {
                int found = joined.find(texts.arena(), texts.start(code), texts.end(code));
                if (found < 0) {
                    if (joined.size() == MAX_NUMERIC_TEXTS) {
                        return false;
                    }
                    found = joined.addAfterFind(texts.arena(), texts.start(code), texts.end(code));
                    if (found == joinedValues.length) {
                        joinedValues = Arrays.copyOf(joinedValues, found * 2);
                        joinedShapes = Arrays.copyOf(joinedShapes, found * 2);
                    }
                    joinedValues[found] = part.entryValues[code];
                    joinedShapes[found] = part.entryShapes[code];
                }
                remap[code] = found;
            }
            remaps.add(remap);
        }
        int[] joinedCodes = new int[size];
        int at = 0;
        for (int k = 0; k < parts.size(); k++) {
            int[] remap = remaps.get(k);
            ColumnBuilder part = parts.get(k);
            int[] partCodes = part.textCodes.array();
            for (int row = 0; row < part.size; row++) {
                int code = partCodes[row];
                joinedCodes[at++] = code == CategoricalColumn.MISSING ? code : remap[code];
            }
            part.textCodes = null;
        }
        textDictionary = joined;
        textCodes = IntList.of(joinedCodes);
        entryValues = joinedValues;
        entryShapes = joinedShapes;
        return true;
    }

    /** The parts' texts in the compact form, as after {@link #dropTextDictionary}. */
    private void concatTexts(List<ColumnBuilder> parts) {
        texts = new NumericTexts(size);
        for (ColumnBuilder part : parts) {
            if (part.texts != null) {
                texts.append(part.texts);
                continue;
            }
            byte[] arena = part.textDictionary.arena();
            int[] partCodes = part.textCodes.array();
            for (int row = 0; row < part.size; row++) {
                int code = partCodes[row];
                if (code == CategoricalColumn.MISSING) {
                    texts.addMissing();
                } else {
                    texts.add(part.entryShapes[code], arena, part.textDictionary.start(code),
                            part.textDictionary.end(code));
                }
            }
        }
    }

    private void release() {
        values = null;
        missing = null;
        textDictionary = null;
        textCodes = null;
        entryValues = null;
        entryShapes = null;
        texts = null;
        dictionary = null;
        codes = null;
    }
}
