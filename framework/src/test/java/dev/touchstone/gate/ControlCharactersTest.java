package dev.touchstone.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slice value with a line break or an ANSI escape in the results file cannot split a row of the
 * gate table, add a line to the Maven log or to summary.md (issue 12, item 4).
 */
class ControlCharactersTest {

    @TempDir
    Path dir;

    @Test
    void no_name_from_the_results_file_starts_a_line_of_its_own() throws Exception {
        String slice = "camera=front\n[INFO] BUILD SUCCESS\r\u001b[2K";
        String json = """
                { "schemaVersion": 1,
                  "run": { "startedAt": "2026-01-01T00:00:00Z", "finishedAt": "2026-01-01T00:00:01Z", "seed": 42,
                           "touchstoneVersion": "test" },
                  "checks": [ {
                    "uniqueId": "[engine:touchstone]/[spec:a.Spec]/[check:c()]", "spec": "a.Spec", "check": "c",
                    "model": "m\\n[ERROR] fake", "dataset": "d", "slice": %s, "metric": "recall",
                    "value": 0.5, "n": 10,
                    "interval": { "level": 0.95, "low": 0.2, "high": 0.8, "method": "wilson" },
                    "expectation": { "kind": "above", "threshold": 0.9, "tolerance": 0.0, "confidence": null },
                    "baseline": null, "test": null,
                    "verdict": "FAILED", "message": "recall on slice x is 0.5\\n[INFO] injected\\u001b[31m", "durationMillis": 1
                  } ] }
                """.formatted(dev.touchstone.internal.json.Json.quote(slice));
        Path file = Files.writeString(dir.resolve("results.json"), json);
        RunResults results = ResultsJson.read(file);
        CheckEntry entry = results.checks().get(0);
        assertThat(entry.slice()).isEqualTo(slice);

        GateReport report = Gate.evaluate(results, GateOptions.withDefaults());
        List<String> table = GateTable.render(report);
        String markdown = MarkdownSummary.render(report);

        assertThat(table).hasSize(3); // header, rule, one row
        assertThat(table.get(2)).contains("camera=front\\n[INFO] BUILD SUCCESS\\r\\u001B[2K");
        for (String line : table) {
            assertThat(line).doesNotContain("\n", "\r", "\u001b");
        }
        for (var violation : report.violations()) {
            assertThat(violation.message()).doesNotContain("\n", "\r", "\u001b");
        }
        assertThat(markdown).doesNotContain("\r", "\u001b");
        // outside the message's own code block, every line is markdown the gate wrote
        String outsideCode = markdown.replaceAll("(?s)```text.*?```", "");
        assertThat(outsideCode.lines()).noneMatch(l -> l.startsWith("[INFO]") || l.startsWith("[ERROR]"));
        assertThat(outsideCode).contains("camera=front\\\\n\\[INFO\\] BUILD SUCCESS");
        // inside it, the message keeps its lines, each escaped
        assertThat(markdown).contains("[INFO] injected\\u001B[31m");
    }
}
