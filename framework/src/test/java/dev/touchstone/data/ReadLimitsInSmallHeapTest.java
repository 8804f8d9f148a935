package dev.touchstone.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.internal.fork.ForkedJvm;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300 MB single line under {@code -Xmx256m} (issue 12, item 9): instead of a bare
 * OutOfMemoryError, the read stops at the record limit ({@code touchstone.data.max-record-bytes},
 * 16 MiB by default) with a message that names the file and the line. The files are generated in
 * a temporary directory and deleted after the test.
 */
class ReadLimitsInSmallHeapTest {

    private static final long LINE_BYTES = 300L << 20;

    @TempDir
    Path dir;

    @Test
    void a_300_mb_line_under_a_256_mb_heap_is_reported_with_file_and_line() throws Exception {
        Path csv = dir.resolve("huge.csv");
        Path jsonl = dir.resolve("huge.jsonl");
        try {
            write(csv, "id,text\n1,short\n2,", "\n3,short\n");
            write(jsonl, "{\"id\": 1, \"text\": \"short\"}\n{\"id\": 2, \"text\": \"", "\"}\n");

            ForkedJvm.Result result = ForkedJvm.run(ReadBoth.class, "256m", Duration.ofMinutes(2), dir,
                    csv.toString(), jsonl.toString());

            assertThat(result.killed()).as(result.output()).isFalse();
            assertThat(result.output())
                    .doesNotContain("OutOfMemoryError")
                    .contains(csv + " line 3: a record longer than 16,777,216 bytes (touchstone.data.max-record-bytes)")
                    .contains(jsonl + " line 2: a line longer than 16,777,216 bytes (touchstone.data.max-record-bytes)");
            assertThat(result.exitCode()).as(result.output()).isZero();
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(jsonl);
        }
    }

    private static void write(Path file, String head, String tail) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < LINE_BYTES; written += chunk.length) {
                out.write(chunk);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The child: reads each file and prints the message it fails with; exit 0 unless the JVM itself failed. */
    public static final class ReadBoth {
        public static void main(String[] args) {
            for (String file : args) {
                try {
                    Dataset data = file.endsWith(".csv") ? Dataset.fromCsv(Path.of(file)) : Dataset.fromJsonLines(Path.of(file));
                    System.out.println("read " + data.size() + " rows of " + file);
                } catch (RuntimeException e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                } catch (OutOfMemoryError e) {
                    System.out.println("OutOfMemoryError: " + e.getMessage());
                    System.exit(3);
                }
            }
        }
    }
}
