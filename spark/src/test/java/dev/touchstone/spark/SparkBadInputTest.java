package dev.touchstone.spark;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input in Spark fails with a message that names the Spark source and what was wrong. */
class SparkBadInputTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_column_names_the_source_and_the_column() throws Exception {
        Dataset data = SparkDatasets.of(LocalSpark.read(LocalSpark.csv(dir, 50, 1), LocalSpark.SCHEMA), "predictions")
                .withLabel("churned").withPrediction("predicted");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().actual())
                .hasMessageContaining("Spark dataset predictions").hasMessageContaining("'churned'");
    }

    @Test
    void a_score_of_text_names_the_source_and_the_column() throws Exception {
        Dataset data = SparkDatasets.of(LocalSpark.read(LocalSpark.csv(dir, 50, 2), LocalSpark.SCHEMA)
                .selectExpr("label", "predicted", "camera AS score"), "predictions")
                .withLabel("label").withPrediction("predicted").withScore("score").withPositiveClass("cat");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().rocAuc().actual())
                .hasMessageContaining("Spark dataset predictions").hasMessageContaining("score");
    }

    @Test
    void a_table_spark_does_not_know_names_the_table_and_what_was_being_done() {
        Dataset data = SparkDatasets.fromTable(LocalSpark.SPARK, "no_such_table").withLabel("label").withPrediction("predicted");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().actual())
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("Spark table no_such_table: reading the rows failed: ")
                .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }

    @Test
    void a_failure_while_spark_aggregates_names_the_source_and_the_query() {
        // ANSI mode: casting 'x' to INT fails when the label column is computed, inside the aggregate
        Dataset data = SparkDatasets.of(LocalSpark.SPARK.range(100).selectExpr(
                "CAST(CASE WHEN id = 70 THEN 'x' ELSE CAST(id % 2 AS STRING) END AS INT) AS label",
                "CAST(id % 3 % 2 AS INT) AS predicted"), "broken").withLabel("label").withPrediction("predicted");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().actual())
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("Spark dataset broken: counting labels and predictions failed: ")
                .hasMessageContaining("CAST_INVALID_INPUT");
    }

    @Test
    void parquet_that_is_not_there_names_the_path() {
        String path = dir.resolve("missing").toString();
        Dataset data = SparkDatasets.fromParquet(LocalSpark.SPARK, path).withLabel("label").withPrediction("predicted");

        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().actual())
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("Spark parquet " + path + ": reading the rows failed: ")
                .hasMessageContaining("PATH_NOT_FOUND");
    }
}
