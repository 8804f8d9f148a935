package dev.touchstone.data.internal;

import dev.touchstone.data.internal.GrowableArrays.ByteList;
import dev.touchstone.internal.text.NumberParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The original text of a high-cardinality numeric column, kept at about one byte per row so
 * that the column can still become categorical, with every value spelled exactly as written,
 * if a non-numeric value turns up late.
 *
 * <p>Choice: re-derive, do not store. Most numeric texts are plain decimals such as
 * {@code 0.8734} or {@code 1204}; for them {@link NumberParser#shape()} is the number of
 * fraction digits and {@link NumberParser#format} rewrites the exact text from the parsed
 * double, so the only cost is that shape byte. Any other spelling ({@code 1e-3}, {@code +5},
 * {@code .5}, {@code 007}, more than 15 significant digits, NaN...) is kept verbatim in an
 * arena of irregular texts, consumed in row order on conversion. Memory is therefore one byte
 * per row plus the bytes of the irregular texts; the cheap case is the common one.
 *
 * <p>Once complete, the texts are also read by row ({@link #text}), for the column's
 * {@code text(row)}: a regular text is formatted again, an irregular one found through an index
 * of the irregular rows, built on the first such read. Reading never changes what is stored, so
 * a finished instance may be shared by threads.
 */
final class NumericTexts {

    private static final byte MISSING = -2;
    private static final byte TERMINATOR = '\n'; // never part of a number

    private final ByteList shapes;
    private final ByteList irregular = new ByteList(64);
    private volatile int[] irregularRows;    // the rows with an irregular text, ascending
    private volatile int[] irregularStarts;  // where each one's text starts in the arena

    NumericTexts(int capacity) {
        shapes = new ByteList(capacity);
    }

    void addMissing() {
        shapes.add(MISSING);
    }

    /** Records one present value: its shape and, when irregular, its text. */
    void add(byte shape, byte[] text, int from, int to) {
        shapes.add(shape);
        if (shape == NumberParser.IRREGULAR) {
            irregular.add(text, from, to);
            irregular.add(TERMINATOR);
        }
    }

    int size() {
        return shapes.size();
    }

    /** Appends the rows of {@code next}, which must be complete and is not changed. */
    void append(NumericTexts next) {
        shapes.add(next.shapes.array(), 0, next.shapes.size());
        irregular.add(next.irregular.array(), 0, next.irregular.size());
    }

    /**
     * The text of {@code row}, exactly as it was written, given the value parsed from it; null
     * when it is missing. Only once every row has been added.
     */
    String text(int row, double value) {
        byte shape = shapes.get(row);
        if (shape == MISSING) {
            return null;
        }
        if (shape != NumberParser.IRREGULAR) {
            byte[] buffer = new byte[NumberParser.MAX_FORMATTED_LENGTH];
            return new String(buffer, 0, NumberParser.format(value, shape, buffer), StandardCharsets.US_ASCII);
        }
        int[] rows = irregularRows;
        if (rows == null) {
            rows = indexIrregular();
        }
        int start = irregularStarts[Arrays.binarySearch(rows, row)];
        byte[] all = irregular.array();
        int end = start;
        while (all[end] != TERMINATOR) {
            end++;
        }
        return new String(all, start, end - start, StandardCharsets.UTF_8);
    }

    private synchronized int[] indexIrregular() {
        if (irregularRows != null) {
            return irregularRows;
        }
        int count = 0;
        for (int row = 0; row < shapes.size(); row++) {
            if (shapes.get(row) == NumberParser.IRREGULAR) {
                count++;
            }
        }
        int[] rows = new int[count];
        int[] starts = new int[count];
        byte[] all = irregular.array();
        int position = 0;
        int k = 0;
        for (int row = 0; row < shapes.size(); row++) {
            if (shapes.get(row) == NumberParser.IRREGULAR) {
                rows[k] = row;
                starts[k++] = position;
                while (all[position] != TERMINATOR) {
                    position++;
                }
                position++;
            }
        }
        irregularStarts = starts;
        irregularRows = rows; // published last: a reader that sees the rows sees the starts
        return rows;
    }

    /** Sequential reader of the texts, given the parsed values they came from. */
    Cursor cursor() {
        return new Cursor();
    }

    final class Cursor {
        private int row;
        private int irregularPosition;
        private final byte[] buffer = new byte[NumberParser.MAX_FORMATTED_LENGTH];
        private byte[] bytes;
        private int from;
        private int to;

        /** Moves to the next row; false if it is missing. Otherwise {@link #bytes()} etc. hold its text. */
        boolean next(double value) {
            byte shape = shapes.get(row++);
            if (shape == MISSING) {
                return false;
            }
            if (shape == NumberParser.IRREGULAR) {
                byte[] all = irregular.array();
                int end = irregularPosition;
                while (all[end] != TERMINATOR) {
                    end++;
                }
                bytes = all;
                from = irregularPosition;
                to = end;
                irregularPosition = end + 1;
            } else {
                bytes = buffer;
                from = 0;
                to = NumberParser.format(value, shape, buffer);
            }
            return true;
        }

        byte[] bytes() {
            return bytes;
        }

        int from() {
            return from;
        }

        int to() {
            return to;
        }
    }
}
