package dev.touchstone.data;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.model.Model;
import org.junit.jupiter.api.Test;

/** Data on the test classpath, independent of the working directory. */
class ResourceDatasetTest {

    @Test
    void a_csv_resource_is_read_by_its_name() {
        Dataset data = Dataset.fromResource("datasets/tiny.csv").withId("id").withLabel("label").withPrediction("predicted");
        assertThat(data.name()).isEqualTo("tiny");
        assertThat(data.source()).isEqualTo("classpath:datasets/tiny.csv");
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.table().column("id").text(0)).isEqualTo("007");
        assertThat(assertThat(Model.logged("m", data)).overall().accuracy().actual().value()).isEqualTo(2.0 / 3);
    }

    @Test
    void a_json_lines_resource_is_read_as_json_lines() {
        assertThat(Dataset.fromResource("/datasets/tiny.jsonl").size()).isEqualTo(2);
    }

    @Test
    void a_missing_resource_says_where_to_put_it() {
        assertThatThrownBy(() -> Dataset.fromResource("datasets/nope.csv").size())
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("classpath:datasets/nope.csv")
                .hasMessageContaining("src/test/resources/datasets/nope.csv");
    }
}
