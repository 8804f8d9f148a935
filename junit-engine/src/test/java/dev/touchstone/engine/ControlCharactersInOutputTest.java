package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.engine.fixtures.InjectionSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Slice values and class names with line breaks and ANSI escapes (issue 12, item 4): the
 * engine's console lines, the test names Surefire prints, report entries and failure messages
 * keep them escaped on their line; none starts a line of its own.
 */
class ControlCharactersInOutputTest {

    @TempDir
    Path results;

    @Test
    void data_cannot_print_a_log_line_of_its_own() {
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EngineExecutionResults run;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            run = EngineTestKit.engine(new TouchstoneTestEngine())
                    .configurationParameter("touchstone.results.dir", results.toString())
                    .selectors(selectClass(InjectionSpec.class)).execute();
        } finally {
            System.setOut(out);
        }

        List<String> texts = new ArrayList<>();
        texts.add(console.toString(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (Event event : run.allEvents().list()) {
            names.add(event.getTestDescriptor().getDisplayName());
            names.add(event.getTestDescriptor().getLegacyReportingName());
            event.getPayload(ReportEntry.class).ifPresent(entry -> names.addAll(entry.getKeyValuePairs().values()));
            event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .ifPresent(t -> texts.add(String.valueOf(t.getMessage())));
        }

        assertThat(run.testEvents().failed().count()).isPositive();
        assertThat(names).anyMatch(n -> n.contains("camera=front\\n[INFO] BUILD SUCCESS"))
                .allSatisfy(n -> assertThat(n).doesNotContain("\n", "\r", "\u001b"));
        assertThat(texts).hasSizeGreaterThan(1);
        for (String text : texts) {
            assertThat(text).doesNotContain("\r", "\u001b");
            assertThat(text.lines()).noneMatch(line -> line.startsWith("[INFO]") || line.startsWith("[ERROR]")
                    || line.startsWith("[touchstone]") && line.contains("\n"));
        }
        assertThat(texts.get(0)).contains("[camera=front\\n[INFO] BUILD SUCCESS]");
    }
}
