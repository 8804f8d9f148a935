package dev.touchstone.data.internal;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.internal.GrowableArrays.DoubleList;
import dev.touchstone.data.internal.GrowableArrays.IntList;
import dev.touchstone.internal.text.NumberParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

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
 */
final class ColumnBuilder {

    /** A numeric column keeps its texts while it has at most this many distinct ones. */
    static final int MAX_NUMERIC_TEXTS = 1024;

    private final String name;
    private final NumberParser parser;
    private int size;
    private int present;

    // numeric phase: values != null
    private DoubleList values;
    private BitSet missing;
    private ByteDictionary textDictionary;   // while at most MAX_NUMERIC_TEXTS distinct texts
    private IntList textCodes;
    private double[] entryValues;
    private byte[] entryShapes;
    private NumericTexts texts;              // once the text dictionary is dropped

    // categorical phase: values == null
    private ByteDictionary dictionary;
    private IntList codes;

    ColumnBuilder(String name, int capacity) {
        this.name = name;
        this.parser = new NumberParser(); // one per column: columns may be built on different threads
        values = new DoubleList(capacity);
        missing = new BitSet();
        textDictionary = new ByteDictionary();
        textCodes = new IntList(capacity);
        entryValues = new double[64];
        entryShapes = new byte[64];
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
        if (values == null) {
            codes.add(CategoricalColumn.MISSING);
        } else {
            missing.set(size);
            values.add(Double.NaN);
            if (textDictionary != null) {
                textCodes.add(CategoricalColumn.MISSING);
            } else {
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
        if (values == null) {
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
            values.add(entryValues[code]);
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
            values.add(parser.value());
            textCodes.add(code);
        } else {
            dropTextDictionary();
            values.add(parser.value());
            texts.add(parser.shape(), bytes, from, to);
        }
    }

    /** Too many distinct numbers to keep as a dictionary: keep only shapes and irregular texts. */
    private void dropTextDictionary() {
        texts = new NumericTexts(size + (size >> 1) + 16);
        byte[] arena = textDictionary.arena();
        for (int row = 0; row < size; row++) {
            int code = textCodes.get(row);
            if (code == CategoricalColumn.MISSING) {
                texts.addMissing();
            } else {
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
        values = null;
        missing = null;
        textDictionary = null;
        textCodes = null;
        entryValues = null;
        entryShapes = null;
        texts = null;
    }

    /** The finished column; this builder must not be used afterwards. */
    Column build() {
        if (values != null && present == 0) {
            int[] none = new int[size];
            Arrays.fill(none, CategoricalColumn.MISSING);
            return new CategoricalColumn(name, none, new String[0]);
        }
        if (values != null && textDictionary == null) {
            double[] parsed = values.toArray();
            NumericTexts exact = texts;
            return NumericColumn.withTexts(name, parsed, missing, row -> exact.text(row, parsed[row]));
        }
        if (values != null) {
            return new NumericColumn(name, values.toArray(), missing,
                    new CategoricalColumn(name, textCodes.toArray(), textDictionary.strings()));
        }
        return new CategoricalColumn(name, codes.toArray(), dictionary.strings());
    }
}
