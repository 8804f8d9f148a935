package dev.touchstone.model;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.DslTestData;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Logged models and in-process models ({@code Model.of}) as the DSL uses them. */
class ModelTest {

    /**
     * 20 rows: x = 0..19, label "1" when x < 8; camera front for x < 10, else rear.
     * The model "predicts 1 when x < 10" is wrong on x = 8 and 9 only: accuracy 18/20, recall
     * 8/8, precision 8/10.
     */
    static Dataset twenty() {
        DatasetBuilder b = Dataset.builder("twenty").columns("x", "label", "camera");
        for (int x = 0; x < 20; x++) {
            b.row(x, x < 8 ? "1" : "0", x < 10 ? "front" : "rear");
        }
        return b.build().withLabel("label");
    }

    static Model threshold(AtomicInteger calls) {
        return Model.of("below-ten", row -> {
            calls.incrementAndGet();
            double x = row.getDouble("x").orElseThrow();
            return Prediction.of(x < 10 ? "1" : "0", x < 10 ? 0.8 : 0.3);
        });
    }

    @Nested
    class InProcess {

        @Test
        void predictions_are_judged_like_logged_ones() {
            Model model = threshold(new AtomicInteger());
            Dataset data = twenty();

            assertThat(assertThat(model).on(data).overall().accuracy().actual().value()).isEqualTo(0.9);
            assertThat(assertThat(model).on(data).overall().recall().actual().value()).isEqualTo(1.0);
            assertThat(assertThat(model).on(data).overall().precision().actual().value()).isEqualTo(0.8);
        }

        @Test
        void the_function_is_called_once_per_row_across_statements_metrics_and_slices() {
            // GIVEN a model that counts its calls
            AtomicInteger calls = new AtomicInteger();
            Model model = threshold(calls);
            Dataset data = twenty();

            // WHEN several statements ask for several metrics, slices and levels
            assertThat(model).on(data).overall().accuracy().isAbove(0.5);
            assertThat(model).on(data).overall().recall().isAtLeast(0.5);
            assertThat(model).on(data).overall().f1().withConfidence(0.9).actual();
            assertThat(model).on(data).onEachSliceOf("camera").accuracy().actuals();
            assertThat(model).on(data).onSlice(where("x").isLessThan(5)).precision().actual();
            assertThat(model).on(data).overall().rocAuc().actual();

            // THEN each row was predicted once
            assertThat(calls).hasValue(20);
        }

        @Test
        void copies_of_the_dataset_share_the_predictions() {
            AtomicInteger calls = new AtomicInteger();
            Model model = threshold(calls);
            Dataset data = twenty();

            assertThat(model).on(data).overall().accuracy().actual();
            assertThat(model).on(data.withSlice("low", where("x").isLessThan(3))).onSlice("low").accuracy().actual();
            assertThat(model).on(data.withName("renamed")).overall().accuracy().actual();

            assertThat(calls).hasValue(20);
        }

        @Test
        void another_model_object_calls_its_function_again() {
            AtomicInteger calls = new AtomicInteger();
            Dataset data = twenty();

            assertThat(threshold(calls)).on(data).overall().accuracy().actual();
            assertThat(threshold(calls)).on(data).overall().accuracy().actual();

            assertThat(calls).hasValue(40);
        }

        @Test
        void many_fresh_models_evaluate_without_a_recursive_cache_update() {
            // the outcomes cache and the predictions cache live in one map per model: building one
            // must not be a recursive update of that map, whatever the hash codes of the keys
            for (int i = 0; i < 200; i++) {
                Model model = threshold(new AtomicInteger());
                Dataset data = twenty();

                assertThat(assertThat(model).on(data).overall().accuracy().actual().value()).as("round %d", i)
                        .isEqualTo(0.9);
            }
        }

        @Test
        void scores_from_the_function_feed_score_metrics() {
            // the 8 ones score 0.8; of the 12 zeros, x = 8, 9 score 0.8 (ties) and 10 score 0.3:
            // (8 * 10 + 0.5 * 8 * 2) / (8 * 12) = 88 / 96
            Model model = threshold(new AtomicInteger());

            assertThat(assertThat(model).on(twenty()).overall().rocAuc().actual().value())
                    .isCloseTo(88.0 / 96, within(1e-12));
        }

        @Test
        void a_regression_function() {
            Dataset data = Dataset.builder("reg").columns("x", "y").row(1, 2.0).row(2, 4.0).row(3, 7.0).build()
                    .withLabel("y");
            Model doubling = Model.of("double", row -> Prediction.ofValue(2 * row.getDouble("x").orElseThrow()));

            // errors 0, 0, -1
            assertThat(assertThat(doubling).on(data).overall().mae().actual().value()).isCloseTo(1.0 / 3, within(1e-12));
        }

        @Test
        void a_model_that_is_not_logged_needs_on_dataset() {
            Model model = threshold(new AtomicInteger());

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'below-ten'")
                    .hasMessageContaining(".on(dataset)");
        }

        @Test
        void an_exception_in_the_function_names_the_row() {
            Model failing = Model.of("fragile", row -> {
                if (row.index() == 2) {
                    throw new IllegalStateException("cannot handle x=2");
                }
                return Prediction.of("1");
            });

            assertThatThrownBy(() -> assertThat(failing).on(twenty()).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'fragile'")
                    .hasMessageContaining("dataset 'twenty' row 3")
                    .hasMessageContaining("cannot handle x=2")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }

        @Test
        void an_exception_on_a_file_row_names_the_file_line() {
            Dataset data = Dataset.fromCsv(DslTestData.fixture("scored_ok.csv")).withLabel("label")
                    .withPositiveClass("person");
            Model failing = Model.of("fragile", row -> {
                if ("3".equals(row.get("id"))) {
                    throw new IllegalArgumentException("bad id");
                }
                return Prediction.of("person");
            });

            assertThatThrownBy(() -> assertThat(failing).on(data).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("scored_ok.csv line 4");
        }

        @Test
        void a_null_prediction_names_the_row() {
            Model silent = Model.of("silent", row -> row.index() == 4 ? null : Prediction.of("1"));

            assertThatThrownBy(() -> assertThat(silent).on(twenty()).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("row 5");
        }

        @Test
        void mixing_classes_and_numbers_names_a_row() {
            Model mixed = Model.of("mixed", row -> row.index() == 7 ? Prediction.ofValue(1.0) : Prediction.of("1"));

            assertThatThrownBy(() -> assertThat(mixed).on(twenty()).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("row 8");
        }

        @Test
        void scores_for_some_rows_only_name_a_row_without_one() {
            Model partial = Model.of("partial", row -> row.index() == 6 ? Prediction.of("1") : Prediction.of("1", 0.5));

            assertThatThrownBy(() -> assertThat(partial).on(twenty()).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("row 7");
        }

        @Test
        void a_model_needs_a_name() {
            assertThatIllegalArgumentException().isThrownBy(() -> Model.of(" ", row -> Prediction.of("1")));
            assertThatIllegalArgumentException().isThrownBy(() -> Model.logged("", twenty()));
        }

        @Test
        void a_prediction_rejects_non_finite_numbers() {
            assertThatIllegalArgumentException().isThrownBy(() -> Prediction.of("1", Double.NaN));
            assertThatIllegalArgumentException().isThrownBy(() -> Prediction.ofValue(Double.POSITIVE_INFINITY));
        }
    }

    @Nested
    class Logged {

        static Dataset logged() {
            return DslTestData.binary("logged", 3, 1, 1, 3);
        }

        @Test
        void a_logged_model_needs_no_dataset_in_the_statement() {
            assertThat(assertThat(Model.logged("m", logged())).overall().accuracy().actual().value()).isEqualTo(0.75);
        }

        @Test
        void a_logged_model_cannot_be_evaluated_on_other_data() {
            Model model = Model.logged("champion", logged());
            Dataset other = DslTestData.binary("other", 3, 1, 1, 3);

            assertThatThrownBy(() -> assertThat(model).on(other).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'champion'")
                    .hasMessageContaining("'logged'")
                    .hasMessageContaining("'other'");
        }

        @Test
        void a_logged_model_can_be_evaluated_on_a_copy_of_its_data() {
            Dataset data = logged();
            Model model = Model.logged("m", data);

            assertThat(assertThat(model).on(data.withSlice("ones", where("label").isEqualTo("1"))).onSlice("ones")
                    .recall().actual().value()).isEqualTo(0.75);
        }

        @Test
        void a_copy_with_an_extra_slice_works_after_the_model_was_evaluated_on_the_original() {
            // GIVEN the model already evaluated on its own data
            Dataset data = logged();
            Model model = Model.logged("m", data);
            assertThat(model).overall().accuracy().actual();

            // WHEN a statement uses a copy of that data with a slice the original does not have
            // THEN the slice is found (the earlier evaluation must not hide the copy's slices)
            assertThat(assertThat(model).on(data.withSlice("ones", where("label").isEqualTo("1"))).onSlice("ones")
                    .recall().actual().value()).isEqualTo(0.75);
        }

        @Test
        void two_logged_models_can_share_one_file() {
            Dataset shared = Dataset.builder("shared").columns("label", "champion", "challenger")
                    .row("1", "1", "0").row("0", "0", "0").row("1", "1", "1").row("0", "1", "0").build()
                    .withLabel("label");
            Model champion = Model.logged("champion", shared.withPrediction("champion"));
            Model challenger = Model.logged("challenger", shared.withPrediction("challenger"));

            assertThat(assertThat(champion).overall().accuracy().actual().value()).isEqualTo(0.75);
            assertThat(assertThat(challenger).overall().accuracy().actual().value()).isEqualTo(0.75);
            assertThat(assertThat(champion).overall().recall().actual().value()).isEqualTo(1.0);
            assertThat(assertThat(challenger).overall().recall().actual().value()).isEqualTo(0.5);
        }

        @Test
        void a_failing_logged_model_is_named_in_the_error() {
            assertThatThrownBy(() -> assertThat(Model.logged("champion", logged())).overall().accuracy().isAbove(0.9))
                    .isInstanceOf(QualityAssertionError.class)
                    .hasMessageContaining("champion");
        }
    }
}
