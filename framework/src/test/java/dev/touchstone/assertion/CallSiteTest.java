package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.model.Model;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5: a FAILED or INCONCLUSIVE error's trace starts at the line of the statement
 * in the user's code, so that an IDE jumps to it, with none of Touchstone's own frames above it.
 */
class CallSiteTest {

    static final Model MODEL = Model.logged("m", DslTestData.binary("d", 40, 10, 10, 40));

    @Test
    void a_failed_statement_s_trace_starts_at_the_statement() {
        QualityAssertionError error = assertThrows(QualityAssertionError.class,
                () -> assertThat(MODEL).overall().accuracy().isAtLeast(0.99)); // the line the trace names
        StackTraceElement top = error.getStackTrace()[0];
        assertThat(top.getClassName()).startsWith(CallSiteTest.class.getName());
        assertThat(top.getFileName()).isEqualTo("CallSiteTest.java");
        assertThat(top.getLineNumber()).isEqualTo(lineOf("// the line the trace names"));
        assertThat(Arrays.stream(error.getStackTrace()).map(StackTraceElement::getClassName))
                .noneMatch(name -> name.startsWith("dev.touchstone.assertion.Abstract")
                        || name.startsWith("dev.touchstone.assertion.internal."));
    }

    @Test
    void an_inconclusive_statement_s_trace_starts_at_the_statement_too() {
        InconclusiveQualityError error = assertThrows(InconclusiveQualityError.class,
                () -> assertThat(MODEL).overall().accuracy().withConfidence(0.95).isAtLeast(0.8));
        assertThat(error.getStackTrace()[0].getClassName()).startsWith(CallSiteTest.class.getName());
    }

    private static int lineOf(String marker) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                    "src/test/java/dev/touchstone/assertion/CallSiteTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker) && !lines.get(i).contains("lineOf(")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(marker);
    }
}
