package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.engine.fixtures.BaselineSpec;
import dev.touchstone.engine.fixtures.MixedSpec;
import dev.touchstone.internal.json.Json;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.Verdict;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Without Allure's JUnit Platform listener (no {@code allure-junit-platform}, no
 * {@code allure.properties}), the engine writes Allure 2 results itself: one per statement and
 * slice, as the gate counts them, nested under their check, with their evidence; and a second
 * run replaces the first instead of adding retries.
 */
class AllureResultsWrittenByEngineTest {

    @TempDir
    Path dir;

    private Path allure() {
        return dir.resolve("allure-results");
    }

    private EngineTestKit.Builder kit(Class<?> spec) {
        return EngineTestKit.engine(new TouchstoneTestEngine()).selectors(selectClass(spec))
                .configurationParameter("touchstone.results.dir", dir.resolve("results").toString())
                .configurationParameter("touchstone.baseline.dir", dir.resolve("baselines").toString())
                .configurationParameter("touchstone.allure.results.dir", allure().toString());
    }

    @Test
    void one_result_per_entry_of_results_json_with_the_gate_s_verdicts() throws Exception {
        kit(MixedSpec.class).execute();

        List<CheckEntry> entries = ResultsJson.read(dir.resolve("results/results.json")).checks();
        List<Map<String, Object>> results = results();
        // every statement and slice the gate counts is one Allure test: the overview's counts are the gate's
        long judged = entries.stream().filter(e -> e.slice() != null).count();
        assertThat(results.stream().filter(r -> !labels(r, "touchstoneKey").isEmpty())).hasSize((int) judged);
        assertThat(results.stream().filter(r -> "passed".equals(r.get("status"))))
                .hasSize((int) entries.stream().filter(e -> e.verdict() == Verdict.PASSED).count());
        assertThat(results.stream().filter(r -> "failed".equals(r.get("status"))))
                .hasSize((int) entries.stream().filter(e -> e.verdict() == Verdict.FAILED).count());

        // INCONCLUSIVE is broken, not a product defect; a check that could not run is broken too
        Map<String, Object> inconclusive = byFullName(results, MixedSpec.class.getName() + ".isInconclusive ");
        assertThat(inconclusive.get("status")).isEqualTo("broken");
        assertThat(statusDetail(inconclusive, "trace")).startsWith("Touchstone verdict INCONCLUSIVE \u00b7 metric accuracy");
        assertThat(byFullName(results, MixedSpec.class.getName() + ".errors").get("status")).isEqualTo("broken");
        assertThat(byFullName(results, MixedSpec.class.getName() + ".fails ").get("status")).isEqualTo("failed");
    }

    @Test
    void slices_are_nested_under_their_check_and_each_statement_has_its_own_parameters() throws Exception {
        kit(MixedSpec.class).execute();

        List<Map<String, Object>> results = results();
        List<Map<String, Object>> cameras = results.stream()
                .filter(r -> String.valueOf(r.get("fullName")).startsWith(MixedSpec.class.getName() + ".everyCamera "))
                .toList();
        assertThat(cameras).hasSize(4).allSatisfy(r -> {
            assertThat(labels(r, "parentSuite")).containsExactly(MixedSpec.class.getName());
            assertThat(labels(r, "suite")).containsExactly("everyCamera");
            assertThat(labels(r, "severity")).containsExactly("critical");
        });
        assertThat(cameras.stream().flatMap(r -> parameters(r, "slice").stream()))
                .containsExactlyInAnyOrder("camera=front", "camera=rear", "camera=side", "camera=tiny");

        // two statements: two results, each with its own metric, slice and evidence, told apart by subSuite
        List<Map<String, Object>> two = results.stream().filter(r -> String.valueOf(r.get("fullName"))
                .startsWith(MixedSpec.class.getName() + ".twoStatementsBothReported ")).toList();
        assertThat(two).hasSize(2);
        assertThat(two.stream().map(r -> parameters(r, "metric").get(0) + " on " + parameters(r, "slice").get(0)))
                .containsExactlyInAnyOrder("accuracy on camera=side", "recall on camera=rear");
        assertThat(two.stream().flatMap(r -> labels(r, "subSuite").stream()))
                .containsExactlyInAnyOrder("statement 1: accuracy at least 0.900", "statement 2: recall above 0.990");
        assertThat(two).allSatisfy(r -> assertThat(String.valueOf(r.get("descriptionHtml"))).contains("<table"));

        // a passed slice shows its value and interval on its page, without expanding anything
        Map<String, Object> front = cameras.stream().filter(r -> parameters(r, "slice").contains("camera=front"))
                .findFirst().orElseThrow();
        assertThat(front.get("status")).isEqualTo("passed");
        assertThat(String.valueOf(front.get("descriptionHtml"))).contains("0.950", "0.888", "0.979");
        // a per-slice statement's chart is attached to each slice, and exists as a file
        assertThat(attachments(front)).anySatisfy(a -> {
            assertThat(a.get("name")).isEqualTo("accuracy by slice");
            assertThat(a.get("type")).isEqualTo("image/svg+xml");
            assertThat(allure().resolve(String.valueOf(a.get("source")))).isRegularFile();
        });
    }

    @Test
    void categories_group_by_verdict_and_metric_and_the_environment_names_model_data_and_seed() throws Exception {
        kit(MixedSpec.class).configurationParameter("touchstone.seed", "42").execute();

        List<Object> categories = Json.parse(allure().resolve("categories.json")) instanceof List<?> list
                ? new ArrayList<>(list) : List.of();
        assertThat(categories.stream().map(c -> String.valueOf(((Map<?, ?>) c).get("name"))))
                .contains("Quality failures: accuracy", "Quality failures: recall", "Inconclusive: accuracy", "Errors");
        Map<?, ?> inconclusive = categories.stream().map(c -> (Map<?, ?>) c)
                .filter(c -> "Inconclusive: accuracy".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(((List<?>) inconclusive.get("matchedStatuses")).stream().map(String::valueOf)).contains("broken");
        // the category's pattern matches the trace the inconclusive result carries
        String trace = statusDetail(byFullName(results(), MixedSpec.class.getName() + ".isInconclusive "), "trace");
        assertThat(trace).matches(String.valueOf(inconclusive.get("traceRegex")));

        Properties environment = new Properties();
        environment.load(new StringReader(Files.readString(allure().resolve("environment.properties"))));
        assertThat(environment.getProperty("model")).contains("logged-v1");
        assertThat(environment.getProperty("dataset")).contains("cameras");
        assertThat(environment.getProperty("data fingerprint")).startsWith("cameras: ");
        assertThat(environment.getProperty("seed")).isEqualTo("42");
        assertThat(environment.getProperty("Touchstone version")).isNotBlank();
    }

    @Test
    void a_second_run_replaces_the_first_instead_of_adding_retries_and_leaves_other_results_alone() throws Exception {
        kit(MixedSpec.class).execute();
        int first = results().size();
        Files.writeString(allure().resolve("other-result.json"),
                "{\"uuid\":\"other\",\"name\":\"a Jupiter test\",\"status\":\"passed\",\"labels\":[]}");
        Files.createDirectories(allure().resolve("history"));
        Files.writeString(allure().resolve("history/history.json"), "{}");

        kit(MixedSpec.class).execute();

        List<Map<String, Object>> second = results();
        assertThat(second).hasSize(first + 1);
        assertThat(second.stream().map(r -> r.get("uuid"))).contains("other");
        assertThat(allure().resolve("history/history.json")).hasContent("{}");
        // the attachments of the first run went with its results
        try (Stream<Path> files = Files.list(allure())) {
            long attachments = files.filter(f -> f.getFileName().toString().contains("-attachment")).count();
            long referenced = second.stream().flatMap(r -> attachments(r).stream()).map(a -> a.get("source"))
                    .distinct().count();
            assertThat(attachments).isEqualTo(referenced);
        }
    }

    @Test
    void a_second_run_keeps_the_first_when_asked_to() throws Exception {
        kit(MixedSpec.class).execute();
        int first = results().size();

        kit(MixedSpec.class).configurationParameter("touchstone.allure.results.clean", "false").execute();

        assertThat(results()).hasSize(2 * first);
    }

    @Test
    void a_comparison_shows_its_baseline_difference_and_p_value() throws Exception {
        kit(BaselineSpec.class).configurationParameter("touchstone.baseline.missing", "record").execute();
        kit(BaselineSpec.class).execute();

        Map<String, Object> side = results().stream().filter(r -> parameters(r, "slice").contains("camera=side"))
                .findFirst().orElseThrow();
        assertThat(side.get("status")).isEqualTo("passed");
        CheckEntry entry = ResultsJson.read(dir.resolve("results/results.json")).checks().stream()
                .filter(e -> "camera=side".equals(e.slice())).findFirst().orElseThrow();
        String html = String.valueOf(side.get("descriptionHtml"));
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "%.4f", entry.baseline().value()),
                "baseline previous-run", "mcnemar-exact");
        assertThat(html).contains(">p-value<");
        assertThat(attachments(side)).anySatisfy(a -> assertThat(a.get("name")).isEqualTo("accuracy by slice"));
    }

    @Test
    void disabled_writes_nothing() throws Exception {
        kit(MixedSpec.class).configurationParameter("touchstone.allure.enabled", "false").execute();

        assertThat(allure()).doesNotExist();
    }

    // ---------------------------------------------------------------------------------------------

    private List<Map<String, Object>> results() throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(allure())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                results.add(object(Json.parse(Files.readString(file, StandardCharsets.UTF_8))));
            }
        }
        return results;
    }

    private static Map<String, Object> byFullName(List<Map<String, Object>> results, String prefix) {
        return results.stream().filter(r -> String.valueOf(r.get("fullName")).startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no result whose fullName starts with " + prefix + " in "
                        + results.stream().map(r -> r.get("fullName")).toList()));
    }

    private static List<String> labels(Map<String, Object> result, String name) {
        return pairs(result, "labels", name);
    }

    private static List<String> parameters(Map<String, Object> result, String name) {
        return pairs(result, "parameters", name);
    }

    private static List<String> pairs(Map<String, Object> result, String field, String name) {
        List<String> values = new ArrayList<>();
        for (Object item : (List<?>) result.get(field)) {
            Map<?, ?> pair = (Map<?, ?>) item;
            if (name.equals(pair.get("name"))) {
                values.add(String.valueOf(pair.get("value")));
            }
        }
        return values;
    }

    private static List<Map<String, Object>> attachments(Map<String, Object> result) {
        return ((List<?>) result.getOrDefault("attachments", List.of())).stream().map(AllureResultsWrittenByEngineTest::object).toList();
    }

    private static String statusDetail(Map<String, Object> result, String field) {
        return String.valueOf(object(result.get("statusDetails")).get(field));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
