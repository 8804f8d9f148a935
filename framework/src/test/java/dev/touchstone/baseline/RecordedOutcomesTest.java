package dev.touchstone.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-example outcome files: every id reads back as written, and a broken file says what is wrong. */
class RecordedOutcomesTest {

    @TempDir
    Path dir;

    private static final String ALPHABET = "aZ09 ,\"\n\r\t;'\\|@#=é模型\u0000\u2028";

    /** Issue 11 item 7: ids with line breaks, quotes, commas, spaces and any script read back unchanged. */
    @RepeatedTest(50)
    void any_id_round_trips(RepetitionInfo repetition) throws Exception {
        Random random = new Random(repetition.getCurrentRepetition());
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < 40) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            ids.add(id.toString());
        }
        ids.add("line\nbreak");
        ids.add("carriage\rreturn");
        ids.add("\"quoted\"");
        ids.add(" padded ");
        List<RecordedOutcomes.Row> rows = new ArrayList<>();
        int i = 0;
        for (String id : ids) {
            rows.add(new RecordedOutcomes.Row(id, "label\n" + i % 3, "p," + i % 2, i++ / 7.0, Double.NaN, Double.NaN));
        }
        Path file = dir.resolve("outcomes.csv");

        RecordedOutcomes.writeClassification(file, rows);
        RecordedOutcomes read = RecordedOutcomes.read(file);

        assertThat(read.size()).isEqualTo(rows.size());
        for (RecordedOutcomes.Row row : rows) {
            int at = read.indexOf(row.id());
            assertThat(at).as("id %s", row.id()).isNotNegative();
            assertThat(read.label(at)).isEqualTo(row.label());
            assertThat(read.predicted(at)).isEqualTo(row.predicted());
            assertThat(read.score(at)).isEqualTo(row.score());
        }
    }

    @Test
    void regression_outcomes_round_trip_exactly() throws Exception {
        Path file = dir.resolve("outcomes.csv");
        RecordedOutcomes.writeRegression(file, List.of(new RecordedOutcomes.Row("a\nb", null, null, Double.NaN, 0.1,
                1.0 / 3)));

        RecordedOutcomes read = RecordedOutcomes.read(file);

        assertThat(read.isRegression()).isTrue();
        assertThat(read.estimate(read.indexOf("a\nb"))).isEqualTo(1.0 / 3);
    }

    @Test
    void a_repeated_id_names_both_lines() throws Exception {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "id,label,predicted,score\ne1,a,a,\n\"e\n2\",a,b,\ne1,b,b,\n");

        assertThatThrownBy(() -> RecordedOutcomes.read(file)).isInstanceOf(QualityConfigurationException.class)
                .hasMessage(file + ": the example id 'e1' occurs on line 2 and on line 5");
    }

    /** Issue 12 item 2: a file that is not an outcomes file is quoted only as a short escaped excerpt. */
    @Test
    void a_file_that_is_not_outcomes_is_quoted_only_as_a_short_escaped_excerpt() throws Exception {
        Path file = dir.resolve("environ.csv");
        Files.writeString(file, "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\u0000HOME=/root\n");

        assertThatThrownBy(() -> RecordedOutcomes.read(file))
                .hasMessage(file + " line 1: expected the header 'id,label,predicted,score' or 'id,target,estimate' but "
                        + "found 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MD'… (73 characters)")
                .message().doesNotContain("EXAMPLEKEY").doesNotContain("HOME");
    }

    @Test
    void a_value_that_is_not_a_number_names_the_line_and_column() throws Exception {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "id,target,estimate\nx,1.0,0.5\ny,2.0,\"lots\n of text\"\n");

        assertThatThrownBy(() -> RecordedOutcomes.read(file))
                .hasMessage(file + " line 3, column 'estimate': 'lots\\n of text' is not a number");
    }

    /** Issue 12 item 12: say what is actually wrong. */
    @Test
    void a_missing_file_and_a_directory_say_so() throws Exception {
        Path missing = dir.resolve("outcomes/gone.csv");
        assertThatThrownBy(() -> RecordedOutcomes.read(missing))
                .hasMessage("baseline outcomes " + missing + " do not exist");
        Path directory = Files.createDirectories(dir.resolve("outcomes/x.csv"));
        assertThatThrownBy(() -> RecordedOutcomes.read(directory))
                .hasMessage("baseline outcomes " + directory + " is a directory, not a file");
    }

    @Test
    void an_unclosed_quote_names_the_line_it_opened_on() throws Exception {
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, "id,label,predicted,score\ne1,a,a,\n\"e2,a,a,\n");

        assertThatThrownBy(() -> RecordedOutcomes.read(file))
                .hasMessage(file + " line 3: a quoted field is not closed before the end of the file");
    }
}
