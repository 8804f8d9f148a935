package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import java.util.Arrays;

/** Shared growth policy of the primitive lists: 1.5x, capped below the VM's array limit. */
final class GrowableArrays {

    /** The largest array length that every VM accepts. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private GrowableArrays() {
    }

    static int grow(int capacity, int needed) {
        if (needed < 0 || needed > MAX_LENGTH) {
            throw new DataFormatException("too much data: a column cannot hold more than " + MAX_LENGTH + " values");
        }
        long next = Math.max((long) needed, capacity + (capacity >> 1) + 16L);
        return (int) Math.min(next, MAX_LENGTH);
    }

    /** A growable {@code int[]}. */
    static final class IntList {
        private int[] data;
        private int size;
        private int expected;   // the first growth goes straight to this many

        IntList(int capacity) {
            this(capacity, 0);
        }

        /** Room for {@code initial} values; when that fills, room for {@code expected} at once. */
        IntList(int initial, int expected) {
            data = new int[Math.max(initial, 16)];
            this.expected = expected;
        }

        private IntList(int[] data) {
            this.data = data;
            this.size = data.length;
        }

        /** A full list backed by {@code data}. */
        static IntList of(int[] data) {
            return new IntList(data);
        }

        /** The backing array: valid up to {@link #size()}, replaced when the list grows. */
        int[] array() {
            return data;
        }

        void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, Math.max(expected, grow(data.length, size + 1)));
                expected = 0;
            }
            data[size++] = value;
        }

        int get(int index) {
            return data[index];
        }

        int size() {
            return size;
        }

        /** The content as an exactly sized array; the list must not be used afterwards. */
        int[] toArray() {
            int[] result = data.length == size ? data : Arrays.copyOf(data, size);
            data = null;
            return result;
        }
    }

    /** A growable {@code double[]}. */
    static final class DoubleList {
        private double[] data;
        private int size;

        DoubleList(int capacity) {
            data = new double[Math.max(capacity, 16)];
        }

        private DoubleList(double[] data) {
            this.data = data;
            this.size = data.length;
        }

        /** A full list backed by {@code data}. */
        static DoubleList of(double[] data) {
            return new DoubleList(data);
        }

        /** The backing array: valid up to {@link #size()}, replaced when the list grows. */
        double[] array() {
            return data;
        }

        void add(double value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, grow(data.length, size + 1));
            }
            data[size++] = value;
        }

        double get(int index) {
            return data[index];
        }

        int size() {
            return size;
        }

        /** The content as an exactly sized array; the list must not be used afterwards. */
        double[] toArray() {
            double[] result = data.length == size ? data : Arrays.copyOf(data, size);
            data = null;
            return result;
        }
    }

    /** A growable {@code byte[]}. */
    static final class ByteList {
        private byte[] data;
        private int size;

        ByteList(int capacity) {
            data = new byte[Math.max(capacity, 16)];
        }

        void add(byte value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, grow(data.length, size + 1));
            }
            data[size++] = value;
        }

        void add(byte[] source, int from, int to) {
            int length = to - from;
            if (size + length > data.length) {
                data = Arrays.copyOf(data, grow(data.length, size + length));
            }
            System.arraycopy(source, from, data, size, length);
            size += length;
        }

        byte get(int index) {
            return data[index];
        }

        /** The backing array: valid up to {@link #size()}, replaced when the list grows. */
        byte[] array() {
            return data;
        }

        int size() {
            return size;
        }
    }
}
