package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.internal.text.Printable;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits RFC 4180 bytes into records and fields without copying them: after {@link #next()}
 * returns {@link #RECORD}, field {@code i} is {@code buffer()[start(i), end(i))} (quotes
 * stripped; doubled quotes still doubled, see {@link #ESCAPED}), valid until the next call.
 *
 * <p>Reads through one large buffer. A record that runs past the end of the buffer is scanned
 * again from its start once the buffer has been compacted and refilled (grown if one record
 * fills it), so the scanning loop itself never deals with a boundary. Records end with LF,
 * CRLF or CR; quoted fields may contain all three; lines are counted as editors do. A record
 * longer than {@code maxRecord} bytes ({@code touchstone.data.max-record-bytes}) is an error
 * naming its line, and the buffer never grows beyond that, so a file of one endless line or an
 * unclosed quote cannot fill the memory.
 *
 * <p>A scanner can also read a region of bytes already in memory ({@link #region}): a chunk of
 * whole records that {@link CsvChunks} parses on another thread, its lines counted from 1.
 *
 * <p>Unquoted fields, the common case, are scanned eight bytes at a time: one word tells whether
 * any of its bytes is a comma, line end, quote, control or non-ASCII byte, so that plain digits
 * and letters are skipped without a branch per byte.
 */
final class CsvScanner implements Closeable {

    static final int RECORD = 0;
    static final int BLANK = 1;
    static final int END = 2;
    static final int NEED_MORE = -1;

    /** Field flags. */
    static final int QUOTED = 1;
    static final int ESCAPED = 2;
    static final int NON_ASCII = 4;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    /** Added to a byte below 0x80, sets its high bit exactly when the byte is above ','. */
    private static final long ABOVE_COMMA = 0x5353535353535353L;

    private final String source;
    private final InputStream in;
    private final int maxRecord;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    private int line = 1;
    private List<String> header;
    private int openQuoteField = -1;   // the quoted field that ran past the buffer's end, or -1
    private int openQuoteLine;

    private int recordLine;
    private int fieldCount;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private byte[] flags = new byte[32];

    CsvScanner(String source, InputStream in, int bufferSize, int maxRecord) throws IOException {
        this.source = source;
        this.in = in;
        this.maxRecord = maxRecord;
        this.buffer = new byte[bufferSize];
        fill();
        skipBom();
    }

    private CsvScanner(String source, byte[] bytes, int from, int to, boolean last, int maxRecord) {
        this.source = source;
        this.in = null;
        this.maxRecord = maxRecord;
        this.buffer = bytes;
        this.position = from;
        this.limit = to;
        this.eof = last;
    }

    /**
     * A scanner of {@code bytes[from, to)}, which it never refills: at {@code to} it reports
     * {@link #END} when {@code last}, else {@link #NEED_MORE}. A file's first region skips a BOM.
     */
    static CsvScanner region(String source, byte[] bytes, int from, int to, boolean last, boolean fileStart,
            int maxRecord) {
        CsvScanner scanner = new CsvScanner(source, bytes, from, to, last, maxRecord);
        if (fileStart) {
            scanner.skipBom();
        }
        return scanner;
    }

    private void skipBom() {
        if (limit - position >= 3 && Arrays.equals(buffer, position, position + 3, BOM, 0, 3)) {
            position += 3;
        }
    }

    /** Names columns in messages once the header is known. */
    void header(List<String> names) {
        header = names;
    }

    /** {@link #RECORD}, {@link #BLANK} (an empty line) or {@link #END}. */
    int next() throws IOException {
        while (true) {
            int status = scan();
            if (status != NEED_MORE) {
                return status;
            }
            fill();
        }
    }

    /**
     * As {@link #next()}, but returns {@link #NEED_MORE} instead of refilling the buffer, so that
     * the caller can finish with the fields of earlier records before {@link #fill()} moves them.
     */
    int nextInBuffer() {
        return scan();
    }

    int recordLine() {
        return recordLine;
    }

    /** The line on which the next record starts. */
    int line() {
        return line;
    }

    /** Where the next record starts in {@link #buffer()}. */
    int position() {
        return position;
    }

    int fieldCount() {
        return fieldCount;
    }

    byte[] buffer() {
        return buffer;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    int flags(int field) {
        return flags[field];
    }

    /** Moves the unread bytes to the front and reads more; invalidates every field position. */
    void fill() throws IOException {
        if (in == null) {
            throw new IllegalStateException("a region is never refilled");
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            // one record fills the buffer; room for the record, its line end and one byte of lookahead
            long room = Math.min(GrowableArrays.MAX_LENGTH, maxRecord + 3L);
            if (buffer.length >= room) {
                throw tooLong();
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(room, buffer.length * 2L));
        }
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    /** The error of a record longer than {@code maxRecord}: which line, and why it might be. */
    private DataFormatException tooLong() {
        String limitText = String.format(Locale.ROOT, "%,d bytes (touchstone.data.max-record-bytes)", maxRecord);
        if (openQuoteField >= 0) {
            return new DataFormatException(source + " line " + line + ": a record longer than " + limitText
                    + ": the quoted field of " + label(openQuoteField) + " opened on line " + openQuoteLine
                    + " does not close within it (a missing closing quote?)");
        }
        return new DataFormatException(source + " line " + line + ": a record longer than " + limitText
                + "; is it a CSV file with one record per line? If records really are this long, raise the limit");
    }

    private int scan() {
        openQuoteField = -1;
        int p = position;
        if (p == limit) {
            return eof ? END : NEED_MORE;
        }
        byte[] buf = buffer;
        byte b = buf[p];
        if (b == '\n' || b == '\r') {
            int after = terminatorEnd(p);
            if (after < 0) {
                return NEED_MORE;
            }
            recordLine = line++;
            position = after;
            return BLANK;
        }
        int newlines = 0;
        int count = 0;
        while (true) {
            int flag = 0;
            int start;
            int end;
            if (p < limit && buf[p] == '"') {
                int openLine = line + newlines;
                start = ++p;
                int high = 0;
                while (true) {
                    if (p == limit) {
                        if (!eof) {
                            openQuoteField = count;
                            openQuoteLine = openLine;
                            return NEED_MORE;
                        }
                        throw new DataFormatException(source + " line " + openLine + ": quoted field of "
                                + label(count) + " opened here is never closed");
                    }
                    b = buf[p];
                    if (b == '"') {
                        if (p + 1 == limit && !eof) {
                            return NEED_MORE;
                        }
                        if (p + 1 < limit && buf[p + 1] == '"') {
                            flag |= ESCAPED;
                            p += 2;
                            continue;
                        }
                        end = p++;
                        break;
                    }
                    if (b == '\n') {
                        newlines++;
                    } else if (b == '\r') {
                        if (p + 1 == limit && !eof) {
                            return NEED_MORE;
                        }
                        if (p + 1 == limit || buf[p + 1] != '\n') {
                            newlines++;
                        }
                    }
                    high |= b;
                    p++;
                }
                flag |= QUOTED | (high < 0 ? NON_ASCII : 0);
                if (p < limit) {
                    b = buf[p];
                    if (b != ',' && b != '\n' && b != '\r') {
                        throw new DataFormatException(source + " line " + (line + newlines) + ", " + label(count)
                                + ": unexpected " + describe(b) + " after the closing quote; expected ',' or"
                                + " the end of the line (a quote inside a quoted field is written \"\")");
                    }
                } else if (!eof) {
                    return NEED_MORE;
                }
            } else {
                start = p;
                int high = 0;
                while (p + 8 <= limit) {
                    long word = (long) LONGS.get(buf, p);
                    long special = (word | ~((word & LOW7) + ABOVE_COMMA)) & HIGH;
                    if (special != 0) {
                        p += Long.numberOfTrailingZeros(special) >>> 3; // the byte loop takes it from here
                        break;
                    }
                    p += 8;
                }
                while (p < limit) {
                    b = buf[p];
                    if (b > ',') {          // the common case: digits, letters, '.', '-'
                        p++;
                        continue;
                    }
                    if (b == ',' || b == '\n' || b == '\r') {
                        break;
                    }
                    if (b == '"') {
                        throw new DataFormatException(source + " line " + (line + newlines) + ", " + label(count)
                                + ": quote character inside an unquoted field; quote the whole field and"
                                + " double the quotes inside it (\"say \"\"hi\"\"\")");
                    }
                    high |= b;
                    p++;
                }
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
                end = p;
                flag |= high < 0 ? NON_ASCII : 0;
            }
            store(count++, start, end, flag);
            if (p == limit) {                      // end of input ends the last record
                return record(p, newlines, count);
            }
            if (buf[p] == ',') {
                p++;
                continue;
            }
            int after = terminatorEnd(p);
            if (after < 0) {
                return NEED_MORE;
            }
            return record(after, newlines + 1, count);
        }
    }

    private int record(int next, int lines, int count) {
        if (next - position > maxRecord) {
            throw tooLong();
        }
        recordLine = line;
        line += lines;
        position = next;
        fieldCount = count;
        return RECORD;
    }

    /** Where the line terminator at {@code p} ends, or -1 if that needs one more byte. */
    private int terminatorEnd(int p) {
        if (buffer[p] == '\n') {
            return p + 1;
        }
        if (p + 1 == limit) {
            return eof ? p + 1 : -1;
        }
        return buffer[p + 1] == '\n' ? p + 2 : p + 1;
    }

    private void store(int field, int start, int end, int flag) {
        if (field == starts.length) {
            int capacity = GrowableArrays.grow(field, field + 1);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        starts[field] = start;
        ends[field] = end;
        flags[field] = (byte) flag;
    }

    /** "column 'label'" for messages. */
    String label(int field) {
        if (header == null) {
            return "column " + (field + 1) + " of the header";
        }
        if (field < header.size()) {
            return "column '" + Printable.escape(header.get(field)) + "'";
        }
        return "field " + (field + 1) + " (the header has " + header.size() + " columns)";
    }

    private static String describe(byte b) {
        return b >= 0x21 && b < 0x7F ? "character '" + (char) b + "'" : String.format("byte 0x%02X", b & 0xFF);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
