package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.touchstone.engine.fixtures.FamilySpec;
import dev.touchstone.engine.fixtures.MixedSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Reads results.json back as plain JSON (not through Touchstone's own reader) and checks it
 * against the schema of ARCHITECTURE.md §4: every field present, with its type, or null where it
 * does not apply.
 */
class ResultsFileSchemaTest {

    private static final Set<String> CHECK_FIELDS = Set.of("uniqueId", "spec", "check", "model", "dataset", "slice",
            "metric", "value", "n", "interval", "expectation", "baseline", "test", "verdict", "message",
            "durationMillis",
            // added in 0.3, schema version 1 still: the facts every message is written from
            "sliceDefinition", "undefinedReason", "difference", "power", "reason", "examplesNeeded", "notes", "warning");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void every_entry_has_the_contract_fields_with_their_types() throws IOException {
        EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", dir.toString())
                .configurationParameter("touchstone.seed", "11")
                .selectors(selectClass(MixedSpec.class), selectClass(FamilySpec.class))
                .execute();

        Map<String, Object> root = (Map<String, Object>) read(dir.resolve("results.json"));
        assertThat(root).containsOnlyKeys("schemaVersion", "run", "checks");
        assertThat(root.get("schemaVersion")).isEqualTo(1L);
        Map<String, Object> run = (Map<String, Object>) root.get("run");
        // runId is additive: it ties the run's baseline candidate to these results
        assertThat(run).containsOnlyKeys("startedAt", "finishedAt", "seed", "touchstoneVersion", "runId");
        assertThat((String) run.get("runId")).isNotBlank();
        assertThat(Instant.parse((String) run.get("startedAt"))).isBeforeOrEqualTo(Instant.parse((String) run.get("finishedAt")));
        assertThat(run.get("seed")).isEqualTo(11L);
        assertThat(run.get("touchstoneVersion")).isInstanceOf(String.class);

        List<Object> checks = (List<Object>) root.get("checks");
        assertThat(checks).hasSize(12);
        boolean sawComparison = false;
        for (Object item : checks) {
            Map<String, Object> c = (Map<String, Object>) item;
            assertThat(c.keySet()).as("fields of %s", c.get("uniqueId")).containsExactlyInAnyOrderElementsOf(CHECK_FIELDS);
            assertThat((String) c.get("uniqueId")).startsWith("[engine:touchstone]/[spec:");
            assertThat(c.get("verdict")).isIn("PASSED", "FAILED", "INCONCLUSIVE", "ERROR");
            assertThat(c.get("message")).isInstanceOf(String.class);
            assertThat(c.get("durationMillis")).isInstanceOf(Long.class);
            if ("ERROR".equals(c.get("verdict"))) {
                assertThat(c.get("metric")).isNull();
                assertThat(c.get("interval")).isNull();
                continue;
            }
            assertThat(c.get("value")).isInstanceOf(Double.class);
            assertThat(c.get("reason")).isInstanceOf(String.class);
            assertThat(c.get("notes")).isInstanceOf(List.class);
            assertThat(c.get("n")).isInstanceOf(Long.class);
            Map<String, Object> interval = (Map<String, Object>) c.get("interval");
            assertThat(interval).containsOnlyKeys("level", "low", "high", "method");
            Map<String, Object> expectation = (Map<String, Object>) c.get("expectation");
            assertThat(expectation).containsKeys("kind", "threshold", "tolerance", "confidence");
            if (c.get("baseline") == null) {
                assertThat(c.get("test")).isNull();
                assertThat(expectation.get("threshold")).isInstanceOf(Double.class);
            } else {
                sawComparison = true;
                assertThat((Map<String, Object>) c.get("baseline")).containsOnlyKeys("source", "value", "n", "paired",
                        "pairing");
                assertThat((Map<String, Object>) c.get("test")).containsOnlyKeys("name", "statistic", "pValue",
                        "adjustedPValue", "alpha", "multiplicity", "family", "hypothesis");
                assertThat(((Map<String, Object>) c.get("test")).get("hypothesis")).isIn("worse", "better", "non-inferior");
                assertThat((Map<String, Object>) c.get("difference")).containsOnlyKeys("value", "level", "low", "high",
                        "method", "higherIsBetter");
                assertThat((Map<String, Object>) c.get("power")).containsOnlyKeys("power",
                        "minimumDetectableDifference", "alpha", "comparisons", "exact");
                assertThat(expectation.get("threshold")).isNull();
            }
        }
        assertThat(sawComparison).isTrue();
    }

    private static Object read(Path file) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            parser.nextToken();
            return value(parser);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
