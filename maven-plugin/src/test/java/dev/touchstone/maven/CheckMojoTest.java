package dev.touchstone.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary the check goal writes beside the results. */
class CheckMojoTest {

    @TempDir
    Path dir;

    @Test
    void the_summary_replaces_the_previous_one_without_leftovers() throws Exception {
        Path file = dir.resolve("touchstone/summary.md");

        CheckMojo.writeSummary(file, "# old\n");
        CheckMojo.writeSummary(file, "# Touchstone \u2713\n");

        assertThat(file).hasContent("# Touchstone \u2713");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("summary.md");
        }
    }

    @Test
    void the_summary_is_readable_by_everyone_the_umask_lets_read_new_files() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path reference = Files.createFile(dir.resolve("reference.md"));
        Path file = dir.resolve("summary.md");

        CheckMojo.writeSummary(file, "# Touchstone\n");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
        if (Files.getPosixFilePermissions(reference).contains(PosixFilePermission.OTHERS_READ)) {
            assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ);
        }
    }
}
