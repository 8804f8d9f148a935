package dev.touchstone.data.internal;

import dev.touchstone.data.internal.GrowableArrays.ByteList;
import dev.touchstone.internal.text.NumberParser;

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
 */
final class NumericTexts {

    private static final byte MISSING = -2;
    private static final byte TERMINATOR = '\n'; // never part of a number

    private final ByteList shapes;
    private final ByteList irregular = new ByteList(64);

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
