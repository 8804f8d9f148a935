package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every CSV record goes through once scanned, whichever thread scans it: the checks that
 * reject it (field count, UTF-8, a repeated header) and the hand-over of its fields to the
 * columns. One instance per thread: it owns a scratch buffer for unescaping.
 */
final class CsvRecords {

    private final String source;
    private final List<String> header;
    private final byte[][] headerBytes;   // null for a one-column header, whose value may be its name
    private byte[] scratch = new byte[256];

    private CsvRecords(String source, List<String> header, byte[][] headerBytes) {
        this.source = source;
        this.header = header;
        this.headerBytes = headerBytes;
    }

    /** Reads the header from the scanner's current record. */
    static CsvRecords ofHeader(String source, CsvScanner scanner) {
        List<String> names = new ArrayList<>(scanner.fieldCount());
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < scanner.fieldCount(); i++) {
            checkUtf8(source, scanner, i, scanner.recordLine());
            String raw = new String(buffer, scanner.start(i), scanner.end(i) - scanner.start(i), StandardCharsets.UTF_8);
            names.add((scanner.flags(i) & CsvScanner.ESCAPED) != 0 ? raw.replace("\"\"", "\"") : raw);
        }
        byte[][] fields = null;
        if (names.size() >= 2) {
            fields = new byte[names.size()][];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = Arrays.copyOfRange(buffer, scanner.start(i), scanner.end(i));
            }
        }
        return new CsvRecords(source, List.copyOf(names), fields);
    }

    /** The same header, for another thread. */
    CsvRecords copy() {
        return new CsvRecords(source, header, headerBytes);
    }

    List<String> header() {
        return header;
    }

    /** The error of a record that follows a blank line. */
    DataFormatException blankLineBetweenRecords(int blankLine) {
        return new DataFormatException(source + " line " + blankLine + ": blank line between records;"
                + " remove it (every line must hold a record; a missing value is written as an empty field)");
    }

    /** Fails unless the scanner's current record, on {@code line}, can be added. */
    void check(CsvScanner scanner, int line) {
        int columns = header.size();
        if (scanner.fieldCount() != columns) {
            throw new DataFormatException(source + " line " + line + ": expected " + columns + " fields "
                    + TableBuilder.describe(header) + " but found " + scanner.fieldCount());
        }
        for (int i = 0; i < columns; i++) {
            checkUtf8(source, scanner, i, line);
        }
        if (repeatsHeader(scanner)) {
            throw new DataFormatException(source + " line " + line + ": this row repeats the header "
                    + TableBuilder.describe(header) + "; were two CSV files joined? Remove the repeated header"
                    + " line (a header row read as data would become an example)");
        }
    }

    /** Adds the fields of the scanner's current (checked) record, doubled quotes made single. */
    void add(CsvScanner scanner, ColumnBuilder[] columns) {
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < columns.length; i++) {
            if ((scanner.flags(i) & CsvScanner.ESCAPED) == 0) {
                columns[i].add(buffer, scanner.start(i), scanner.end(i));
            } else {
                columns[i].add(scratch, 0, unescape(buffer, scanner.start(i), scanner.end(i)));
            }
        }
    }

    /** Copies a quoted field with each doubled quote made single into the scratch; returns its length. */
    private int unescape(byte[] buffer, int start, int end) {
        if (scratch.length < end - start) {
            scratch = new byte[GrowableArrays.grow(scratch.length, end - start)];
        }
        int length = 0;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            scratch[length++] = b;
            if (b == '"') {
                i++; // the scanner guarantees that the next byte is the second quote
            }
        }
        return length;
    }

    /**
     * Whether the current record is the header again, byte for byte. One length compare per
     * record when it is not.
     */
    private boolean repeatsHeader(CsvScanner scanner) {
        byte[][] fields = headerBytes;
        if (fields == null || scanner.end(0) - scanner.start(0) != fields[0].length) {
            return false;
        }
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < fields.length; i++) {
            if (!Arrays.equals(buffer, scanner.start(i), scanner.end(i), fields[i], 0, fields[i].length)) {
                return false;
            }
        }
        return true;
    }

    private static void checkUtf8(String source, CsvScanner scanner, int field, int line) {
        if ((scanner.flags(field) & CsvScanner.NON_ASCII) == 0) {
            return;
        }
        byte[] buffer = scanner.buffer();
        int end = scanner.end(field);
        int bad = Utf8.firstInvalid(buffer, scanner.start(field), end);
        if (bad >= 0) {
            throw new DataFormatException(source + " line " + line + ", " + scanner.label(field)
                    + ": invalid UTF-8 (bytes " + Utf8.describe(buffer, bad, end) + "); save the file as UTF-8");
        }
    }
}
