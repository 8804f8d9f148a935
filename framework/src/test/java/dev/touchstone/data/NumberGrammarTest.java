package dev.touchstone.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.text.NumberParser;
import dev.touchstone.internal.text.Printable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One grammar of numbers: a value the CSV and JSON Lines readers do not read as a number is
 * exactly the value {@link Table#firstNonNumeric} names, so that the message about a column that
 * is not numeric points at the value that made it so.
 */
class NumberGrammarTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0", "-1", "+1", "1.", ".5", "-.5", "007", "1e3", "1E-3", "1.5e+10",
        "123456789012345678901234567890", "NaN", "nan", "-Infinity", "inf", "+Inf"})
    void a_number_is_a_number_for_the_readers_and_for_the_table(String text) throws Exception {
        assertThat(new NumberParser().parse(text)).isTrue();
        for (Table table : tables(text)) {
            assertThat(table.column("x")).as(table.source()).isInstanceOf(NumericColumn.class);
            assertThat(table.firstNonNumeric("x")).as(table.source()).doesNotContain("is not a number");
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" 1", "1 ", "1d", "1f", "1L", "0x10", "0x1p-1", "1_000", "1 000", "e3", ".", "-", "+",
        "1e", "1e+", "--1", "1.2.3", "Infinityy", "NaN1", "\u0663", "\uff11", "\u00bd", "high"})
    void text_that_is_not_a_number_is_named_by_the_table(String text) throws Exception {
        assertThat(new NumberParser().parse(text)).isFalse();
        for (Table table : tables(text)) {
            assertThat(table.column("x")).as(table.source()).isNotInstanceOf(NumericColumn.class);
            assertThat(table.firstNonNumeric("x")).as(table.source())
                    .contains(", column 'x': " + Printable.quote(text) + " is not a number");
        }
    }

    /** A column x holding a number and then {@code text}, read from CSV and from JSON Lines. */
    private Table[] tables(String text) throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "x\n1\n" + text + "\n", StandardCharsets.UTF_8);
        Path jsonl = dir.resolve("data.jsonl");
        Files.writeString(jsonl, "{\"x\":\"1\"}\n{\"x\":" + Json.quote(text) + "}\n", StandardCharsets.UTF_8);
        return new Table[] {Dataset.fromCsv(csv).table(), Dataset.fromJsonLines(jsonl).table()};
    }
}
