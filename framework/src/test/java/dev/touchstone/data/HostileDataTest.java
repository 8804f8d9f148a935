package dev.touchstone.data;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.internal.CsvReader;
import dev.touchstone.data.internal.JsonLinesReader;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.model.Model;
import dev.touchstone.scope.QualityScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files that are wrong in ways that used to pass unnoticed or be reported in the wrong
 * place (issue 12, items 7, 8 and 9): every one is an error that names the file, the line and,
 * where one is at fault, the column or key and the value.
 */
class HostileDataTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    // ---- item 7: concatenated files, a column whose type a few rows changed ----

    @Test
    void a_csv_row_equal_to_the_header_is_an_error_naming_its_line() throws IOException {
        Path joined = file("joined.csv", "id,label,score\n1,1,0.9\n2,0,0.2\n3,1,0.7\nid,label,score\n4,0,0.1\n");
        Dataset data = Dataset.fromCsv(joined).withLabel("label").withPrediction("label");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().isAtLeast(0.0))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(joined + " line 5: this row repeats the header (id, label, score); were two CSV files"
                        + " joined? Remove the repeated header line (a header row read as data would become an"
                        + " example)");
    }

    @Test
    void a_value_that_merely_equals_its_column_name_is_data() throws IOException {
        // one field equal to its column's name is not a header row; nor is a one-column file's value
        Path partial = file("partial.csv", "label,predicted\nlabel,cat\ncat,cat\n");
        Path single = file("single.csv", "label\nlabel\ncat\n");

        assertThat(Dataset.fromCsv(partial).size()).isEqualTo(2);
        assertThat(Dataset.fromCsv(single).size()).isEqualTo(2);
    }

    @Test
    void a_declared_score_column_turned_to_text_by_a_few_rows_is_an_error_naming_the_first_one() throws IOException {
        StringBuilder csv = new StringBuilder("label,predicted,score\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i % 2).append(',').append(i % 2).append(",0.").append(100 + i).append('\n');
            if (i == 150) {
                csv.append("1,1,n/a\n");
            }
        }
        Path data = file("stray.csv", csv.toString());
        Dataset dataset = Dataset.fromCsv(data).withLabel("label").withPrediction("predicted").withScore("score");

        // even a statement that needs no score: the column is declared as one
        assertThatThrownBy(() -> assertThat(Model.logged("m", dataset)).overall().accuracy().isAtLeast(0.5))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(data + " line 153, column 'score': 'n/a' is not a number; 1 of 401 values is not a"
                        + " number, the others are; the score column must hold numbers");
    }

    @Test
    void legitimate_text_labels_are_unaffected() throws IOException {
        Path data = file("animals.csv", "label,predicted,score\ncat,cat,0.9\ndog,cat,0.6\ncat,dog,0.2\n1,1,0.5\n");
        Dataset dataset = Dataset.fromCsv(data).withLabel("label").withPrediction("predicted");

        assertThat(Model.logged("m", dataset)).overall().accuracy().isAtLeast(0.25);
    }

    @Test
    void a_regression_column_turned_to_text_by_a_few_rows_names_the_first_and_how_few() throws IOException {
        Path data = file("reg.csv", "y,yhat\n1.5,1.4\n2.5,2.7\n3.5,3.1\n 4.0,3.9\n");
        Dataset dataset = Dataset.fromCsv(data).withLabel("y").withPrediction("yhat");

        assertThatThrownBy(() -> assertThat(Model.logged("m", dataset)).overall().mae().isAtMost(1))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("regression metrics need numbers for the true value (label), but " + data + " line 5,"
                        + " column 'y': ' 4.0' is not a number (it has spaces around it; numbers are read as written,"
                        + " without trimming); 1 of 4 values is not a number, the others are");
    }

    // ---- item 8: JSON Lines lines and values ----

    @Test
    void a_broken_json_lines_line_is_reported_with_its_own_number() throws IOException {
        Path broken = file("broken.jsonl", "{\"label\":\"1\",\"score\":0.9}\n{\"label\":\"0\",\"score\":0.1\n"
                + "{\"label\":\"1\",\"score\":0.8}\n");

        assertThatThrownBy(() -> Dataset.fromJsonLines(broken).size())
                .isInstanceOf(DataFormatException.class)
                .hasMessage(broken + " line 2: malformed JSON: the line ends before its object does (a missing '}'"
                        + " or '\"'? JSON Lines needs each object whole on one line)");
    }

    @Test
    void json_values_that_are_not_json_are_reported_with_line_key_and_value() throws IOException {
        for (String value : new String[] {"1d", "0x1p-1", "0.9f", ".5", "NaN"}) {
            Path data = file("v.jsonl", "{\"label\":\"1\",\"score\":0.9}\n{\"label\":\"0\",\"score\":" + value + "}\n");

            assertThatThrownBy(() -> Dataset.fromJsonLines(data).size())
                    .as(value)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(data + " line 2, column ")
                    .hasMessageContaining(", key 'score': malformed JSON: the value '" + value + "' is not a JSON"
                            + " value (a number is written like 0.5 or 1e-3, without hexadecimal, type suffixes or"
                            + " spaces; text goes in double quotes)");
        }
    }

    @Test
    void json_strings_that_look_like_numbers_are_reported_with_line_value_and_why_not() throws IOException {
        String[][] cases = {
            {" 0.9", "it has spaces around it"},
            {"1d", "a type suffix"},
            {"0x1p-1", "hexadecimal"},
            {"0,9", "a decimal comma"},
        };
        for (String[] c : cases) {
            Path data = file("s.jsonl", "{\"label\":\"1\",\"p\":\"1\",\"score\":0.9}\n"
                    + "{\"label\":\"0\",\"p\":\"0\",\"score\":\"" + c[0] + "\"}\n");
            Dataset dataset = Dataset.fromJsonLines(data).withLabel("label").withPrediction("p").withScore("score");

            assertThatThrownBy(() -> assertThat(Model.logged("m", dataset)).overall().rocAuc().isAtLeast(0))
                    .as(c[0])
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith(data + " line 2, column 'score': '" + c[0] + "' is not a number (" + c[1]);
        }
    }

    // ---- item 9: a record over the limit (the forked-JVM test with a 300 MB line is ReadLimitsInSmallHeapTest) ----

    @Test
    void a_csv_record_or_json_line_over_the_limit_names_file_and_line() throws IOException {
        String big = "x".repeat(5000);
        Path csv = file("long.csv", "id,text\n1,short\n2," + big + "\n3,short\n");
        // an unclosed quote in a file larger than the reader's 1 MiB buffer: the field runs on
        Path quoted = file("quote.csv", "id,text\n1,short\n2,\"never closed\n" + (big + "\n").repeat(250));
        Path jsonl = file("long.jsonl", "{\"id\":1}\n{\"id\":2,\"text\":\"" + big + "\"}\n");

        assertThatThrownBy(() -> CsvReader.read(csv, 4096))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(csv + " line 3: a record longer than 4,096 bytes (touchstone.data.max-record-bytes); is it"
                        + " a CSV file with one record per line? If records really are this long, raise the limit");
        assertThatThrownBy(() -> CsvReader.read(quoted, 4096))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(quoted + " line 3: a record longer than 4,096 bytes (touchstone.data.max-record-bytes):"
                        + " the quoted field of column 'text' opened on line 3 does not close within it (a missing"
                        + " closing quote?)");
        assertThatThrownBy(() -> JsonLinesReader.read(jsonl, 4096))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(jsonl + " line 2: a line longer than 4,096 bytes (touchstone.data.max-record-bytes); is it"
                        + " a JSON Lines file with one object per line? If records really are this long, raise the"
                        + " limit");
        // within the limit, the same files read
        assertThat(CsvReader.read(csv, 8192).rowCount()).isEqualTo(3);
        assertThat(JsonLinesReader.read(jsonl, 8192).rowCount()).isEqualTo(2);
    }

    @Test
    void the_record_limit_is_a_setting() throws IOException {
        Path csv = file("setting.csv", "id,text\n1," + "y".repeat(3000) + "\n");
        TouchstoneSettings small = TouchstoneSettings.from(k -> k.equals(ConfigKeys.MAX_RECORD_BYTES) ? "2048" : null);

        assertThat(small.maxRecordBytes()).isEqualTo(2048);
        assertThat(TouchstoneSettings.defaults().maxRecordBytes()).isEqualTo(16 << 20);
        assertThatThrownBy(() -> QualityScope.standalone().withSettings(small).call(() -> Dataset.fromCsv(csv).size()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(csv + " line 2: a record longer than 2,048 bytes");
        assertThatThrownBy(() -> TouchstoneSettings.from(k -> k.equals(ConfigKeys.MAX_RECORD_BYTES) ? "10" : null))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("configuration touchstone.data.max-record-bytes=10 is invalid: expected an integer from"
                        + " 1024 to 2,147,483,631");
    }
}
