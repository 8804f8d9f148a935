package dev.touchstone.data.internal;

import dev.touchstone.config.internal.CurrentSettings;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import dev.touchstone.internal.text.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Reads a CSV file (RFC 4180, UTF-8 with or without BOM, header row required) into a
 * {@link Table}, inferring column types as {@link TableBuilder} does.
 *
 * <p>Quoted fields may hold commas, doubled quotes and CR/LF/CRLF newlines; records end with
 * CRLF, LF or CR. An empty field, quoted ({@code ""}) or not, is a missing value. A blank line
 * between records is an error (no row is dropped silently; in a one-column file write a missing
 * value as {@code ""}); blank lines at the very end are ignored. A quote inside an unquoted
 * field, or anything but a comma or line end after a closing quote, is an error. Every error is
 * a {@link DataFormatException} naming the file as given, the line and, where one is at fault,
 * the column. A header without data rows gives a table with no rows.
 *
 * <p>Speed: bytes are scanned in place ({@link CsvScanner}); categorical values are looked up
 * as byte slices ({@link ByteDictionary}) and numbers parsed from bytes ({@link NumberParser}),
 * so no String is created per field; only non-ASCII fields are checked for UTF-8 validity
 * (ASCII always is). The calling thread scans and checks every record; for files above
 * {@value #PARALLEL_THRESHOLD} bytes, one helper thread adds each batch of scanned records to
 * the columns while the caller scans the next (see {@code Batches}). Every format error is
 * found while scanning, on the calling thread, so errors do not depend on that overlap.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CsvReader {

    private static final int BUFFER_SIZE = 1 << 20;
    private static final long PARALLEL_THRESHOLD = 8L << 20;

    private final String source;
    private final CsvScanner scanner;

    private CsvReader(String source, CsvScanner scanner) {
        this.source = source;
        this.scanner = scanner;
    }

    /** Reads the whole file, with the record limit of the settings in force. */
    public static Table read(Path path) {
        return read(path, CurrentSettings.get().maxRecordBytes());
    }

    /** Reads the whole file; a record longer than {@code maxRecordBytes} is an error. */
    public static Table read(Path path, int maxRecordBytes) {
        return read(path, Readers.size(path) > PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1,
                maxRecordBytes);
    }

    /** Reads the whole file, with or without a helper thread. */
    static Table read(Path path, boolean parallel) {
        return read(path, parallel, CurrentSettings.get().maxRecordBytes());
    }

    static Table read(Path path, boolean parallel, int maxRecordBytes) {
        String source = path.toString();
        InputStream in = new ProgressInputStream(Readers.open(path),
                Progress.start("reading " + source, Readers.size(path), "bytes"));
        int bufferSize = (int) Math.max(4096, Math.min(BUFFER_SIZE, Readers.size(path) + 1));
        ExecutorService helper = parallel ? Executors.newSingleThreadExecutor(CsvReader::helperThread) : null;
        try (in; CsvScanner scanner = new CsvScanner(source, in, bufferSize, maxRecordBytes)) {
            return new CsvReader(source, scanner).readAll(helper);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + source + ": " + e.getMessage(), e);
        } finally {
            if (helper != null) {
                helper.shutdownNow();
            }
        }
    }

    private static Thread helperThread(Runnable task) {
        Thread thread = new Thread(task, "touchstone-csv-reader");
        thread.setDaemon(true);
        return thread;
    }

    private Table readAll(ExecutorService helper) throws IOException {
        int status;
        int blankLine = 0;
        while ((status = scanner.next()) == CsvScanner.BLANK) {
            blankLine = blankLine == 0 ? scanner.recordLine() : blankLine;
        }
        if (status == CsvScanner.END) {
            throw new DataFormatException(source + ": empty file; expected a header row with the column names");
        }
        if (blankLine != 0) {
            throw new DataFormatException(source + " line " + blankLine + ": blank line before the header row");
        }
        List<String> header = headerNames();
        byte[][] headerBytes = header.size() < 2 ? null : fieldBytes();
        int columns = header.size();
        TableBuilder builder = new TableBuilder(source, header);
        scanner.header(header);
        ColumnBuilder[] sinks = new ColumnBuilder[columns];
        for (int i = 0; i < columns; i++) {
            sinks[i] = builder.column(i);
        }
        Batches batches = new Batches(sinks, helper);
        while ((status = scanner.nextInBuffer()) != CsvScanner.END) {
            if (status == CsvScanner.NEED_MORE) {
                batches.flush(scanner.buffer()); // before fill() moves the bytes
                scanner.fill();
                continue;
            }
            if (status == CsvScanner.BLANK) {
                blankLine = blankLine == 0 ? scanner.recordLine() : blankLine;
                continue;
            }
            if (blankLine != 0) {
                throw new DataFormatException(source + " line " + blankLine + ": blank line between records;"
                        + " remove it (every line must hold a record; a missing value is written as an empty field)");
            }
            int line = scanner.recordLine();
            if (scanner.fieldCount() != columns) {
                throw new DataFormatException(source + " line " + line + ": expected " + columns + " fields "
                        + TableBuilder.describe(header) + " but found " + scanner.fieldCount());
            }
            for (int i = 0; i < columns; i++) {
                checkUtf8(i, line);
            }
            if (repeatsHeader(headerBytes)) {
                throw new DataFormatException(source + " line " + line + ": this row repeats the header "
                        + TableBuilder.describe(header) + "; were two CSV files joined? Remove the repeated header"
                        + " line (a header row read as data would become an example)");
            }
            batches.current().add(scanner);
            builder.endCompleteRow(line);
            if (batches.current().isFull()) {
                batches.flush(scanner.buffer());
            }
        }
        batches.flush(scanner.buffer());
        batches.finish();
        return builder.build();
    }

    /**
     * Sequential: a full batch is added to the columns at once, in place. With a helper thread:
     * double buffering. The full batch copies its bytes and goes to the helper, which adds it to
     * the columns while this thread scans into the other batch; before handing over the next
     * one, this thread waits for the previous hand-over (the helper runs them in order), so the
     * columns are only ever touched by one thread at a time, and {@link Future#get} orders it.
     */
    private static final class Batches {
        private final ExecutorService helper;
        private CsvBatch current;
        private CsvBatch spare;
        private Future<?> pending;

        Batches(ColumnBuilder[] columns, ExecutorService helper) {
            this.helper = helper;
            this.current = new CsvBatch(columns);
            this.spare = helper == null ? null : new CsvBatch(columns);
        }

        CsvBatch current() {
            return current;
        }

        void flush(byte[] buffer) {
            if (current.isEmpty()) {
                return;
            }
            if (helper == null) {
                current.readInPlace(buffer);
                current.addToColumns();
                return;
            }
            current.detach(buffer);
            finish(); // the spare batch is free once the helper is done with it
            CsvBatch full = current;
            pending = helper.submit(full::addToColumns);
            current = spare;
            spare = full;
        }

        void finish() {
            if (pending == null) {
                return;
            }
            try {
                pending.get();
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
            } finally {
                pending = null;
            }
        }
    }

    private List<String> headerNames() {
        byte[] buffer = scanner.buffer();
        List<String> names = new ArrayList<>(scanner.fieldCount());
        for (int i = 0; i < scanner.fieldCount(); i++) {
            checkUtf8(i, scanner.recordLine());
            String raw = new String(buffer, scanner.start(i), scanner.end(i) - scanner.start(i), StandardCharsets.UTF_8);
            names.add((scanner.flags(i) & CsvScanner.ESCAPED) != 0 ? raw.replace("\"\"", "\"") : raw);
        }
        return names;
    }

    /** The raw bytes of every field of the current record. */
    private byte[][] fieldBytes() {
        byte[][] fields = new byte[scanner.fieldCount()][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = Arrays.copyOfRange(scanner.buffer(), scanner.start(i), scanner.end(i));
        }
        return fields;
    }

    /**
     * Whether the current record is the header again, byte for byte (a header of one column is
     * never compared: its one value may well be its name). One length compare per record when it
     * is not.
     */
    private boolean repeatsHeader(byte[][] header) {
        if (header == null || scanner.end(0) - scanner.start(0) != header[0].length) {
            return false;
        }
        byte[] buffer = scanner.buffer();
        for (int i = 0; i < header.length; i++) {
            if (!Arrays.equals(buffer, scanner.start(i), scanner.end(i), header[i], 0, header[i].length)) {
                return false;
            }
        }
        return true;
    }

    private void checkUtf8(int field, int line) {
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
