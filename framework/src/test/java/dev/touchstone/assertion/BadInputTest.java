package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.assertion.DslTestData.fixture;
import static dev.touchstone.assertion.DslTestData.missingFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input, end to end through the DSL with CSV files: every mistake stops the check with a
 * {@link QualityConfigurationException} that says where (file, line, column), never a verdict.
 */
class BadInputTest {

    static Dataset classification(String file) {
        return Dataset.fromCsv(fixture(file)).withLabel("label").withPrediction("predicted").withPositiveClass("person");
    }

    static Dataset scored(String file) {
        return classification(file).withScore("score");
    }

    static Dataset regression(String file) {
        return Dataset.fromCsv(fixture(file)).withLabel("y").withPrediction("y_hat");
    }

    static AbstractMetricAssert<?> score(Dataset data, String metric) {
        SliceAssert overall = assertThat(Model.logged("m", data)).overall();
        return switch (metric) {
            case "roc_auc" -> overall.rocAuc();
            case "average_precision" -> overall.averagePrecision();
            case "log_loss" -> overall.logLoss();
            case "brier_score" -> overall.brierScore();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    @Nested
    class GoodFilesWork {

        @Test
        void score_metrics_on_a_clean_file() {
            // person scores 0.9, 0.4, 0.8; none scores 0.2, 0.6: 5 of 6 pairs ordered
            Dataset data = scored("scored_ok.csv");

            assertThat(score(data, "roc_auc").actual().value()).isCloseTo(5.0 / 6, within(1e-12));
            assertThat(score(data, "brier_score").actual().value())
                    .isCloseTo((0.01 + 0.36 + 0.04 + 0.04 + 0.36) / 5, within(1e-12));
            assertThat(score(data, "log_loss").actual().value()).isCloseTo(
                    -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(0.8) + Math.log(0.4)) / 5, within(1e-12));
        }

        @Test
        void regression_metrics_on_a_clean_file() {
            // errors 0.5, 0.5, -1, 0 on y = 1, 2, 4, 3
            Model model = Model.logged("reg", regression("regression_ok.csv"));

            assertThat(assertThat(model).overall().mae().actual().value()).isCloseTo(0.5, within(1e-12));
            assertThat(assertThat(model).overall().mse().actual().value()).isCloseTo(0.375, within(1e-12));
            assertThat(assertThat(model).overall().rmse().actual().value()).isCloseTo(Math.sqrt(0.375), within(1e-12));
            assertThat(assertThat(model).overall().r2().actual().value()).isCloseTo(1 - 1.5 / 5, within(1e-12));
            assertThat(assertThat(model).overall().mape().actual().value()).isCloseTo(0.25, within(1e-12));
        }
    }

    @Nested
    class FilesAndColumns {

        @Test
        void a_missing_file_names_the_path() {
            Path path = missingFixture("no_such_predictions.csv");
            Model model = Model.logged("m", Dataset.fromCsv(path).withLabel("label").withPrediction("predicted"));

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("no_such_predictions.csv")
                    .hasMessageContaining(path.getParent().getFileName().toString());
        }

        @Test
        void an_unknown_label_column_lists_the_columns() {
            Dataset data = Dataset.fromCsv(fixture("scored_ok.csv")).withLabel("truth").withPrediction("predicted");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'truth'")
                    .hasMessageContaining("[id, label, predicted, score, camera]")
                    .hasMessageContaining("scored_ok.csv");
        }

        @Test
        void an_unknown_prediction_column_lists_the_columns() {
            Dataset data = Dataset.fromCsv(fixture("scored_ok.csv")).withLabel("label").withPrediction("pred");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'pred'")
                    .hasMessageContaining("[id, label, predicted, score, camera]");
        }

        @Test
        void an_unknown_score_column_lists_the_columns() {
            Dataset data = classification("scored_ok.csv").withScore("probability");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().rocAuc().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'probability'")
                    .hasMessageContaining("[id, label, predicted, score, camera]");
        }

        @Test
        void no_label_role_says_to_call_withLabel() {
            Dataset data = Dataset.fromCsv(fixture("scored_ok.csv")).withPrediction("predicted");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("withLabel");
        }

        @Test
        void no_prediction_role_says_to_call_withPrediction() {
            Dataset data = Dataset.fromCsv(fixture("scored_ok.csv")).withLabel("label");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("withPrediction");
        }

        @Test
        void no_score_role_says_to_call_withScore() {
            assertThatThrownBy(() -> score(classification("scored_ok.csv"), "roc_auc").isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("withScore");
        }

        @Test
        void an_empty_dataset_fails_clearly() {
            Model model = Model.logged("m", scored("header_only.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isBelow(1.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("header_only")
                    .hasMessageContaining("no rows");
        }

        @Test
        void an_empty_dataset_is_no_pass_even_for_size() {
            Model model = Model.logged("m", scored("header_only.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().size().isAtMost(0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("no rows");
        }
    }

    @Nested
    class MissingValues {

        @Test
        void a_missing_label_names_file_and_line() {
            Model model = Model.logged("m", classification("missing_label.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("missing_label.csv line 4")
                    .hasMessageContaining("label");
        }

        @Test
        void a_missing_label_is_an_error_even_when_the_row_is_outside_the_slice() {
            // row of line 4 is predicted "person"; the slice of rows predicted "none" does not hold it
            Model model = Model.logged("m", classification("missing_label.csv"));

            assertThatThrownBy(() -> assertThat(model).onSlice("predicted=none").accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("line 4");
        }

        @Test
        void a_missing_prediction_names_file_and_line() {
            Model model = Model.logged("m", classification("missing_prediction.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("missing_prediction.csv line 5")
                    .hasMessageContaining("prediction");
        }
    }

    @Nested
    class BadScores {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
            "score_nan.csv,      roc_auc,           3",
            "score_nan.csv,      log_loss,          3",
            "score_infinite.csv, roc_auc,           4",
            "score_infinite.csv, average_precision, 4",
            "score_empty.csv,    roc_auc,           5",
            "score_empty.csv,    brier_score,       5",
            "score_text.csv,     roc_auc,           3",
            "score_text.csv,     log_loss,          3",
        })
        void a_bad_score_names_file_line_and_column(String file, String metric, int line) {
            assertThatThrownBy(() -> score(scored(file), metric).isAbove(0.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining(file + " line " + line)
                    .hasMessageContaining("column 'score'");
        }

        @Test
        void the_message_says_what_is_wrong_with_the_score() {
            assertThatThrownBy(() -> score(scored("score_nan.csv"), "roc_auc").isAbove(0.0)).hasMessageContaining("NaN");
            assertThatThrownBy(() -> score(scored("score_infinite.csv"), "roc_auc").isAbove(0.0))
                    .hasMessageContaining("Infinity");
            assertThatThrownBy(() -> score(scored("score_empty.csv"), "roc_auc").isAbove(0.0))
                    .hasMessageContaining("missing");
            assertThatThrownBy(() -> score(scored("score_text.csv"), "roc_auc").isAbove(0.0))
                    .hasMessageContaining("'high'");
        }

        @Test
        void a_bad_score_row_outside_the_slice_is_still_an_error() {
            // line 3 (NaN) is a "none" row; the slice holds only persons
            assertThatThrownBy(() -> assertThat(Model.logged("m", scored("score_nan.csv"))).onSlice("label=person")
                    .logLoss().isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("line 3");
        }

        @Test
        void a_nan_score_does_not_matter_to_a_metric_that_uses_no_score() {
            // 2 of 3 rows right; the NaN score is only checked when a score metric is asked
            Model model = Model.logged("m", scored("score_nan.csv"));

            assertThat(assertThat(model).overall().accuracy().actual().value()).isCloseTo(2.0 / 3, within(1e-12));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"log_loss", "brier_score"})
        void a_probability_above_one_is_rejected_by_probability_metrics(String metric) {
            assertThatThrownBy(() -> score(scored("score_above_one.csv"), metric).isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining(metric)
                    .hasMessageContaining("[0, 1]")
                    .hasMessageContaining("score_above_one.csv line 5")
                    .hasMessageContaining("column 'score'")
                    .hasMessageContaining("1.2");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"log_loss", "brier_score"})
        void a_negative_probability_is_rejected_by_probability_metrics(String metric) {
            assertThatThrownBy(() -> score(scored("score_below_zero.csv"), metric).isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("score_below_zero.csv line 3")
                    .hasMessageContaining("-0.1");
        }

        @Test
        void a_probability_outside_the_unit_interval_is_fine_for_ranking_metrics() {
            // ROC AUC only ranks scores: persons 0.9, 0.4, -0.1; none 0.1, 1.2 -> 2 of 6 pairs ordered
            assertThat(score(scored("score_above_one.csv"), "roc_auc").actual().value())
                    .isCloseTo(2.0 / 6, within(1e-12));
        }

        @Test
        void an_out_of_range_probability_outside_the_slice_is_still_an_error() {
            // line 5 (1.2) is a "none" row; the slice holds only persons
            assertThatThrownBy(() -> assertThat(Model.logged("m", scored("score_above_one.csv"))).onSlice("label=person")
                    .brierScore().isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("line 5");
        }
    }

    @Nested
    class BadRegressionValues {

        static Function<SliceAssert, MetricAssert> metric(String name) {
            return switch (name) {
                case "mae" -> SliceAssert::mae;
                case "rmse" -> SliceAssert::rmse;
                case "r2" -> SliceAssert::r2;
                default -> throw new IllegalArgumentException(name);
            };
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"mae", "rmse", "r2"})
        void a_non_numeric_target_names_file_line_column_and_value(String name) {
            Model model = Model.logged("reg", regression("regression_text_target.csv"));

            assertThatThrownBy(() -> metric(name).apply(assertThat(model).overall()).isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("regression_text_target.csv line 4")
                    .hasMessageContaining("column 'y'")
                    .hasMessageContaining("'n/a'");
        }

        @Test
        void a_non_numeric_prediction_names_file_line_column_and_value() {
            Model model = Model.logged("reg", regression("regression_text_prediction.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().mae().isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("regression_text_prediction.csv line 4")
                    .hasMessageContaining("column 'y_hat'")
                    .hasMessageContaining("'oops'");
        }

        @Test
        void a_nan_target_names_file_line_and_column() {
            Model model = Model.logged("reg", regression("regression_nan_target.csv"));

            assertThatThrownBy(() -> assertThat(model).overall().mae().isBelow(10.0))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("regression_nan_target.csv line 3")
                    .hasMessageContaining("column 'y'")
                    .hasMessageContaining("NaN");
        }
    }
}
