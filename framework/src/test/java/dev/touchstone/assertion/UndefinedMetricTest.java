package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static dev.touchstone.assertion.DslTestData.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.DslTestData.Outcome;
import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.Metric;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.slice.Slice;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A slice without the examples a metric needs is INCONCLUSIVE, never a pass, whatever the
 * expectation: even {@code isBelow(1e9)}, which the conventional value (0 or NaN) would meet.
 */
class UndefinedMetricTest {

    /**
     * camera=front: only negatives (one false alarm); camera=rear: both classes;
     * camera=side: only positives, none detected.
     */
    static final Dataset DATA = Dataset.builder("cams")
            .columns("label", "predicted", "score", "camera")
            .row("0", "0", 0.1, "front")
            .row("0", "0", 0.2, "front")
            .row("0", "1", 0.7, "front")
            .row("1", "1", 0.9, "rear")
            .row("1", "0", 0.4, "rear")
            .row("0", "0", 0.3, "rear")
            .row("0", "1", 0.6, "rear")
            .row("1", "0", 0.2, "side")
            .row("1", "0", 0.3, "side")
            .build()
            .withLabel("label").withPrediction("predicted").withScore("score");

    static final Slice EMPTY = where("camera").isEqualTo("nowhere");

    static Model model() {
        return Model.logged("m", DATA);
    }

    static Stream<Arguments> everyClassificationMetric() {
        return Stream.of(
                metric("accuracy", SliceAssert::accuracy),
                metric("precision", SliceAssert::precision),
                metric("recall", SliceAssert::recall),
                metric("f1", SliceAssert::f1),
                metric("fbeta(2)", s -> s.fBeta(2)),
                metric("specificity", SliceAssert::specificity),
                metric("balanced_accuracy", SliceAssert::balancedAccuracy),
                metric("mcc", SliceAssert::mcc),
                metric("cohen_kappa", SliceAssert::cohenKappa),
                metric("roc_auc", SliceAssert::rocAuc),
                metric("average_precision", SliceAssert::averagePrecision),
                metric("log_loss", SliceAssert::logLoss),
                metric("brier_score", SliceAssert::brierScore),
                metric("custom", s -> s.metric(Metric.of("share_predicted_1", true, in -> {
                    int ones = 0;
                    for (int i = 0; i < in.size(); i++) {
                        ones += in.predicted(i).equals("1") ? 1 : 0;
                    }
                    return (double) ones / in.size();
                }))));
    }

    static Arguments metric(String name, Function<SliceAssert, AbstractMetricAssert<?>> pick) {
        return Arguments.of(name, pick);
    }

    @Nested
    class EmptySlice {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.touchstone.assertion.UndefinedMetricTest#everyClassificationMetric")
        void every_metric_on_an_empty_slice_is_inconclusive_whatever_the_bound(String name,
                Function<SliceAssert, AbstractMetricAssert<?>> pick) {
            assertThat(outcomeOf(() -> pick.apply(assertThat(model()).onSlice(EMPTY)).isBelow(1e9)))
                    .as("isBelow(1e9)").isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> pick.apply(assertThat(model()).onSlice(EMPTY)).isAbove(-1e9)))
                    .as("isAbove(-1e9)").isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> pick.apply(assertThat(model()).onSlice(EMPTY)).withConfidence(0.95)
                    .isBetween(-1e9, 1e9))).as("with confidence").isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void an_empty_slice_is_reported_with_n_zero_and_why() {
            assertThatThrownBy(() -> assertThat(model()).onSlice(EMPTY).accuracy().isBelow(1.0))
                    .isInstanceOf(InconclusiveQualityError.class)
                    .hasMessageContaining("camera = nowhere")
                    .hasMessageMatching("(?s).*\\bn\\s+: 0\\b.*")
                    .hasMessageContaining("no examples")
                    .hasMessageContaining("to decide");
        }

        @Test
        void an_empty_shorthand_slice_is_inconclusive_too() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=nowhere").recall().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void size_of_an_empty_slice_is_zero_so_a_minimum_size_fails() {
            MetricValue size = assertThat(model()).onSlice(EMPTY).size().actual();

            assertThat(size.value()).isZero();
            assertThat(size.n()).isZero();
            assertThat(outcomeOf(() -> assertThat(model()).onSlice(EMPTY).size().isAtLeast(1)))
                    .isEqualTo(Outcome.FAILED);
        }

        @Test
        void averaged_metrics_on_an_empty_slice_are_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice(EMPTY).f1().macro().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice(EMPTY).recall().micro().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice(EMPTY).precision().weighted().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void regression_metrics_on_an_empty_slice_are_inconclusive() {
            Dataset regression = Dataset.builder("reg").columns("y", "y_hat", "region")
                    .row(1.0, 1.5, "north").row(2.0, 2.5, "north").row(4.0, 3.0, "south").build()
                    .withLabel("y").withPrediction("y_hat");
            Model model = Model.logged("reg", regression);
            Slice nowhere = where("region").isEqualTo("west");

            for (Function<SliceAssert, MetricAssert> pick : java.util.List.<Function<SliceAssert, MetricAssert>>of(
                    SliceAssert::mae, SliceAssert::mse, SliceAssert::rmse, SliceAssert::r2, SliceAssert::mape)) {
                assertThat(outcomeOf(() -> pick.apply(assertThat(model).onSlice(nowhere)).isBelow(1e9)))
                        .isEqualTo(Outcome.INCONCLUSIVE);
            }
        }
    }

    @Nested
    class MetricUndefinedOnTheSlice {

        @Test
        void recall_without_positive_examples_is_inconclusive_even_for_isBelow_one() {
            // GIVEN camera=front has no example of the positive class '1': recall's convention is 0
            MetricValue recall = assertThat(model()).onSlice("camera=front").recall().actual();
            assertThat(recall.isDefined()).isFalse();
            assertThat(recall.value()).isZero();
            assertThat(recall.undefinedReason()).hasValueSatisfying(r -> assertThat(r).contains("'1'"));
            assertThat(recall.interval().isDefined()).isFalse();

            // THEN no expectation passes on it, with or without confidence
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").recall().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").recall().isAtLeast(0.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").recall().isAbove(0.5)))
                    .as("not a failure either: the data cannot tell").isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").recall().withConfidence(0.9)
                    .isAtMost(1.0))).isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void roc_auc_with_one_class_is_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").rocAuc().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=side").rocAuc().isAtLeast(0.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
            assertThatThrownBy(() -> assertThat(model()).onSlice("camera=front").rocAuc().isBelow(1.0))
                    .hasMessageContaining("roc_auc")
                    .hasMessageContaining("undefined");
        }

        @Test
        void roc_auc_is_defined_where_both_classes_occur() {
            // camera=rear: positives 0.9, 0.4; negatives 0.3, 0.6 -> 3 of 4 pairs ordered: 0.75
            assertThat(assertThat(model()).onSlice("camera=rear").rocAuc().actual().value()).isEqualTo(0.75);
        }

        @Test
        void precision_when_nothing_is_predicted_positive_is_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=side").precision().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void specificity_without_negatives_is_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=side").specificity().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void average_precision_without_positives_is_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").averagePrecision().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void mcc_with_a_single_true_class_is_inconclusive() {
            assertThat(outcomeOf(() -> assertThat(model()).onSlice("camera=front").mcc().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void cohen_kappa_when_labels_and_predictions_are_one_class_is_inconclusive() {
            Slice agreedNegatives = where("camera").isEqualTo("front").and(where("predicted").isEqualTo("0"));

            assertThat(outcomeOf(() -> assertThat(model()).onSlice(agreedNegatives).cohenKappa().isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void r2_with_a_constant_target_is_inconclusive() {
            Dataset constant = Dataset.builder("const").columns("y", "y_hat")
                    .row(3.0, 3.0).row(3.0, 3.0).row(3.0, 3.0).build().withLabel("y").withPrediction("y_hat");

            assertThat(outcomeOf(() -> assertThat(Model.logged("reg", constant)).overall().r2().isAbove(0.5)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void a_custom_metric_returning_nan_is_inconclusive() {
            Metric undefined = Metric.of("always_nan", true, in -> Double.NaN);

            assertThat(outcomeOf(() -> assertThat(model()).overall().metric(undefined).isBelow(1e9)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void an_undefined_slice_never_hides_among_passing_slices() {
            // GIVEN recall on each camera: rear 1/2, side 0/2, front undefined (no positives)
            InconclusiveQualityError error = org.junit.jupiter.api.Assertions.assertThrows(
                    InconclusiveQualityError.class,
                    () -> assertThat(model()).onEachSliceOf("camera").recall().isAtLeast(0.0));

            assertThat(error.result().slices()).extracting(s -> s.slice() + ":" + s.verdict())
                    .containsExactly("camera=front:INCONCLUSIVE", "camera=rear:PASSED", "camera=side:PASSED");
        }
    }
}
