package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: {@code column.text(row)} (and the categorical view of the column) is the file's text,
 * byte for byte, for every numeric-looking spelling, on both sides of the 1,024-distinct-values
 * threshold at which a numeric column stops keeping its texts as a dictionary (issue 12, item 5:
 * {@code 00100} became {@code 100}, {@code 1.50} became {@code 1.5}, {@code 1e3} became
 * {@code 1000} above it).
 */
class NumericTextsAcrossCardinalityTest {

    /** JSON's number grammar: what may be written unquoted in a JSON Lines file. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} distinct values")
    @ValueSource(ints = {10, 1023, 1024, 1025, 1100, 5000})
    void every_text_is_kept_as_written_in_csv_and_json_lines(int distinct) throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + distinct);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                texts.add(spell(random, i));
            }
            // each distinct text again, in another order, so that dictionary codes are reused too
            for (int i = 0; i < distinct / 3; i++) {
                texts.add(texts.get(random.nextInt(distinct)));
            }
            texts.add(""); // and a missing value

            StringBuilder csv = new StringBuilder("x,other\n");
            StringBuilder jsonl = new StringBuilder();
            for (String text : texts) {
                csv.append(text).append(",a\n");
                String value = text.isEmpty() ? "null" : JSON_NUMBER.matcher(text).matches() ? text : "\"" + text + "\"";
                jsonl.append("{\"x\": ").append(value).append(", \"other\": \"a\"}\n");
            }
            Path csvFile = Files.writeString(dir.resolve("x" + seed + ".csv"), csv);
            Path jsonlFile = Files.writeString(dir.resolve("x" + seed + ".jsonl"), jsonl);

            for (Table table : List.of(CsvReader.read(csvFile), JsonLinesReader.read(jsonlFile))) {
                Column column = table.column("x");
                assertThat(column).as(table.source()).isInstanceOf(NumericColumn.class);
                for (int row = 0; row < texts.size(); row++) {
                    String expected = texts.get(row).isEmpty() ? null : texts.get(row);
                    assertThat(column.text(row)).as("%s row %d", table.source(), row).isEqualTo(expected);
                    assertThat(column.asCategorical().text(row)).as("%s row %d, categorical", table.source(), row)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** A distinct number {@code i}, spelled in one of the ways data files spell numbers. */
    private static String spell(SplittableRandom random, int i) {
        return switch (random.nextInt(14)) {
            case 0 -> String.format("%05d", i);                          // zip codes: 00100
            case 1 -> "00" + i;                                           // 007
            case 2 -> "+" + i;                                            // +3
            case 3 -> i + "e" + random.nextInt(4);                        // 1e3
            case 4 -> i + ".50";                                          // trailing zero
            case 5 -> i + "." + String.format("%03d", random.nextInt(1000)); // 12.040
            case 6 -> "-" + i + ".0";                                     // -12.0
            case 7 -> i == 0 ? "-0" : Integer.toString(-i);               // negative, -0
            case 8 -> i + "E-" + random.nextInt(3);                       // 5E-2
            case 9 -> "." + i + "5";                                      // .125
            case 10 -> i + ".";                                           // 5.
            case 11 -> "1234567890123456789" + i;                         // more than 15 digits
            case 12 -> i + "." + "0".repeat(random.nextInt(1, 25));       // up to 24 zeros
            default -> Integer.toString(i);                               // plain
        };
    }
}
