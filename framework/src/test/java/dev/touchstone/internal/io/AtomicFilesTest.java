package dev.touchstone.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: content, no leftovers, failures that leave the old file, and ordinary permissions. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    @Nested
    class Files_ {

        @Test
        void a_file_is_created_with_its_parents_and_replaced_without_leftovers() throws Exception {
            Path file = dir.resolve("a/b/out.txt");

            AtomicFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));

            assertThat(file).hasContent("two");
            assertThat(names(file.getParent())).containsExactly("out.txt");
        }

        @Test
        void a_failed_write_leaves_the_old_file_and_no_temporary_file() throws Exception {
            Path file = dir.resolve("out.txt");
            AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            })).hasMessage("disk full");

            assertThat(file).hasContent("old");
            assertThat(names(dir)).containsExactly("out.txt");
        }

        @Test
        void a_file_gets_the_permissions_of_any_new_file_not_owner_only_ones() throws Exception {
            assumePosix();
            Path reference = Files.createFile(dir.resolve("reference"));
            Path file = dir.resolve("out.txt");

            AtomicFiles.write(file, new byte[] {1});

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }

    @Nested
    class Directories {

        @Test
        void a_directory_is_replaced_whole_and_the_old_one_removed() throws Exception {
            Path target = dir.resolve("baseline");
            AtomicFiles.replaceDirectory(target, d -> Files.writeString(Files.createDirectories(d.resolve("x"))
                    .resolve("old.csv"), "old"));

            AtomicFiles.replaceDirectory(target, d -> Files.writeString(d.resolve("new.json"), "new"));

            assertThat(names(target)).containsExactly("new.json");
            assertThat(names(dir)).containsExactly("baseline");
        }

        @Test
        void a_failure_while_filling_leaves_the_old_directory_and_no_staging_directory() throws Exception {
            Path target = dir.resolve("baseline");
            AtomicFiles.replaceDirectory(target, d -> Files.writeString(d.resolve("old.json"), "old"));

            assertThatThrownBy(() -> AtomicFiles.replaceDirectory(target, d -> {
                Files.writeString(d.resolve("new.json"), "new");
                throw new IllegalStateException("cannot record");
            })).hasMessage("cannot record");

            assertThat(names(target)).containsExactly("old.json");
            assertThat(names(dir)).containsExactly("baseline");
        }

        @Test
        void a_directory_gets_the_permissions_of_any_new_directory() throws Exception {
            assumePosix();
            Path reference = Files.createDirectory(dir.resolve("reference"));
            Path target = dir.resolve("baseline");

            AtomicFiles.replaceDirectory(target, d -> { });

            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }
}
