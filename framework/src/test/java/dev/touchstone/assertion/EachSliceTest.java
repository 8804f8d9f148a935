package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code onEachSliceOf(column)}: every slice judged, all failures in one error, natural order, no row dropped. */
class EachSliceTest {

    /**
     * Accuracy per camera: front 10/10, rear 5/10, side 2/10, and 4 rows without a camera, 4/4.
     * Rows are added in a scrambled camera order so that the output order is the code's doing.
     */
    static final Dataset CAMERAS = cameras();

    private static Dataset cameras() {
        DatasetBuilder b = Dataset.builder("cams").columns("label", "predicted", "camera");
        add(b, "side", 2, 8);
        add(b, "front", 10, 0);
        add(b, null, 4, 0);
        add(b, "rear", 5, 5);
        return b.build().withLabel("label").withPrediction("predicted");
    }

    /** {@code right} correct rows and {@code wrong} wrong ones, all with label "1". */
    private static void add(DatasetBuilder b, String camera, int right, int wrong) {
        for (int i = 0; i < right; i++) {
            b.row("1", "1", camera);
        }
        for (int i = 0; i < wrong; i++) {
            b.row("1", "0", camera);
        }
    }

    static Model model() {
        return Model.logged("cam-model", CAMERAS);
    }

    @Nested
    class OneErrorForAllFailingSlices {

        @Test
        void every_failing_slice_is_reported_not_only_the_first() {
            // WHEN accuracy must be at least 0.8 on every camera
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(model()).onEachSliceOf("camera").accuracy().isAtLeast(0.8));

            // THEN rear (0.5) and side (0.2) fail, in one error
            assertThat(error).isNotInstanceOf(InconclusiveQualityError.class);
            assertThat(error.result().slices()).extracting(s -> s.slice() + ":" + s.verdict()).containsExactly(
                    "camera=front:PASSED", "camera=rear:FAILED", "camera=side:FAILED", "camera is missing:PASSED");
            assertThat(error.getMessage())
                    .contains("2 of 4 slices did not pass")
                    .contains("accuracy on slice camera=rear is 0.500")
                    .contains("accuracy on slice camera=side is 0.200");
        }

        @Test
        void passing_slices_are_listed_in_the_summary_too() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(model()).onEachSliceOf("camera").accuracy().isAtLeast(0.8));

            assertThat(error.getMessage().lines().filter(l -> l.contains("PASSED")))
                    .anySatisfy(l -> assertThat(l).contains("camera=front").contains("1.000"))
                    .anySatisfy(l -> assertThat(l).contains("camera is missing").contains("1.000"));
            // the passing slices get no detailed block, the failing ones do
            assertThat(error.getMessage()).doesNotContain("accuracy on slice camera=front is");
        }

        @Test
        void every_slice_is_evaluated_even_after_a_failure() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(model()).onEachSliceOf("camera").accuracy().isAtLeast(0.99));

            assertThat(error.result().count(Verdict.FAILED)).isEqualTo(2);
            assertThat(error.result().count(Verdict.PASSED)).isEqualTo(2);
        }

        @Test
        void a_failure_outweighs_an_inconclusive_slice() {
            // WHEN judged with 95% confidence against 0.7: front 10/10 has Wilson low 0.722 (PASSED),
            // (missing) 4/4 has low 0.51 (INCONCLUSIVE), rear 5/10 high 0.79 (INCONCLUSIVE),
            // side 2/10 high 0.51 (FAILED)
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(model()).onEachSliceOf("camera").accuracy().withConfidence(0.95).isAtLeast(0.7));

            assertThat(error).isNotInstanceOf(InconclusiveQualityError.class);
            assertThat(error.result().verdict()).isEqualTo(Verdict.FAILED);
            assertThat(error.result().slices()).extracting(SliceResult::verdict).containsExactly(
                    Verdict.PASSED, Verdict.INCONCLUSIVE, Verdict.FAILED, Verdict.INCONCLUSIVE);
            assertThat(error.getMessage()).contains("3 of 4 slices did not pass")
                    .contains("camera=rear").contains("camera=side").contains("camera is missing");
        }

        @Test
        void all_slices_passing_throws_nothing() {
            Map<String, MetricValue> values = assertThat(model()).onEachSliceOf("camera").accuracy()
                    .isAtLeast(0.1).actuals();

            assertThat(values).hasSize(4);
        }
    }

    @Nested
    class NoRowIsDropped {

        @Test
        void rows_without_a_value_form_a_missing_slice() {
            Map<String, MetricValue> values = assertThat(model()).onEachSliceOf("camera").size().actuals();

            assertThat(values).containsOnlyKeys("camera=front", "camera=rear", "camera=side", "camera is missing");
            assertThat(values.get("camera is missing").value()).isEqualTo(4.0);
        }

        @Test
        void the_slices_cover_every_row_exactly_once() {
            Map<String, MetricValue> values = assertThat(model()).onEachSliceOf("camera").accuracy().actuals();

            assertThat(values.values().stream().mapToLong(MetricValue::n).sum()).isEqualTo(CAMERAS.size()).isEqualTo(34);
            assertThat(values).extractingByKeys("camera=front", "camera=rear", "camera=side", "camera is missing")
                    .extracting(MetricValue::n).containsExactly(10L, 10L, 10L, 4L);
        }

        @Test
        void a_numeric_column_with_missing_values_gets_a_missing_slice_too() {
            Dataset data = Dataset.builder("hours").columns("label", "predicted", "hour")
                    .row("1", "1", 3).row("1", "0", null).row("0", "0", 3).row("0", "1", 7).build()
                    .withLabel("label").withPrediction("predicted");

            Map<String, MetricValue> values = assertThat(Model.logged("m", data)).onEachSliceOf("hour").size().actuals();

            assertThat(values.keySet()).containsExactly("hour=3", "hour=7", "hour is missing");
            assertThat(values.values()).extracting(MetricValue::value).containsExactly(2.0, 1.0, 1.0);
        }

        @Test
        void a_value_written_like_the_missing_label_does_not_hide_a_slice() {
            // GIVEN a camera literally named "(missing)" and a row without a camera
            Dataset data = Dataset.builder("odd").columns("label", "predicted", "camera")
                    .row("1", "1", "(missing)").row("1", "0", null).row("0", "0", "x").build()
                    .withLabel("label").withPrediction("predicted");

            // THEN actuals() still reports three slices covering the three rows
            Map<String, MetricValue> values = assertThat(Model.logged("m", data)).onEachSliceOf("camera").size().actuals();
            assertThat(values.values().stream().mapToDouble(MetricValue::value).sum()).isEqualTo(3.0);
        }

        @Test
        void a_column_without_missing_values_has_no_missing_slice() {
            Dataset data = Dataset.builder("plain").columns("label", "predicted", "site")
                    .row("1", "1", "a").row("0", "0", "b").build().withLabel("label").withPrediction("predicted");

            assertThat(assertThat(Model.logged("m", data)).onEachSliceOf("site").size().actuals())
                    .containsOnlyKeys("site=a", "site=b");
        }
    }

    @Nested
    class NaturalOrder {

        @Test
        void numbers_are_ordered_numerically() {
            Dataset data = Dataset.builder("ids").columns("label", "predicted", "cam")
                    .row("1", "1", 10).row("1", "1", 2).row("1", "1", 33).row("1", "1", 1).row("1", "1", -4)
                    .build().withLabel("label").withPrediction("predicted");

            assertThat(assertThat(Model.logged("m", data)).onEachSliceOf("cam").size().actuals().keySet())
                    .containsExactly("cam=-4", "cam=1", "cam=2", "cam=10", "cam=33");
        }

        @Test
        void numbers_written_as_text_among_words_come_first_in_numeric_order() {
            Dataset data = Dataset.builder("mixed").columns("label", "predicted", "cam")
                    .row("1", "1", "b").row("1", "1", "10").row("1", "1", "a").row("1", "1", "9").row("1", "1", "B")
                    .build().withLabel("label").withPrediction("predicted");

            assertThat(assertThat(Model.logged("m", data)).onEachSliceOf("cam").size().actuals().keySet())
                    .containsExactly("cam=9", "cam=10", "cam=B", "cam=a", "cam=b");
        }

        @Test
        void the_error_lists_slices_in_the_same_order() {
            Dataset data = Dataset.builder("ids").columns("label", "predicted", "cam")
                    .row("1", "0", 10).row("1", "0", 2).row("1", "0", 1).build()
                    .withLabel("label").withPrediction("predicted");

            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(Model.logged("m", data)).onEachSliceOf("cam").accuracy().isAbove(0.5));

            String message = error.getMessage();
            assertThat(message.indexOf("cam=1 ")).isLessThan(message.indexOf("cam=2 "));
            assertThat(message.indexOf("cam=2 ")).isLessThan(message.indexOf("cam=10 "));
        }
    }

    @Test
    void an_unknown_column_fails_listing_the_columns() {
        assertThatThrownBy(() -> assertThat(model()).onEachSliceOf("camrea").accuracy().isAbove(0.5))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("'camrea'")
                .hasMessageContaining("[label, predicted, camera]");
    }
}
