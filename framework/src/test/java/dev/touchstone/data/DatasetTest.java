package dev.touchstone.data;

import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.data.table.NumericColumn;

import dev.touchstone.data.table.CategoricalColumn;

import dev.touchstone.data.table.Table;

import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.slice.Slice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public face of {@link Dataset}: lazy, read once, immutable copies that share the table. */
class DatasetTest {

    @TempDir
    Path dir;

    Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static Dataset small() {
        return Dataset.builder("small").columns("id", "label", "predicted", "score", "camera")
                .row(1, "a", "a", 0.9, "front")
                .row(2, "b", "a", 0.4, "rear")
                .row(3, "b", "b", 0.2, null)
                .build();
    }

    static Stream<Arguments> copies() {
        Slice front = where("camera").isEqualTo("front");
        return Stream.of(
                Arguments.of("withId", (UnaryOperator<Dataset>) d -> d.withId("id")),
                Arguments.of("withLabel", (UnaryOperator<Dataset>) d -> d.withLabel("label")),
                Arguments.of("withPrediction", (UnaryOperator<Dataset>) d -> d.withPrediction("predicted")),
                Arguments.of("withScore", (UnaryOperator<Dataset>) d -> d.withScore("score")),
                Arguments.of("withPositiveClass", (UnaryOperator<Dataset>) d -> d.withPositiveClass("a")),
                Arguments.of("withSlice", (UnaryOperator<Dataset>) d -> d.withSlice("front", front)),
                Arguments.of("withName", (UnaryOperator<Dataset>) d -> d.withName("other")));
    }

    @Nested
    class SharedTable {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.touchstone.data.DatasetTest#copies")
        void a_copy_shares_the_loaded_table(String name, UnaryOperator<Dataset> copy) {
            Dataset original = small();

            Dataset copied = copy.apply(original);

            assertThat(copied).isNotSameAs(original);
            assertThat(copied.table()).isSameAs(original.table());
            assertThat(DatasetAccess.tableIdentity(copied)).isSameAs(DatasetAccess.tableIdentity(original));
        }

        @Test
        void a_file_is_read_once_and_shared_by_every_copy() throws IOException {
            // GIVEN a file with 2 rows, loaded through one copy
            Path file = csv("once.csv", "label,predicted\na,a\nb,a\n");
            Dataset original = Dataset.fromCsv(file);
            Dataset labelled = original.withLabel("label");
            assertThat(labelled.size()).isEqualTo(2);

            // WHEN the file changes on disk
            Files.writeString(file, "label,predicted\na,a\nb,a\nc,c\nd,d\n", StandardCharsets.UTF_8);

            // THEN every copy, earlier or later, still sees the table read the first time
            assertThat(original.size()).isEqualTo(2);
            assertThat(labelled.withPrediction("predicted").size()).isEqualTo(2);
            assertThat(original.withSlice("a", where("label").isEqualTo("a")).table()).isSameAs(labelled.table());
        }

        @Test
        void separately_declared_datasets_of_one_file_read_it_separately() throws IOException {
            Path file = csv("twice.csv", "label,predicted\na,a\n");

            Dataset first = Dataset.fromCsv(file);
            Dataset second = Dataset.fromCsv(file);

            assertThat(DatasetAccess.tableIdentity(first)).isNotSameAs(DatasetAccess.tableIdentity(second));
            assertThat(first.table()).isNotSameAs(second.table());
        }
    }

    @Nested
    class Lazy {

        @Test
        void declaring_a_dataset_on_a_missing_file_reads_nothing() {
            Path missing = dir.resolve("nope.csv");

            Dataset declared = Dataset.fromCsv(missing).withLabel("label").withPrediction("predicted");

            assertThat(declared.name()).isEqualTo("nope");
            assertThat(declared.source()).contains("nope.csv");
        }

        @Test
        void using_a_missing_file_fails_naming_it() {
            Dataset declared = Dataset.fromCsv(dir.resolve("nope.csv"));

            assertThatThrownBy(declared::size)
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("nope.csv");
        }

        @Test
        void a_json_lines_file_is_lazy_too() {
            Dataset declared = Dataset.fromJsonLines(dir.resolve("nope.jsonl"));

            assertThat(declared.name()).isEqualTo("nope");
            assertThatThrownBy(declared::size).hasMessageContaining("nope.jsonl");
        }

        @Test
        void a_json_lines_file_is_read() throws IOException {
            Path file = csv("records.jsonl", "{\"label\":\"a\",\"predicted\":\"a\"}\n{\"label\":\"b\",\"predicted\":\"a\"}\n");

            assertThat(Dataset.fromJsonLines(file).size()).isEqualTo(2);
        }
    }

    @Nested
    class Immutability {

        @Test
        void withX_leaves_the_original_unchanged() {
            Dataset original = small();

            Dataset changed = original.withId("id").withLabel("label").withPrediction("predicted").withScore("score")
                    .withPositiveClass("a").withSlice("front", where("camera").isEqualTo("front")).withName("changed");

            assertThat(original.idColumn()).isEmpty();
            assertThat(original.labelColumn()).isEmpty();
            assertThat(original.predictionColumn()).isEmpty();
            assertThat(original.scoreColumn()).isEmpty();
            assertThat(original.positiveClass()).isEmpty();
            assertThat(original.slices()).isEmpty();
            assertThat(original.name()).isEqualTo("small");
            assertThat(changed.idColumn()).contains("id");
            assertThat(changed.labelColumn()).contains("label");
            assertThat(changed.predictionColumn()).contains("predicted");
            assertThat(changed.scoreColumn()).contains("score");
            assertThat(changed.positiveClass()).contains("a");
            assertThat(changed.slices()).containsOnlyKeys("front");
            assertThat(changed.name()).isEqualTo("changed");
        }

        @Test
        void adding_a_slice_to_a_copy_leaves_the_earlier_copy_unchanged() {
            Dataset one = small().withSlice("front", where("camera").isEqualTo("front"));

            Dataset two = one.withSlice("rear", where("camera").isEqualTo("rear"));

            assertThat(one.slices()).containsOnlyKeys("front");
            assertThat(two.slices().keySet()).containsExactly("front", "rear");
        }

        @Test
        void the_slices_map_is_read_only() {
            Dataset data = small().withSlice("front", where("camera").isEqualTo("front"));

            assertThatThrownBy(() -> data.slices().put("x", where("camera").isMissing()))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> small().slices().put("x", where("camera").isMissing()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void the_builder_copies_each_row() {
            Object[] row = {"a", "a"};
            var builder = Dataset.builder("copy").columns("label", "predicted").row(row);
            row[0] = "changed";

            Dataset data = builder.build();

            assertThat(data.table().column("label").text(0)).isEqualTo("a");
        }
    }

    @Nested
    class SizeAndNames {

        @Test
        void size_counts_rows() {
            assertThat(small().size()).isEqualTo(3);
            assertThat(Dataset.builder("none").columns("label").build().size()).isZero();
        }

        @Test
        void a_file_dataset_is_named_after_the_file() throws IOException {
            Path file = csv("detections.csv", "label,predicted\na,a\n");

            assertThat(Dataset.fromCsv(file).name()).isEqualTo("detections");
        }

        @Test
        void slices_keep_their_declaration_order() {
            Dataset data = small().withSlice("zeta", where("camera").isEqualTo("front"))
                    .withSlice("alpha", where("camera").isEqualTo("rear"))
                    .withSlice("mid", where("camera").isMissing());

            assertThat(data.slices().keySet()).containsExactly("zeta", "alpha", "mid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"camera=front", "=x", "a=b=c"})
        void a_slice_name_with_an_equals_sign_is_rejected(String name) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> small().withSlice(name, where("camera").isEqualTo("front")))
                    .withMessageContaining("'" + name + "'")
                    .withMessageContaining("=");
        }

        @Test
        void blank_names_are_rejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> small().withLabel(" "));
            assertThatIllegalArgumentException().isThrownBy(() -> small().withSlice("", where("camera").isMissing()));
            assertThatIllegalArgumentException().isThrownBy(() -> small().withName("  "));
        }

        @Test
        void nulls_are_rejected() {
            assertThatThrownBy(() -> small().withLabel(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> small().withSlice("s", null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Dataset.fromCsv(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Builder {

        @Test
        void numbers_become_numeric_columns_and_text_stays_text() {
            Table table = small().table();

            assertThat(table.column("id")).isInstanceOf(NumericColumn.class);
            assertThat(table.column("score")).isInstanceOf(NumericColumn.class);
            assertThat(table.column("label")).isInstanceOf(CategoricalColumn.class);
        }

        @Test
        void null_is_a_missing_value() {
            assertThat(small().table().column("camera").isMissing(2)).isTrue();
        }

        @Test
        void rows_need_columns_first() {
            assertThatIllegalStateException().isThrownBy(() -> Dataset.builder("x").row("a"))
                    .withMessageContaining("columns");
        }

        @Test
        void a_row_with_the_wrong_number_of_values_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Dataset.builder("x").columns("label", "predicted").row("a"))
                    .withMessageContaining("'x'")
                    .withMessageContaining("[label, predicted]");
        }

        @Test
        void in_memory_rows_are_located_by_row_number() {
            assertThat(small().table().locate(1)).isEqualTo("dataset 'small' row 2");
        }
    }
}
