package dev.touchstone.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.touchstone.result.RunInfo;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
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

    /** Issue 11 item 10: results of an earlier build, or from the future, are never judged. */
    @Test
    void results_written_before_the_build_started_or_after_now_are_stale() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        Instant now = Instant.parse("2026-12-01T10:05:00Z");
        Path file = dir.resolve("results.json");

        assertThat(CheckMojo.staleness(file, run(Instant.parse("2026-12-01T10:03:00Z")), start, now)).isNull();
        assertThat(CheckMojo.staleness(file, run(Instant.parse("2026-11-30T18:00:00Z")), start, now)).isEqualTo(
                "the results at " + file + " were written at 2026-11-30T18:00:00Z, before this build started "
                        + "(2026-12-01T10:00:00Z): the quality specs did not run in this build, and an earlier build's "
                        + "results are not judged (run the tests, or skip the gate with -Dtouchstone.skip)");
        assertThat(CheckMojo.staleness(file, run(Instant.parse("2027-01-01T00:00:00Z")), start, now)).isEqualTo(
                "the results at " + file + " say they were written at 2027-01-01T00:00:00Z, after now "
                        + "(2026-12-01T10:05:00Z): they cannot be this build's (a wrong clock, or a file from elsewhere)");
    }

    private static RunInfo run(Instant finishedAt) {
        return new RunInfo(finishedAt.minusSeconds(10), finishedAt, 42, "0.1.0", "run-1");
    }
}
