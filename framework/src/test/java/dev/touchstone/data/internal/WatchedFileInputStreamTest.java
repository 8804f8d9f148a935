package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes while it is read fails the read, saying what changed, instead of giving a
 * fraction of its rows and a cut last value (issue 12, item 6).
 */
class WatchedFileInputStreamTest {

    @TempDir
    Path dir;

    private Path rows(String name, int count) throws IOException {
        StringBuilder csv = new StringBuilder("id,label,score\n");
        for (int i = 0; i < count; i++) {
            csv.append(i).append(",cat,0.").append(6278 + i % 1000).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void a_file_truncated_while_it_is_read_fails_instead_of_giving_fewer_rows() throws IOException {
        Path file = rows("truncated.csv", 10_000);
        long size = Files.size(file);
        try (InputStream in = Readers.open(file)) {
            in.readNBytes(4096);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size / 3 + 3); // mid-row: a cut last value
            }
            assertThatThrownBy(() -> in.readAllBytes())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(file + " changed while it was read: it had " + String.format("%,d", size)
                            + " bytes when reading began, but the end came after")
                    .hasMessageContaining("no row of it was kept");
        }
    }

    @Test
    void a_file_that_grows_while_it_is_read_fails_as_soon_as_more_than_its_size_was_read() throws IOException {
        Path file = rows("growing.csv", 100);
        try (InputStream in = Readers.open(file)) {
            in.readNBytes(100);
            Files.writeString(file, "100,dog,0.5\n".repeat(1000), StandardOpenOption.APPEND);
            assertThatThrownBy(() -> in.readAllBytes())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file + " changed while it was read: it grew while it was read");
        }
    }

    @Test
    void a_file_rewritten_with_the_same_size_fails_on_its_modification_time() throws IOException {
        Path file = rows("rewritten.csv", 100);
        byte[] original = Files.readAllBytes(file);
        try (InputStream in = Readers.open(file)) {
            in.readNBytes(10);
            byte[] other = original.clone();
            other[original.length - 3] = '9';
            Files.write(file, other);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            assertThatThrownBy(() -> in.readAllBytes())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("changed while it was read: it was modified at");
        }
    }

    @Test
    void an_unchanged_file_reads_to_its_end() throws IOException {
        Path file = rows("stable.csv", 1000);
        try (InputStream in = Readers.open(file)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(file));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** The readers themselves: a file appended to by another writer while they read it. */
    @Test
    void the_csv_and_json_lines_readers_fail_on_a_file_appended_to_while_they_read() throws Exception {
        Path csv = rows("appended.csv", 200_000);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            json.append("{\"id\": ").append(i).append(", \"score\": 0.5}\n");
        }
        Path jsonl = Files.writeString(dir.resolve("appended.jsonl"), json);
        assertChangedWhileRead(csv, "9,cat,0.1\n", () -> CsvReader.read(csv, false));
        assertChangedWhileRead(csv, "9,cat,0.1\n", () -> CsvReader.read(csv, true));
        assertChangedWhileRead(jsonl, "{\"id\": 7, \"score\": 0.1}\n", () -> JsonLinesReader.read(jsonl));
    }

    private static void assertChangedWhileRead(Path file, String row, java.util.function.Supplier<Table> read)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long before = Files.size(file);
        writer.start();
        while (Files.size(file) == before) {
            Thread.onSpinWait(); // the writer is appending before the read starts, and until it ends
        }
        try {
            assertThatThrownBy(read::get)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file + " changed while it was read");
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
