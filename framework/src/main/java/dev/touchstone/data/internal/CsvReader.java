package dev.touchstone.data.internal;

import dev.touchstone.config.internal.CurrentSettings;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import dev.touchstone.internal.text.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
 * (ASCII always is). Files above {@value #PARALLEL_THRESHOLD} bytes are parsed in chunks on
 * every core ({@link CsvChunks}); whenever that meets anything but clean records (an error, a
 * blank line before a later record), the file is read again by the sequential reader here,
 * which reports the first error in file order exactly as it always has.
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
        return read(path, Readers.size(path) > PARALLEL_THRESHOLD && CsvChunks.defaultWorkers() > 1, maxRecordBytes);
    }

    /** Reads the whole file, in parallel chunks or on the calling thread alone. */
    static Table read(Path path, boolean parallel) {
        return read(path, parallel, CurrentSettings.get().maxRecordBytes());
    }

    static Table read(Path path, boolean parallel, int maxRecordBytes) {
        return parallel
                ? readInChunks(path, CsvChunks.CHUNK_BYTES, CsvChunks.defaultWorkers(), maxRecordBytes)
                : sequential(path, maxRecordBytes);
    }

    /** Reads the file in chunks of about {@code chunkBytes}; on anything but clean records, sequentially. */
    static Table readInChunks(Path path, int chunkBytes, int workers, int maxRecordBytes) {
        Table table = CsvChunks.read(path, chunkBytes, workers, maxRecordBytes);
        return table != null ? table : sequential(path, maxRecordBytes);
    }

    /** Reads the whole file on the calling thread. */
    static Table sequential(Path path, int maxRecordBytes) {
        String source = path.toString();
        InputStream in = new ProgressInputStream(Readers.open(path),
                Progress.start("reading " + source, Readers.size(path), "bytes"));
        int bufferSize = (int) Math.max(4096, Math.min(BUFFER_SIZE, Readers.size(path) + 1));
        try (in; CsvScanner scanner = new CsvScanner(source, in, bufferSize, maxRecordBytes)) {
            return new CsvReader(source, scanner).readAll();
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private Table readAll() throws IOException {
        int status;
        int blankLine = 0;
        while ((status = scanner.next()) == CsvScanner.BLANK) {
            blankLine = blankLine == 0 ? scanner.recordLine() : blankLine;
        }
        if (status == CsvScanner.END) {
            throw emptyFile(source);
        }
        if (blankLine != 0) {
            throw blankBeforeHeader(source, blankLine);
        }
        CsvRecords records = CsvRecords.ofHeader(source, scanner);
        TableBuilder builder = new TableBuilder(source, records.header());
        scanner.header(records.header());
        ColumnBuilder[] columns = new ColumnBuilder[records.header().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = builder.column(i);
        }
        while ((status = scanner.next()) != CsvScanner.END) {
            if (status == CsvScanner.BLANK) {
                blankLine = blankLine == 0 ? scanner.recordLine() : blankLine;
                continue;
            }
            if (blankLine != 0) {
                throw records.blankLineBetweenRecords(blankLine);
            }
            int line = scanner.recordLine();
            records.check(scanner, line);
            records.add(scanner, columns);
            builder.endCompleteRow(line);
        }
        return builder.build();
    }

    static DataFormatException emptyFile(String source) {
        return new DataFormatException(source + ": empty file; expected a header row with the column names");
    }

    static DataFormatException blankBeforeHeader(String source, int line) {
        return new DataFormatException(source + " line " + line + ": blank line before the header row");
    }
}
