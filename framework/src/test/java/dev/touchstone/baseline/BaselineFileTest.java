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

/**
 * {@code baseline.json}: the format written, the migration of version 1, and what reading
 * rejects (with the file and the entry): duplicate keys, no schemaVersion, values a metric cannot
 * take, counts that are not counts, outcome paths outside the baseline directory.
 */
class BaselineFileTest {

    @TempDir
    Path dir;

    static BaselineEntry entry(String slice, double value) {
        return new BaselineEntry("Spec", "check", "m", "d", slice, "accuracy", value, 200, 0.95, value - 0.05,
                Double.NaN, "wilson", Map.of("successes", value * 200, "trials", 200.0), "fp", "outcomes/x.csv",
                "run-1");
    }

    private Path file(String json) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String KEY = "S#c|m@d|all|accuracy";

    /** A version 2 entry: {@code extra} is appended to its fields. */
    private static String entryJson(String extra) {
        return "{\"key\":\"" + KEY + "\",\"spec\":\"S\",\"check\":\"c\",\"model\":\"m\",\"dataset\":\"d\","
                + "\"slice\":\"all\",\"metric\":\"accuracy\",\"value\":0.9,\"n\":10" + extra + "}";
    }

    private static String v2(String... entries) {
        return "{\"schemaVersion\":2,\"entries\":[" + String.join(",", entries) + "]}";
    }

    @Test
    void what_is_written_is_read_back() throws Exception {
        Path file = dir.resolve("b/baseline.json");
        List<BaselineEntry> entries = List.of(entry("z", 0.9), entry("a", 0.8));

        BaselineFile.write(file, "prod", "run-1", entries);

        BaselineFile.Contents read = BaselineFile.load(file);
        assertThat(read.name()).isEqualTo("prod");
        assertThat(read.runId()).isEqualTo("run-1");
        assertThat(read.entries()).containsOnlyKeys(entries.get(0).key(), entries.get(1).key());
        assertThat(read.entries().get(entries.get(0).key())).isEqualTo(entries.get(0));
        assertThat(List.copyOf(read.entries().keySet())).as("sorted by key").containsExactly(entries.get(1).key(),
                entries.get(0).key());
    }

    @Test
    void the_format_is_pretty_printed_one_field_per_line() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineEntry e = new BaselineEntry("S", "c", "m", "d", "all", "accuracy", 0.5, 4, 0.95, 0.25, Double.NaN,
                "wilson", Map.of("trials", 4.0), null, null, "run-7");

        BaselineFile.write(file, "prod", "2026-01-01T00:00:00Z", "1.0", "run-7", List.of(e));

        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "schemaVersion" : 2,
                  "name" : "prod",
                  "recordedAt" : "2026-01-01T00:00:00Z",
                  "touchstoneVersion" : "1.0",
                  "runId" : "run-7",
                  "entries" : [ {
                    "key" : "S#c|m@d|all|accuracy",
                    "spec" : "S",
                    "check" : "c",
                    "model" : "m",
                    "dataset" : "d",
                    "slice" : "all",
                    "metric" : "accuracy",
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
                    "outcomes" : null,
                    "runId" : "run-7"
                  } ]
                }""");
    }

    @Test
    void two_models_in_one_check_on_the_same_slice_and_metric_have_two_entries() throws Exception {
        BaselineEntry champion = new BaselineEntry("S", "c", "champion", "d", "all", "recall", 0.9, 10, 0.95, 0.6,
                0.98, "wilson", Map.of(), null, null, null);
        BaselineEntry challenger = new BaselineEntry("S", "c", "challenger", "d", "all", "recall", 0.5, 10, 0.95, 0.2,
                0.8, "wilson", Map.of(), null, null, null);
        Path file = dir.resolve("baseline.json");

        BaselineFile.write(file, "previous-run", null, List.of(champion, challenger));

        assertThat(BaselineFile.read(file)).containsOnlyKeys("S#c|champion@d|all|recall", "S#c|challenger@d|all|recall");
    }

    @Test
    void names_holding_the_key_separators_give_different_keys() {
        assertThat(BaselineEntry.key("S", "c", "a@b", "c", "x", "m"))
                .isNotEqualTo(BaselineEntry.key("S", "c", "a", "b@c", "x", "m"))
                .isEqualTo("S#c|a\\@b@c|x|m");
        assertThat(BaselineEntry.key("S", "c", "m", "d", "a|b", "x"))
                .isNotEqualTo(BaselineEntry.key("S", "c", "m", "d", "a", "b|x"));
    }

    @Test
    void a_version_1_file_is_migrated_to_keys_with_model_and_dataset() throws Exception {
        Path file = file("""
                {"schemaVersion": 1, "name": "previous-run", "entries": [
                  {"key": "S#c|night|recall", "spec": "S", "check": "c", "slice": "night", "metric": "recall",
                   "model": "detector-v7", "dataset": "detections", "value": 0.9, "n": 100,
                   "statistics": {"successes": 90.0, "trials": 100.0}, "outcomes": "outcomes/detector-v7@detections.csv"}
                ]}""");

        Map<String, BaselineEntry> entries = BaselineFile.read(file);

        assertThat(entries).containsOnlyKeys("S#c|detector-v7@detections|night|recall");
        BaselineEntry e = entries.values().iterator().next();
        assertThat(e.value()).isEqualTo(0.9);
        assertThat(e.outcomes()).isEqualTo("outcomes/detector-v7@detections.csv");
        assertThat(e.runId()).isNull();

        // written back, it is a version 2 file
        BaselineFile.write(file, "previous-run", null, List.copyOf(entries.values()));
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 2",
                "\"key\" : \"S#c|detector-v7@detections|night|recall\"");
    }

    @Test
    void a_version_1_key_must_match_its_fields() throws Exception {
        Path file = file("{\"schemaVersion\":1,\"entries\":[{\"key\":\"S#c|day|recall\",\"spec\":\"S\",\"check\":\"c\","
                + "\"slice\":\"night\",\"metric\":\"recall\",\"value\":0.9,\"n\":10}]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("has the key S#c|day|recall but its "
                + "fields give S#c|night|recall");
    }

    @Test
    void optional_fields_take_their_defaults_and_unknown_fields_are_ignored() throws Exception {
        Path file = file("{\"schemaVersion\":2,\"comment\":[1,{\"x\":2}],\"entries\":[" + entryJson(
                ",\"flag\":true,\"extra\":{\"a\":1},\"statistics\":{\"se\":null}") + "]}");

        BaselineEntry e = BaselineFile.read(file).get(KEY);

        assertThat(e.intervalLevel()).isNaN();
        assertThat(e.intervalMethod()).isEqualTo("none");
        assertThat(e.statistics().get("se")).isNaN();
        assertThat(e.fingerprint()).isNull();
        assertThat(e.outcomes()).isNull();
        assertThat(e.runId()).isNull();
    }

    @Test
    void an_empty_entries_array_is_an_empty_baseline() throws Exception {
        assertThat(BaselineFile.read(file("{\"schemaVersion\":2,\"entries\":[]}"))).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("[]", "the top level is not an object"),
                arguments("{\"schemaVersion\":3,\"entries\":[]}", "schemaVersion is 3, expected 2 (or 1, which is migrated)"),
                arguments("{\"schemaVersion\":2}", "has no 'entries' array"),
                arguments("{\"schemaVersion\":2,\"entries\":{}}", "'entries' is not an array"),
                arguments(v2("{\"key\":\"k\"}"), "entries[0] (k) has no 'spec'"),
                arguments(v2(entryJson("").replace("\"model\":\"m\",", "")), "entries[0] (" + KEY + ") has no 'model'"),
                arguments(v2(entryJson("").replace(",\"n\":10", "")), "entries[0] (" + KEY + ") n is missing"),
                arguments(v2(entryJson("").replace("|all|", "|x|")), "but its fields give " + KEY + " (hand-edited?)"),
                arguments(v2(entryJson(",\"interval\":5")), "entries[0] (" + KEY + ") interval is not an object"),
                arguments(v2(entryJson(",\"spec2\":1").replace("\"spec\":\"S\"", "\"spec\":7")),
                        "entries[0] (" + KEY + ") spec is not a string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void a_malformed_file_fails_naming_the_file_and_the_problem(String json, String problem) throws Exception {
        Path file = file(json);

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("baseline file " + file + ": ")
                .hasMessageContaining(problem);
    }

    /** Issue 12 item 11: every field is checked against what the metric and the counts allow. */
    static Stream<Arguments> outOfRange() {
        return Stream.of(
                arguments(entryJson("").replace("\"value\":0.9", "\"value\":7.5"),
                        "value 7.5 is outside the values accuracy can take, [0, 1]"),
                arguments(entryJson("").replace("\"value\":0.9", "\"value\":null"),
                        "value is null: an entry needs the value it recorded"),
                arguments(entryJson("").replace("\"n\":10", "\"n\":-5"), "n -5 is not a count (a whole number, 0 or more)"),
                arguments(entryJson("").replace("\"n\":10", "\"n\":2.5"), "n 2.5 is not a count (a whole number, 0 or more)"),
                arguments(entryJson(",\"statistics\":{\"variance\":-1}"), "statistics.variance -1 is negative"),
                arguments(entryJson(",\"statistics\":{\"successes\":5000,\"trials\":2000}"),
                        "statistics.successes 5000 exceed statistics.trials 2000"),
                arguments(entryJson(",\"statistics\":{\"successes\":10,\"trials\":-1}"),
                        "statistics.trials -1 is not a count (a whole number, 0 or more)"),
                arguments(entryJson(",\"statistics\":{\"successes\":1,\"trials\":10}"),
                        "value 0.9 is not statistics.successes/trials 1/10"),
                arguments(entryJson(",\"interval\":{\"level\":0.95,\"low\":0.95,\"high\":0.85}"),
                        "interval.low 0.95 is above interval.high 0.85"),
                arguments(entryJson(",\"interval\":{\"level\":95,\"low\":0.8,\"high\":0.95}"),
                        "interval.level 95 is not between 0 and 1"),
                arguments(entryJson(",\"interval\":{\"level\":0.95,\"low\":-0.2,\"high\":0.95}"),
                        "interval.low -0.2 is outside [0, 1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outOfRange")
    void a_value_out_of_range_fails_naming_the_file_and_the_entry(String entry, String problem) throws Exception {
        Path file = file(v2(entry));

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("baseline file " + file + ": entries[0] (" + KEY + ") " + problem);
    }

    /** Issue 12 item 2: a committed baseline cannot point at files outside its directory. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outside")
    void an_outcomes_path_outside_the_baseline_directory_is_rejected(String path) throws Exception {
        Path file = file(v2(entryJson(",\"outcomes\":\"" + path + "\"")));

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("baseline file " + file + ": entries[0] (" + KEY + ") outcomes '" + path + "' is outside "
                        + "the baseline directory: expected a file name under outcomes/");
    }

    static Stream<String> outside() {
        return Stream.of("../../../../etc/passwd", "/etc/passwd", "/proc/self/environ", "outcomes/../../secret.csv",
                "outcomes/sub/x.csv", "outcomes/.hidden", "outcomes/..", "x.csv");
    }

    @Test
    void an_outcomes_file_that_links_outside_the_baseline_directory_is_not_read() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.csv"),
                "id,label,predicted,score\n");
        Path store = Files.createDirectories(dir.resolve("store/outcomes")).getParent();
        Files.createSymbolicLink(store.resolve("outcomes/link.csv"), secret);
        Files.writeString(store.resolve("baseline.json"), v2(entryJson(",\"outcomes\":\"outcomes/link.csv\"")));
        LoadedBaseline loaded = new Baselines().load(store).orElseThrow();

        assertThatThrownBy(() -> loaded.outcomes(loaded.entry(KEY).orElseThrow()))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("baseline outcomes " + store.resolve("outcomes/link.csv") + " lead outside the "
                        + "baseline directory " + store + " (a symbolic link?)");
    }

    @Test
    void a_missing_schema_version_is_rejected() throws Exception {
        Path file = file("{\"entries\":[" + entryJson("") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .hasMessage("baseline file " + file + " has no schemaVersion: expected \"schemaVersion\": 2");
    }

    @Test
    void two_entries_arrays_are_rejected() throws Exception {
        Path file = file("{\"schemaVersion\":2,\"entries\":[],\n\"entries\":[" + entryJson("") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .hasMessage("baseline file " + file + " is not valid JSON: duplicate key 'entries' at line 2, column 1");
    }

    @Test
    void an_entry_recorded_twice_is_an_error() throws Exception {
        Path file = file(v2(entryJson(""), entryJson("")));

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("entries[0] and entries[1] have the same "
                + "key " + KEY);
    }

    @Test
    void a_file_that_is_not_json_fails_with_the_location() throws Exception {
        Path file = file("{\"schemaVersion\":2,\n\"entries\":[\n");

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("baseline file " + file + " is not valid JSON: ")
                .hasMessageContaining("line 3, column 1");
    }

    @Test
    void a_repeated_field_is_an_error_naming_the_field_and_its_line_instead_of_the_last_one_winning() throws Exception {
        Path file = file("{\"schemaVersion\":2,\"entries\":[\n" + entryJson(",\n\"value\":0.1") + "]}");

        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("baseline file " + file + " is not valid JSON: duplicate key 'value' at line 3, column 1");
    }

    @Test
    void a_repeated_statistic_is_an_error_too() throws Exception {
        Path file = file(v2(entryJson(",\"statistics\":{\"successes\":1847.0,\"successes\":10.0}")));

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("duplicate key 'successes' at line 1");
    }

    @Test
    void a_statistic_that_is_not_a_number_names_the_entry_and_the_statistic() throws Exception {
        Path file = file(v2(entryJson(",\"statistics\":{\"trials\":\"four\"}")));

        assertThatThrownBy(() -> BaselineFile.read(file))
                .hasMessage("baseline file " + file + ": entries[0] (" + KEY + ") statistics.trials is not a number");
    }

    @Test
    void an_entry_that_is_not_an_object_is_an_error_not_the_end_of_the_list() throws Exception {
        Path file = file(v2(entryJson(""), "7"));

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage("baseline file " + file + ": entries[1] is not an object");
    }

    /** Issue 12 item 12: say what is actually wrong. */
    @Test
    void a_directory_where_the_file_should_be_says_so() throws Exception {
        Path file = Files.createDirectories(dir.resolve("baseline.json"));

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage("baseline file " + file
                + " is a directory, not a file");
        assertThatThrownBy(() -> new Baselines().load(dir)).hasMessage("baseline file " + file
                + " is a directory, not a file");
    }

    @Test
    void a_missing_file_says_it_does_not_exist() {
        Path file = dir.resolve("nothing/baseline.json");

        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage("baseline file " + file + " does not exist");
    }
}
