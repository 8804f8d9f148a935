package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.engine.fixtures.MixedSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 12, item 13: a results directory that cannot be written fails the run before any check,
 * with the operating system's reason, not only the path; an unknown key is a console warning.
 */
class ResultsDirectoryTest {

    @TempDir
    Path dir;

    private static Throwable engineFailure(EngineExecutionResults results) {
        return results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
    }

    @Test
    void an_unwritable_results_directory_says_why() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String[] c : new String[][] {
            {"/proc/forbidden", "/proc/forbidden: no such file or directory, and it cannot be created there (a read-only"
                + " or virtual file system?)"},
            {file.resolve("sub").toString(), file.resolve("sub") + ": Not a directory"},
            {file.toString(), file + ": something that is not a directory is in the way"},
        }) {
            EngineExecutionResults results = EngineTestKit.engine(new TouchstoneTestEngine())
                    .configurationParameter("touchstone.results.dir", c[0])
                    .selectors(selectClass(MixedSpec.class)).execute();

            assertThat(results.testEvents().started().count()).as("no check ran").isZero();
            assertThat(engineFailure(results)).hasMessage("configuration touchstone.results.dir=" + c[0]
                    + " is invalid: expected a directory the run can write, but " + c[1]);
        }
    }

    @Test
    void an_unknown_key_is_reported_on_the_console() {
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            EngineTestKit.engine(new TouchstoneTestEngine())
                    .configurationParameter("touchstone.results.dir", dir.toString())
                    .configurationParameter("touchstone.confidense", "0.5")
                    .selectors(selectClass(MixedSpec.class)).execute();
        } finally {
            System.setOut(out);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[touchstone] warning: unknown configuration key"
                + " touchstone.confidense is ignored; did you mean touchstone.confidence?");
    }
}
