package dev.touchstone.data.internal;

import dev.touchstone.data.internal.GrowableArrays.IntList;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a CSV file on every core: the calling thread reads the file in chunks of about
 * {@value #CHUNK_BYTES} bytes, each cut after a line end that lies outside quoted fields; worker
 * threads parse the chunks at once, each into columns of its own, which are then concatenated
 * in file order ({@link ColumnBuilder#concat}) into exactly the table the sequential reader
 * builds: the same types, texts and dictionary order, the same line of every row.
 *
 * <p><b>Where to cut.</b> A quoted field may hold line ends, so a line end is a record boundary
 * only outside quotes. In a file without errors, a byte is inside a quoted field exactly when
 * an odd number of quotes precede it (doubled quotes are adjacent, so no byte sits between
 * them): one pass that counts quotes eight bytes at a time tells where the chunk may end. Each
 * chunk then counts its lines from 1 and is shifted by the lines of the chunks before it.
 *
 * <p><b>Errors.</b> The parity rule holds only up to the first error, so this reader does not
 * report errors at all: on anything but clean records in every chunk (a format error, a record
 * over the limit, a blank line followed by a record in a later chunk, a file that changed while
 * read) it stops and returns {@code null}, and {@link CsvReader} reads the file again on one
 * thread, which reports the first error in file order, word for word as before. The chunks
 * before the first error were cut at true record boundaries (the rule held there), so a file
 * the sequential reader accepts is never rejected here, and one it rejects is never accepted.
 *
 * <p>Memory: at most {@code workers + 2} chunks of bytes at a time, plus the columns of every
 * chunk until they are concatenated, one column at a time.
 */
final class CsvChunks {

    static final int CHUNK_BYTES = 4 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String source;
    private final int chunkBytes;
    private final int maxRecord;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private final ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private CsvRecords records;     // set from the header before the first chunk is handed out
    private boolean eof;
    private int newlines;           // of the last range counted, to size a chunk's columns

    private CsvChunks(String source, int chunkBytes, int maxRecord, ExecutorService pool, int workers) {
        this.source = source;
        this.chunkBytes = chunkBytes;
        this.maxRecord = maxRecord;
        this.pool = pool;
        this.inFlight = new Semaphore(workers + 1);
    }

    /** Parser threads for a file: one per core, at most 8. */
    static int defaultWorkers() {
        return Math.min(8, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The table of the file, or {@code null} when it must be read sequentially: it has an error,
     * or something (a blank line, a header longer than a chunk) that this reader leaves to the
     * sequential one.
     */
    static Table read(Path path, int chunkBytes, int workers, int maxRecord) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, CsvChunks::thread);
        CsvChunks reader = new CsvChunks(path.toString(), chunkBytes, maxRecord, pool, workers);
        try {
            return reader.readAll(path);
        } catch (DataFormatException | IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFormatException("interrupted while reading " + path, e);
        } finally {
            reader.abandoned.set(true);
            pool.shutdownNow();
        }
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "touchstone-csv-reader-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    private Table readAll(Path path) throws IOException, InterruptedException {
        List<Future<Chunk>> chunks = new ArrayList<>();
        int firstLine;
        try (InputStream in = new ProgressInputStream(Readers.open(path),
                Progress.start("reading " + source, Readers.size(path), "bytes"))) {
            byte[] buffer = new byte[chunkBytes + 4096];
            int length = fill(in, buffer, 0);
            CsvScanner head = CsvScanner.region(source, buffer, 0, length, eof, true, maxRecord);
            if (head.nextInBuffer() != CsvScanner.RECORD) {
                return null; // an empty file, a blank line before the header, or a header longer than a chunk
            }
            records = CsvRecords.ofHeader(source, head);
            new TableBuilder(source, records.header()); // the checks of the names: empty, repeated
            firstLine = head.line();
            int start = head.position();
            while (true) {
                if (abandoned.get()) {
                    return null;
                }
                if (eof) {
                    count(buffer, start, length);
                    submit(chunks, buffer, start, length);
                    break;
                }
                int split = split(buffer, start, length);
                if (split < 0) {
                    if (length - start > maxRecord + 3L) {
                        return null; // no record ends within the limit: the sequential reader says why
                    }
                    byte[] larger = new byte[(int) Math.min(GrowableArrays.MAX_LENGTH,
                            (long) length - start + chunkBytes + 4096)];
                    System.arraycopy(buffer, start, larger, 0, length - start);
                    length = fill(in, larger, length - start);
                    buffer = larger;
                    start = 0;
                    continue;
                }
                int carried = length - split;
                byte[] next = buffer(carried + chunkBytes + 4096);
                System.arraycopy(buffer, split, next, 0, carried);
                submit(chunks, buffer, start, split);
                buffer = next;
                start = 0;
                length = fill(in, next, carried);
            }
        }
        return assemble(chunks, firstLine);
    }

    /** Reads up to a chunk's worth of bytes after {@code from}; sets {@link #eof} at the end of the file. */
    private int fill(InputStream in, byte[] buffer, int from) throws IOException {
        int length = from;
        int end = Math.min(buffer.length, from + chunkBytes);
        while (length < end) {
            int n = in.read(buffer, length, end - length);
            if (n < 0) {
                eof = true;
                break;
            }
            length += n;
        }
        return length;
    }

    private byte[] buffer(int size) {
        byte[] reused = spare.poll();
        return reused != null && reused.length >= size ? reused : new byte[size];
    }

    private void submit(List<Future<Chunk>> chunks, byte[] buffer, int from, int to) throws InterruptedException {
        int capacity = newlines + 16;
        inFlight.acquire();
        try {
            chunks.add(pool.submit(() -> parse(buffer, from, to, capacity)));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /**
     * Where the chunk {@code buffer[from, to)} (starting at a record) may end: after its last line
     * end outside quotes, or -1 if it has none. A CR as the last byte is not taken, as an LF may
     * follow it.
     */
    private int split(byte[] buffer, int from, int to) {
        int quotes = count(buffer, from, to);
        int after = 0; // quotes in (i, to)
        for (int i = to - 1; i >= from; i--) {
            byte b = buffer[i];
            if (b == '"') {
                after++;
            } else if (((quotes - after) & 1) == 0
                    && (b == '\n' || (b == '\r' && i + 1 < to && buffer[i + 1] != '\n'))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The quotes in {@code buffer[from, to)}; also sets {@link #newlines}. Eight bytes at a time. */
    private int count(byte[] buffer, int from, int to) {
        int quotes = 0;
        int lines = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(buffer, i);
            quotes += Long.bitCount(zeroBytes(word ^ QUOTES));
            lines += Long.bitCount(zeroBytes(word ^ NEWLINES));
        }
        for (; i < to; i++) {
            quotes += buffer[i] == '"' ? 1 : 0;
            lines += buffer[i] == '\n' ? 1 : 0;
        }
        newlines = lines;
        return quotes;
    }

    /** The high bit of every byte of {@code x} that is zero, and no other bit. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** One chunk's rows: its columns, the line of each row counted from 1, the lines it spans. */
    private record Chunk(ColumnBuilder[] columns, IntList lines, int rows, int lineCount, boolean endsBlank) {
    }

    /** Parses whole records; {@code null} on any error or a record after a blank line. */
    private Chunk parse(byte[] buffer, int from, int to, int capacity) {
        try {
            if (abandoned.get()) {
                return null;
            }
            CsvRecords mine = records.copy();
            List<String> header = mine.header();
            CsvScanner scanner = CsvScanner.region(source, buffer, from, to, true, false, maxRecord);
            scanner.header(header);
            ColumnBuilder[] columns = new ColumnBuilder[header.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new ColumnBuilder(header.get(i), capacity);
            }
            IntList lines = new IntList(capacity);
            int blankLine = 0;
            int status;
            while ((status = scanner.nextInBuffer()) != CsvScanner.END) {
                if (status == CsvScanner.BLANK) {
                    blankLine = blankLine == 0 ? scanner.recordLine() : blankLine;
                    continue;
                }
                if (status != CsvScanner.RECORD || blankLine != 0) {
                    abandoned.set(true);
                    return null;
                }
                int line = scanner.recordLine();
                mine.check(scanner, line);
                mine.add(scanner, columns);
                lines.add(line);
            }
            return new Chunk(columns, lines, lines.size(), scanner.line() - 1, blankLine != 0);
        } catch (DataFormatException e) {
            abandoned.set(true);
            return null;
        } finally {
            spare.offer(buffer);
            inFlight.release();
        }
    }

    /** The table from the chunks in file order, or {@code null} if one of them was not clean. */
    private Table assemble(List<Future<Chunk>> futures, int firstLine) throws InterruptedException {
        List<Chunk> chunks = new ArrayList<>(futures.size());
        int[] lineOffsets = new int[futures.size()];
        long rows = 0;
        int offset = firstLine - 1;
        boolean blankBefore = false;
        for (int k = 0; k < futures.size(); k++) {
            Chunk chunk = get(futures.get(k));
            if (chunk == null || (blankBefore && chunk.rows() > 0)) {
                return null; // a record after a blank line is an error, which the sequential reader reports
            }
            blankBefore |= chunk.endsBlank();
            chunks.add(chunk);
            lineOffsets[k] = offset;
            offset += chunk.lineCount();
            rows += chunk.rows();
        }
        if (rows > GrowableArrays.MAX_LENGTH) {
            return null; // the sequential reader says that a column cannot hold it
        }
        List<String> header = records.header();
        List<Future<Column>> columns = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            List<ColumnBuilder> parts = new ArrayList<>(chunks.size());
            for (Chunk chunk : chunks) {
                parts.add(chunk.columns()[index]);
            }
            columns.add(pool.submit(() -> ColumnBuilder.concat(header.get(index), parts).build()));
        }
        int[] lines = rows == 0 ? null : new int[(int) rows];
        int at = 0;
        for (int k = 0; k < chunks.size(); k++) {
            IntList chunkLines = chunks.get(k).lines();
            for (int i = 0; i < chunkLines.size(); i++) {
                lines[at++] = chunkLines.get(i) + lineOffsets[k];
            }
        }
        List<Column> built = new ArrayList<>(header.size());
        for (Future<Column> column : columns) {
            built.add(get(column));
        }
        return new Table(source, (int) rows, built, lines);
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
