package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 7: example ids name one example each, checked when the data is first evaluated,
 * not when a baseline recorded from it is read in the next run.
 */
class ExampleIdsTest {

    @TempDir
    Path dir;

    private Model model(String csv) throws Exception {
        Path file = dir.resolve("frames.csv");
        Files.writeString(file, csv);
        return Model.logged("m", Dataset.fromCsv(file).withId("id").withLabel("label").withPrediction("predicted"));
    }

    @Test
    void a_repeated_id_fails_naming_the_data_file_and_both_lines() throws Exception {
        Model m = model("id,label,predicted\nf1,a,a\nf2,a,b\nf3,b,b\nf2,b,b\n");

        assertThatThrownBy(() -> assertThat(m).overall().accuracy().isAbove(0.1))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(dir.resolve("frames.csv") + " line 5, column 'id': the example id 'f2' occurs twice, first on "
                        + dir.resolve("frames.csv") + " line 3: ids must name one example each, to pair examples with a "
                        + "recorded baseline");
    }

    @Test
    void ids_that_differ_only_in_spelling_are_different_examples() throws Exception {
        Model m = model("id,label,predicted\n7,a,a\n007,a,b\n\" 7\",b,b\n");

        assertThatCode(() -> assertThat(m).overall().accuracy().isAbove(0.1)).doesNotThrowAnyException();
    }

    @Test
    void data_without_an_id_column_is_not_checked() throws Exception {
        Path file = dir.resolve("frames.csv");
        Files.writeString(file, "label,predicted\na,a\na,a\n");
        Model m = Model.logged("m", Dataset.fromCsv(file).withLabel("label").withPrediction("predicted"));

        assertThatCode(() -> assertThat(m).overall().accuracy().isAbove(0.1)).doesNotThrowAnyException();
    }
}
