package dev.touchstone.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code results.json}: written and read back, and a file that is not a results file names the problem. */
class ResultsJsonTest {

    @TempDir
    Path dir;

    static RunResults results() {
        CheckEntry judged = new CheckEntry("[engine:touchstone]/[spec:S]/[check:c]", "S", "c", "m", "d", "all",
                "accuracy", 0.9, 100L, new IntervalEntry(0.95, 0.83, null, "wilson"),
                new ExpectationEntry("at_least", 0.8, null, 0.0, 0.95),
                new BaselineEntry("previous-run", 0.91, 100L, true),
                new TestEntry("mcnemar", 1.5, 0.2, 0.4, 0.05, "holm", "S#c"), Verdict.PASSED, "ok", 12);
        CheckEntry error = CheckEntry.error("[engine:touchstone]/[spec:S]/[check:e]", "S", "e", "boom", 3);
        return new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:05Z"), 42, "1.0"), List.of(judged, error));
    }

    @Test
    void what_is_written_is_read_back() {
        Path file = dir.resolve("out/results.json");

        ResultsJson.write(file, results());

        assertThat(ResultsJson.read(file)).isEqualTo(results());
    }

    @Test
    void every_fact_of_an_entry_is_written_and_read_back() {
        CheckEntry full = new CheckEntry("[engine:touchstone]/[spec:S]/[check:c]", "S", "c", "m", "d", "camera=side",
                "recall", 0.76, 100L, new IntervalEntry(0.95, 0.6642, 0.8349, "wilson"),
                new ExpectationEntry("not_worse_than", null, null, 0.009, 0.95, 0.01),
                new BaselineEntry("previous-run", 0.9, 100L, true, "the same 100 examples (by id) as the baseline"),
                new TestEntry("tango", -1.2, 0.003, 0.003, 0.05, null, "recall on one slice", "non-inferior"),
                Verdict.FAILED, "message", 12, "camera = side", null,
                new CheckEntry.DifferenceEntry(-0.14, 0.95, -0.2313, null, "tango", true),
                new CheckEntry.PowerEntry(0.8, 0.071, 0.05, 1, false), "the interval is below the tolerance", 517L,
                List.of("a note"), "a warning");
        RunResults results = new RunResults(RunResults.SCHEMA_VERSION, results().run(), List.of(full));
        Path file = dir.resolve("full.json");

        ResultsJson.write(file, results);

        assertThat(ResultsJson.read(file)).isEqualTo(results);
        assertThat(ResultsJson.read(file).checks().get(0).evidence().examplesNeeded()).isEqualTo(517L);
    }

    @Test
    void an_entry_written_before_0_3_reads_with_its_new_facts_unknown() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "run": {"startedAt": "2026-01-01T00:00:00Z", "finishedAt": "2026-01-01T00:00:05Z",
                 "seed": 42, "touchstoneVersion": "0.1.0"},
                 "checks": [{"uniqueId": "u", "spec": "S", "check": "c", "model": "m", "dataset": "d", "slice": "all",
                  "metric": "accuracy", "value": 0.9, "n": 100,
                  "interval": {"level": 0.95, "low": 0.83, "high": 0.95, "method": "wilson"},
                  "expectation": {"kind": "not_significantly_worse_than", "threshold": null, "tolerance": 0.0,
                   "confidence": null},
                  "baseline": {"source": "previous-run", "value": 0.91, "n": 100, "paired": true},
                  "test": {"name": "mcnemar", "statistic": 1.5, "pValue": 0.2, "adjustedPValue": 0.4, "alpha": 0.05,
                   "multiplicity": "holm", "family": "S#c"},
                  "verdict": "PASSED", "message": "ok", "durationMillis": 12}]}
                """);

        CheckEntry read = ResultsJson.read(file).checks().get(0);

        assertThat(read.test().hypothesis()).isNull();
        assertThat(read.difference()).isNull();
        assertThat(read.reason()).isNull();
        assertThat(read.notes()).isEmpty();
        assertThat(read.evidence().value()).isEqualTo(0.9);
    }

    @Test
    void the_file_is_readable_by_everyone_the_umask_lets_read_new_files() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path reference = Files.createFile(dir.resolve("reference.json"));
        Path file = dir.resolve("results.json");

        ResultsJson.write(file, results());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
        if (Files.getPosixFilePermissions(reference).contains(PosixFilePermission.OTHERS_READ)) {
            assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void a_repeated_field_is_an_error_naming_the_field_and_its_line_instead_of_the_last_one_winning() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, results());
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\"verdict\" : \"PASSED\",", "\"verdict\" : \"PASSED\",\n\"verdict\" : \"FAILED\","));
        int line = (int) text.substring(0, text.indexOf("\"verdict\" : \"PASSED\"")).lines().count() + 1;

        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("results file " + file + " is not valid JSON: duplicate key 'verdict' at line " + line
                        + ", column 1");
    }

    @Test
    void a_file_cut_short_fails_with_the_file_and_the_location_on_one_line() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\n  \"schemaVersion\" : 1,\n");

        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("results file " + file + " is not valid JSON: Unexpected end-of-input within/between "
                        + "Object entries at line 3, column 1");
    }

    @Test
    void an_entry_of_the_wrong_shape_names_the_entry() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, results());
        Files.writeString(file, Files.readString(file).replace("\"n\" : 100,", "\"n\" : \"many\","));

        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("checks[0] ([engine:touchstone]/[spec:S]/[check:c]) is malformed: "
                        + "expected an integer but found 'many'");
    }
}
