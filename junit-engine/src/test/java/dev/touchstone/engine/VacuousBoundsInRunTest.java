package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.engine.fixtures.VacuousSpec;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Issue 12, item 14: a bound outside the metric's range is a console warning and a note in results.json. */
class VacuousBoundsInRunTest {

    @TempDir
    Path results;

    @Test
    void a_statement_that_can_never_fail_is_reported_on_the_console_and_in_the_results() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            EngineTestKit.engine(new TouchstoneTestEngine())
                    .configurationParameter("touchstone.results.dir", results.toString())
                    .selectors(selectClass(VacuousSpec.class)).execute()
                    .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        } finally {
            System.setOut(out);
        }

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[touchstone] warning:"
                + " VacuousSpec.accuracyIsAtLeastMinusOne: accuracy isAtLeast(-1) can never fail: accuracy is never"
                + " below 0 (its range is [0, 1]); the statement passes whenever the metric can be computed, so it"
                + " tests nothing");
        CheckEntry entry = ResultsJson.read(results.resolve("results.json")).checks().get(0);
        assertThat(entry.verdict().name()).isEqualTo("PASSED");
        assertThat(entry.message()).containsPattern("warning +: isAtLeast\\(-1\\) can never fail");
        assertThat(entry.warning()).startsWith("isAtLeast(-1) can never fail");
    }
}
