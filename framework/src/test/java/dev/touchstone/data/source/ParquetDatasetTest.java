package dev.touchstone.data.source;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files and folders read through DuckDB: the same examples and numbers as the CSV they were written from. */
class ParquetDatasetTest {

    @TempDir
    Path dir;

    // one name: the bootstrap's random stream is named by model, dataset and slice
    private static Dataset roles(Dataset data) {
        return data.withName("predictions").withId("id").withLabel("label").withPrediction("predicted").withScore("score")
                .withPositiveClass("cat").withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)));
    }

    @Test
    void a_parquet_file_gives_the_numbers_of_its_csv() throws Exception {
        Path csv = Warehouse.csv(dir, 3000, 7);
        Model fromCsv = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model fromParquet = Model.logged("m", roles(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet")))));

        for (String slice : new String[] {"night", "camera=rear"}) {
            assertSame(assertThat(fromCsv).onSlice(slice).recall().actual(),
                    assertThat(fromParquet).onSlice(slice).recall().actual());
            assertSame(assertThat(fromCsv).onSlice(slice).rocAuc().actual(),
                    assertThat(fromParquet).onSlice(slice).rocAuc().actual());
            assertSame(assertThat(fromCsv).onSlice(slice).f1().actual(),
                    assertThat(fromParquet).onSlice(slice).f1().actual());
        }
        Map<String, MetricValue> csvCameras = assertThat(fromCsv).onEachSliceOf("camera").accuracy().actuals();
        Map<String, MetricValue> parquetCameras = assertThat(fromParquet).onEachSliceOf("camera").accuracy().actuals();
        assertThat(parquetCameras.keySet()).containsExactlyElementsOf(csvCameras.keySet());
        csvCameras.forEach((name, value) -> assertSame(value, parquetCameras.get(name)));
    }

    @Test
    void ids_keep_their_spelling_and_numbers_their_type() throws Exception {
        Path csv = Warehouse.csv(dir, 50, 1);
        Dataset data = Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet")));

        assertThat(data.size()).isEqualTo(50);
        assertThat(data.table().column("id").text(7)).isEqualTo("0000007");
        assertThat(data.table().column("score")).isInstanceOf(NumericColumn.class);
        assertThat(data.table().column("hour")).isInstanceOf(NumericColumn.class);
    }

    @Test
    void a_folder_of_hive_partitions_is_one_dataset_with_the_partition_column() throws Exception {
        Path csv = Warehouse.csv(dir, 600, 3);
        Path folder = Warehouse.partitioned(csv, dir.resolve("by-camera"));
        assertThat(folder.resolve("camera=front")).isDirectory();

        Model fromCsv = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model fromFolder = Model.logged("m", roles(Dataset.fromParquet(folder)));

        assertThat(fromFolder.dataset().orElseThrow().size()).isEqualTo(600);
        assertSame(assertThat(fromCsv).onSlice("camera=side").accuracy().actual(),
                assertThat(fromFolder).onSlice("camera=side").accuracy().actual());
        assertSame(assertThat(fromCsv).overall().rocAuc().actual(), assertThat(fromFolder).overall().rocAuc().actual());
    }

    @Test
    void a_partition_value_stays_text_as_written() throws Exception {
        Path part = Files.createDirectories(dir.resolve("runs/batch=007"));
        Warehouse.sql("COPY (SELECT 'a' AS label, 'a' AS predicted) TO '" + part.resolve("x.parquet") + "' (FORMAT parquet)");

        Dataset data = Dataset.fromParquet(dir.resolve("runs"));

        assertThat(data.table().column("batch").text(0)).isEqualTo("007");
    }

    @Test
    void a_missing_column_names_the_file_and_the_columns() throws Exception {
        Path file = Warehouse.parquet(Warehouse.csv(dir, 20, 1), dir.resolve("p.parquet"));
        Model model = Model.logged("m", Dataset.fromParquet(file).withLabel("truth").withPrediction("predicted"));

        assertThatThrownBy(() -> assertThat(model).overall().accuracy().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("p.parquet: no column named 'truth'; the columns are [id, label, predicted");
    }

    @Test
    void a_score_column_of_text_is_rejected_naming_the_first_value() throws Exception {
        Path file = dir.resolve("text-score.parquet");
        Warehouse.sql("COPY (SELECT * FROM (VALUES ('cat', 'cat', 'high'), ('dog', 'cat', '0.3')) t(label, predicted, score))"
                + " TO '" + file + "' (FORMAT parquet)");
        Model model = Model.logged("m", Dataset.fromParquet(file).withLabel("label").withPrediction("predicted")
                .withScore("score").withPositiveClass("cat"));

        assertThatThrownBy(() -> assertThat(model).overall().rocAuc().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("text-score.parquet row 1, column 'score': 'high' is not a number");
    }

    @Test
    void a_corrupt_footer_names_the_file() throws Exception {
        Path good = Warehouse.parquet(Warehouse.csv(dir, 20, 1), dir.resolve("good.parquet"));
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length - 1] = 'X'; // the magic number 'PAR1' closes every Parquet file
        bytes[bytes.length - 6] ^= 0x55; // and the footer length before it
        Path broken = Files.write(dir.resolve("broken.parquet"), bytes);

        assertThatThrownBy(() -> Dataset.fromParquet(broken).size())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith(broken.toString() + ": ")
                .hasMessageContaining("broken.parquet");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> Dataset.fromParquet(dir.resolve("nope.parquet")))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("no such file or folder: " + dir.resolve("nope.parquet").toAbsolutePath());
    }

    static void assertSame(MetricValue expected, MetricValue actual) {
        assertThat(actual.value()).isEqualTo(expected.value());
        assertThat(actual.n()).isEqualTo(expected.n());
        assertThat(actual.interval()).isEqualTo(expected.interval());
    }
}
