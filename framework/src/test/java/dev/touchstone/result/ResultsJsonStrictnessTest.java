package dev.touchstone.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 items 10 and 12 for {@code results.json}: no second {@code checks} array, no missing
 * {@code schemaVersion}, and a directory in its place says so; the run id (additive) round-trips.
 */
class ResultsJsonStrictnessTest {

    @TempDir
    Path dir;

    private static final String RUN = "\"run\":{\"startedAt\":\"2026-12-01T10:00:00Z\",\"finishedAt\":\"2026-12-01T10:00:01Z\","
            + "\"seed\":42,\"touchstoneVersion\":\"0.1.0\"}";

    private Path file(String json) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void two_checks_arrays_are_rejected() throws Exception {
        Path file = file("{\"schemaVersion\":1," + RUN + ",\"checks\":[],\n\"checks\":[]}");

        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("results file " + file + " is not valid JSON: duplicate key 'checks' at line 2, column 1");
    }

    @Test
    void a_missing_schema_version_is_rejected() throws Exception {
        Path file = file("{" + RUN + ",\"checks\":[]}");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .hasMessage("results file " + file + ": schemaVersion is missing: expected 1");
    }

    @Test
    void a_directory_where_the_file_should_be_says_so() throws Exception {
        Path file = Files.createDirectories(dir.resolve("results.json"));

        assertThatThrownBy(() -> ResultsJson.read(file))
                .hasMessage("results file " + file.toAbsolutePath() + " is a directory, not a file");
    }

    @Test
    void the_run_id_round_trips_and_files_without_one_still_read() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, new RunResults(1, new RunInfo(Instant.EPOCH, Instant.EPOCH, 1, "0.1.0", "run-7"),
                List.of()));
        assertThat(ResultsJson.read(file).run().runId()).isEqualTo("run-7");

        assertThat(ResultsJson.read(file("{\"schemaVersion\":1," + RUN + ",\"checks\":[]}")).run().runId()).isNull();
    }
}
