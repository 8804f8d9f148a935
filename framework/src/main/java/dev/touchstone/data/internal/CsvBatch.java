package dev.touchstone.data.internal;

import java.util.Arrays;

/**
 * Records scanned but not yet added to their columns: the positions of their fields in the
 * scanner's buffer (fields with doubled quotes are unescaped into an arena of the batch's own).
 *
 * <p>{@link #addToColumns} adds every record to the columns, reading the bytes either in place
 * from the scanner's buffer or, after {@link #detach}, from the batch's own copy of them, so
 * that the scanner can move on (and refill its buffer) while another thread adds the batch.
 */
final class CsvBatch {

    private final ColumnBuilder[] columns;
    private final int capacity;        // records
    private final int[] starts;
    private final int[] ends;
    private final boolean[] inArena;
    private byte[] arena = new byte[4096];
    private int arenaSize;
    private boolean anyInArena;
    private int size;                  // records
    private int regionStart;           // the buffer range that holds every field of the batch
    private int regionEnd;
    private byte[] copy = new byte[0];
    private byte[] source;             // where the positions point: the scanner's buffer or the copy
    private int base;                  // buffer position of source[0]

    CsvBatch(ColumnBuilder[] columns) {
        this.columns = columns;
        this.capacity = Math.max(16, (1 << 18) / Math.max(1, columns.length));
        starts = new int[capacity * columns.length];
        ends = new int[capacity * columns.length];
        inArena = new boolean[capacity * columns.length];
    }

    boolean isFull() {
        return size == capacity;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds the scanner's current record, which has exactly one field per column. */
    void add(CsvScanner scanner) {
        int width = columns.length;
        if (size == 0) {
            regionStart = scanner.start(0);
        }
        regionEnd = scanner.end(width - 1);
        int slot = size * width;
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < width; i++, slot++) {
            if ((scanner.flags(i) & CsvScanner.ESCAPED) == 0) {
                starts[slot] = scanner.start(i);
                ends[slot] = scanner.end(i);
                inArena[slot] = false;
            } else {
                starts[slot] = arenaSize;
                ends[slot] = unescape(buffer, scanner.start(i), scanner.end(i));
                inArena[slot] = true;
                anyInArena = true;
            }
        }
        size++;
    }

    /** Copies a quoted field with each doubled quote made single; returns its end in the arena. */
    private int unescape(byte[] buffer, int start, int end) {
        if (arenaSize + (end - start) > arena.length) {
            arena = Arrays.copyOf(arena, GrowableArrays.grow(arena.length, arenaSize + (end - start)));
        }
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            arena[arenaSize++] = b;
            if (b == '"') {
                i++; // the scanner guarantees that the next byte is the second quote
            }
        }
        return arenaSize;
    }

    /** The fields will be read in place from the scanner's buffer, which must not move meanwhile. */
    void readInPlace(byte[] buffer) {
        source = buffer;
        base = 0;
    }

    /** Copies the bytes of the batch out of the scanner's buffer, which is then free to move. */
    void detach(byte[] buffer) {
        int length = regionEnd - regionStart;
        if (copy.length < length) {
            copy = new byte[Math.max(length, copy.length + (copy.length >> 1))];
        }
        System.arraycopy(buffer, regionStart, copy, 0, length);
        source = copy;
        base = regionStart;
    }

    /** Adds every record to its columns and empties the batch. */
    void addToColumns() {
        int width = columns.length;
        for (int i = 0; i < width; i++) {
            ColumnBuilder column = columns[i];
            for (int slot = i, end = size * width; slot < end; slot += width) {
                if (anyInArena && inArena[slot]) {
                    column.add(arena, starts[slot], ends[slot]);
                } else {
                    column.add(source, starts[slot] - base, ends[slot] - base);
                }
            }
        }
        size = 0;
        arenaSize = 0;
        anyInArena = false;
        source = null;
    }
}
