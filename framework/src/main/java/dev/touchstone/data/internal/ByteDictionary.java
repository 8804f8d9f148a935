package dev.touchstone.data.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary encoding keyed by byte slices: looks a value up without creating a String, and
 * assigns codes 0, 1, 2... in order of first appearance. Keys are UTF-8 bytes, kept back to
 * back in one arena; Strings are created once per distinct value, at the end.
 *
 * <p>Open addressing with linear probing, load factor at most 1/2; each entry's hash is kept
 * so that probing compares bytes only on a hash match and resizing never rehashes bytes.
 */
final class ByteDictionary {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] arena = new byte[256];
    private int arenaSize;
    private int[] offsets = new int[17]; // entry i occupies arena[offsets[i], offsets[i + 1])
    private int[] hashes = new int[16];
    private int size;
    private int[] table = newTable(64); // code + 1, or 0 when the slot is empty
    private int mask = 63;

    private final int[] singleBytes = new int[256]; // code + 1 of each one-byte entry, by its byte

    // the slot and hash of the last failed find(), for an add() that follows it
    private int lastSlot = -1;
    private int lastHash;

    private static int[] newTable(int capacity) {
        return new int[capacity];
    }

    int size() {
        return size;
    }

    /**
     * The hash of a slice. Slices of up to 16 bytes (most categories) are read as two
     * little-endian words, which also makes their comparison two word compares; longer slices
     * are mixed eight bytes at a time. The final mix spreads every input bit over the low bits.
     */
    static int hash(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length <= 16) {
            return shortHash(word(bytes, from, Math.min(length, 8)), word(bytes, from + 8, length - 8), length);
        }
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ bytes[i]) * 0x94D049BB133111EBL;
        }
        return finish(h);
    }

    private static int shortHash(long first, long second, int length) {
        return finish(first * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(second * 0xC2B2AE3D27D4EB4FL, 31) ^ length);
    }

    private static int finish(long h) {
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 32;
        return (int) h;
    }

    /** {@code count} (at most 8) bytes from {@code at} as a little-endian word; 0 if none. */
    private static long word(byte[] bytes, int at, int count) {
        if (count <= 0) {
            return 0;
        }
        if (at + 8 <= bytes.length) {
            long word = (long) LONGS.get(bytes, at);
            return count == 8 ? word : word & ((1L << (count << 3)) - 1);
        }
        long word = 0;
        for (int k = count - 1; k >= 0; k--) {
            word = (word << 8) | (bytes[at + k] & 0xFF);
        }
        return word;
    }

    /** The code of the slice, or -1; after -1, {@link #addAfterFind} inserts the slice cheaply. */
    int find(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 1) {
            int code = singleBytes[bytes[from] & 0xFF] - 1; // labels such as 0 and 1: no hash at all
            if (code >= 0) {
                return code;
            }
        }
        if (length > 16) {
            return findLong(bytes, from, to);
        }
        long first = word(bytes, from, Math.min(length, 8));
        long second = word(bytes, from + 8, length - 8);
        int h = shortHash(first, second, length);
        int slot = h & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                lastSlot = slot;
                lastHash = h;
                return -1;
            }
            int code = entry - 1;
            if (hashes[code] == h) {
                int start = offsets[code];
                if (offsets[code + 1] - start == length
                        && word(arena, start, Math.min(length, 8)) == first
                        && word(arena, start + 8, length - 8) == second) {
                    return code;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int findLong(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int length = to - from;
        int slot = h & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                lastSlot = slot;
                lastHash = h;
                return -1;
            }
            int code = entry - 1;
            if (hashes[code] == h) {
                int start = offsets[code];
                if (offsets[code + 1] - start == length
                        && Arrays.equals(arena, start, start + length, bytes, from, to)) {
                    return code;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Inserts the slice that the immediately preceding {@link #find} did not find; returns its code. */
    int addAfterFind(byte[] bytes, int from, int to) {
        int length = to - from;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, GrowableArrays.grow(arena.length, arenaSize + length));
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        arenaSize += length;
        int code = size++;
        if (size + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, GrowableArrays.grow(offsets.length, size + 1));
            hashes = Arrays.copyOf(hashes, offsets.length);
        }
        offsets[size] = arenaSize;
        hashes[code] = lastHash;
        if (length == 1) {
            singleBytes[bytes[from] & 0xFF] = code + 1;
        }
        table[lastSlot] = code + 1;
        lastSlot = -1;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        return code;
    }

    /** The code of the slice, added if new. */
    int codeOf(byte[] bytes, int from, int to) {
        int code = find(bytes, from, to);
        return code >= 0 ? code : addAfterFind(bytes, from, to);
    }

    private void rehash(int capacity) {
        int[] fresh = newTable(capacity);
        int freshMask = capacity - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & freshMask;
            while (fresh[slot] != 0) {
                slot = (slot + 1) & freshMask;
            }
            fresh[slot] = code + 1;
        }
        table = fresh;
        mask = freshMask;
    }

    /** The bytes of entry {@code code} are {@code arena()[start(code), end(code))}. */
    byte[] arena() {
        return arena;
    }

    int start(int code) {
        return offsets[code];
    }

    int end(int code) {
        return offsets[code + 1];
    }

    /** Every value, decoded once, in code order. */
    String[] strings() {
        String[] result = new String[size];
        for (int code = 0; code < size; code++) {
            int start = offsets[code];
            result[code] = new String(arena, start, offsets[code + 1] - start, StandardCharsets.UTF_8);
        }
        return result;
    }
}
