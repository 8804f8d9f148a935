package dev.touchstone.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code baseline.json}: the format written, what reading accepts, and errors naming file and entry. */
class BaselineFileTest {

    @TempDir
    Path dir;

    static BaselineEntry entry(String slice, double value) {
        return new BaselineEntry(BaselineEntry.key("Spec", "check", slice, "accuracy"), "Spec", "check", slice,
                "accuracy", "m", "d", value, 200, 0.95, value - 0.05, Double.NaN, "wilson",
                Map.of("successes", 180.0, "trials", 200.0), "fp", "outcomes/x.csv");
    }

    private Path file(String json) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, json);
        return file;
    }

    private static String entryJson(String extra) {
        return "{\"key\":\"S#c|all|accuracy\",\"spec\":\"S\",\"check\":\"c\",\"slice\":\"all\",\"metric\":\"accuracy\","
                + "\"value\":0.9,\"n\":10" + extra + "}";
    }

    @Test
    void what_is_written_is_read_back() throws Exception {
        Path file = dir.resolve("b/baseline.json");
        List<BaselineEntry> entries = List.of(entry("z", 0.9), entry("a", 0.8));

        BaselineFile.write(file, "prod", "2026-01-01T00:00:00Z", "1.0", entries);

        Map<String, BaselineEntry> read = BaselineFile.read(file);
        assertThat(read).containsOnlyKeys(entries.get(0).key(), entries.get(1).key());
        assertThat(read.get(entries.get(0).key())).isEqualTo(entries.get(0));
        assertThat(List.copyOf(read.keySet())).as("sorted by key").containsExactly(entries.get(1).key(),
                entries.get(0).key());
    }

    @Test
    void the_format_is_pretty_printed_one_field_per_line() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineEntry e = new BaselineEntry("S#c|all|accuracy", "S", "c", "all", "accuracy", "m", "d", 0.5, 4, 0.95,
                0.25, Double.NaN, "wilson", Map.of("trials", 4.0), null, null);

        BaselineFile.write(file, "prod", "2026-01-01T00:00:00Z", "1.0", List.of(e));

        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "schemaVersion" : 1,
                  "name" : "prod",
                  "recordedAt" : "2026-01-01T00:00:00Z",
                  "touchstoneVersion" : "1.0",
                  "entries" : [ {
                    "key" : "S#c|all|accuracy",
                    "spec" : "S",
                    "check" : "c",
                    "slice" : "all",
                    "metric" : "accuracy",
                    "model" : "m",
                    "dataset" : "d",
                    "value" : 0.5,
                    "n" : 4,
                    "interval" : {
                      "level" : 0.95,
                      "low" : 0.25,
                      "high" : null,
                      "method" : "wilson"
                    },
                    "statistics" : {
                      "trials" : 4.0
                    },
                    "fingerprint" : null,
                    "outcomes" : null
                  } ]
                }""");
    }

    @Test
    void optional_fields_take_their_defaults_and_unknown_fields_are_ignored() throws Exception {
        Path file = file("{\"schemaVersion\":1,\"comment\":[1,{\"x\":2}],\"entries\":[" + entryJson(
                ",\"flag\":true,\"extra\":{\"a\":1},\"statistics\":{\"se\":null}") + "]}");

        BaselineEntry e = BaselineFile.read(file).get("S#c|all|accuracy");

        assertThat(e.model()).isEmpty();
        assertThat(e.dataset()).isEmpty();
        assertThat(e.intervalLevel()).isNaN();
        assertThat(e.intervalMethod()).isEqualTo("none");
        assertThat(e.statistics().get("se")).isNaN();
        assertThat(e.fingerprint()).isNull();
        assertThat(e.outcomes()).isNull();
    }

    @Test
    void no_entries_is_an_empty_baseline() throws Exception {
        assertThat(BaselineFile.read(file("{\"schemaVersion\":1}"))).isEmpty();
    }

    static Stream<Arguments> malformed() {
        String head = "{\"key\":\"S#c|all|accuracy\",\"spec\":\"S\",\"check\":\"c\",\"slice\":\"all\",\"metric\":\"accuracy\"";
        return Stream.of(
                arguments("[]", "the top level is not an object"),
                arguments("{\"schemaVersion\":2}", "schemaVersion is 2, expected 1"),
                arguments("{\"entries\":{}}", "'entries' is not an array"),
                arguments("{\"entries\":[{\"key\":\"k\"}]}", "entries[0] (k) has no 'spec'"),
                arguments("{\"entries\":[" + head + "}]}", "has no 'value' or 'n'"),
                arguments("{\"entries\":[" + head.replace("|all|", "|x|") + ",\"value\":1,\"n\":1}]}",
                        "the key does not match"),
                arguments("{\"entries\":[" + head + ",\"value\":1,\"n\":1,\"interval\":5}]}",
                        "entries[0].interval is not an object"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void a_malformed_file_fails_naming_the_file_and_the_problem(String json, String problem) throws Exception {
        Path file = file(json);

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("baseline file " + file + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void an_entry_recorded_twice_is_an_error() throws Exception {
        Path file = file("{\"entries\":[" + entryJson("") + "," + entryJson("") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("entry S#c|all|accuracy occurs twice");
    }

    @Test
    void a_file_that_is_not_json_fails_with_the_location() throws Exception {
        Path file = file("{\"schemaVersion\":1,\n\"entries\":[\n");

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("baseline file " + file + " is not valid JSON: ")
                .hasMessageContaining("line 3, column 1");
    }

    @Test
    void a_repeated_field_is_an_error_naming_the_field_and_its_line_instead_of_the_last_one_winning() throws Exception {
        Path file = file("{\"schemaVersion\":1,\"entries\":[\n" + entryJson(",\n\"value\":0.1") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("baseline file " + file + " is not valid JSON: duplicate key 'value' at line 3, column 1");
    }

    @Test
    void a_repeated_statistic_is_an_error_too() throws Exception {
        Path file = file("{\"entries\":[" + entryJson(",\"statistics\":{\"trials\":4,\"trials\":5}") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("duplicate key 'trials' at line 1");
    }

    @Test
    void a_statistic_that_is_not_a_number_names_the_entry_and_the_statistic() throws Exception {
        Path file = file("{\"entries\":[" + entryJson(",\"statistics\":{\"trials\":\"four\"}") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .hasMessage("baseline file " + file + ": entries[0].statistics.trials is not a number");
    }

    @Test
    void an_entry_that_is_not_an_object_is_an_error_not_the_end_of_the_list() throws Exception {
        Path file = file("{\"entries\":[" + entryJson("") + ",7]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage("baseline file " + file + ": entries[1] is not an object");
    }
}
