package dev.touchstone.data.internal;

import dev.touchstone.data.DataFormatException;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records scanned but not yet added to their columns: field positions in the scanner's buffer
 * (or, for fields with doubled quotes, in this batch's own arena, where they were unescaped).
 * {@link #flush} hands each column its values; with a helper thread, the helper and the caller
 * each take columns until none is left (columns are independent, so nothing else is shared;
 * the batch is only read, and the caller waits for the helper before scanning on).
 */
final class CsvBatch {

    private final ColumnBuilder[] columns;
    private final int capacity;        // records
    private final int[] starts;
    private final int[] ends;
    private final boolean[] inArena;
    private byte[] arena = new byte[4096];
    private int arenaSize;
    private int size;                  // records
    private boolean anyInArena;

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

    /** Adds the scanner's current record, which has exactly one field per column. */
    void add(CsvScanner scanner) {
        int base = size * columns.length;
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < columns.length; i++) {
            int slot = base + i;
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

    /** Adds every record to the columns, then empties the batch. */
    void flush(byte[] buffer, ExecutorService helper) {
        if (size == 0) {
            return;
        }
        if (helper == null || columns.length < 2) {
            for (int i = 0; i < columns.length; i++) {
                addColumn(buffer, i);
            }
        } else {
            // both threads take the next column not yet taken, so uneven column costs balance out
            AtomicInteger next = new AtomicInteger();
            Runnable work = () -> {
                for (int i = next.getAndIncrement(); i < columns.length; i = next.getAndIncrement()) {
                    addColumn(buffer, i);
                }
            };
            Future<?> other = helper.submit(work);
            work.run();
            await(other);
        }
        size = 0;
        arenaSize = 0;
        anyInArena = false;
    }

    private void addColumn(byte[] buffer, int index) {
        ColumnBuilder column = columns[index];
        int width = columns.length;
        for (int slot = index, end = size * width; slot < end; slot += width) {
            byte[] source = anyInArena && inArena[slot] ? arena : buffer;
            column.add(source, starts[slot], ends[slot]);
        }
    }

    private static void await(Future<?> other) {
        try {
            other.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DataFormatException("reading failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFormatException("interrupted while reading", e);
        }
    }
}
