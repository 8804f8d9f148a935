package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static dev.touchstone.assertion.DslTestData.Z90;
import static dev.touchstone.assertion.DslTestData.Z95;
import static dev.touchstone.assertion.DslTestData.Z99;
import static dev.touchstone.assertion.DslTestData.binary;
import static dev.touchstone.assertion.DslTestData.wilson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code actual()} and {@code actuals()}: the evaluated evidence, at the statement's level. */
class ActualValuesTest {

    /** 90 correct of 100; recall = 45/50, precision = 45/50. */
    static Model ninety() {
        return Model.logged("m", binary("toy", 45, 5, 5, 45));
    }

    @Nested
    class SingleSlice {

        @Test
        void accuracy_value_n_and_wilson_interval_at_the_default_level() {
            MetricValue accuracy = QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> assertThat(ninety()).overall().accuracy().actual());

            assertThat(accuracy.metric()).isEqualTo("accuracy");
            assertThat(accuracy.slice()).isEqualTo("overall");
            assertThat(accuracy.value()).isEqualTo(0.9);
            assertThat(accuracy.n()).isEqualTo(100);
            assertThat(accuracy.isDefined()).isTrue();
            double[] expected = wilson(90, 100, Z95);
            assertThat(accuracy.interval().level()).isEqualTo(0.95);
            assertThat(accuracy.interval().method()).isEqualTo("wilson");
            assertThat(accuracy.interval().low()).isCloseTo(expected[0], within(1e-9));
            assertThat(accuracy.interval().high()).isCloseTo(expected[1], within(1e-9));
        }

        @ParameterizedTest(name = "level {0}")
        @CsvSource({"0.90, 1.6448536269514722", "0.95, 1.959963984540054", "0.99, 2.5758293035489004"})
        void the_interval_level_follows_withConfidence(double level, double z) {
            MetricValue recall = assertThat(ninety()).overall().recall().withConfidence(level).actual();

            double[] expected = wilson(45, 50, z);
            assertThat(recall.interval().level()).isEqualTo(level);
            assertThat(recall.interval().low()).isCloseTo(expected[0], within(1e-9));
            assertThat(recall.interval().high()).isCloseTo(expected[1], within(1e-9));
        }

        @Test
        void higher_levels_give_wider_nested_intervals() {
            MetricValue at90 = assertThat(ninety()).overall().accuracy().withConfidence(0.90).actual();
            MetricValue at99 = assertThat(ninety()).overall().accuracy().withConfidence(0.99).actual();

            assertThat(at99.interval().low()).isLessThan(at90.interval().low());
            assertThat(at99.interval().high()).isGreaterThan(at90.interval().high());
            assertThat(at90.interval().low()).isCloseTo(wilson(90, 100, Z90)[0], within(1e-9));
            assertThat(at99.interval().low()).isCloseTo(wilson(90, 100, Z99)[0], within(1e-9));
        }

        @Test
        void without_withConfidence_the_level_comes_from_the_settings() {
            TouchstoneSettings at80 = new TouchstoneSettings(42, 0.8, 1000, 0.05, InconclusivePolicy.FAIL);

            MetricValue accuracy = QualityScope.standalone().withSettings(at80).call(() -> assertThat(ninety()).overall().accuracy().actual());

            assertThat(accuracy.interval().level()).isEqualTo(0.8);
        }

        @Test
        void actual_does_not_judge_anything() {
            // a statement that would fail still gives its evidence
            assertThat(assertThat(ninety()).overall().accuracy().actual().value()).isEqualTo(0.9);
        }

        @Test
        void a_named_slice_is_reported_under_its_name() {
            Dataset data = binary("toy", 45, 5, 5, 45).withSlice("positives", where("label").isEqualTo("1"));

            MetricValue recall = assertThat(Model.logged("m", data)).onSlice("positives").accuracy().actual();

            assertThat(recall.slice()).isEqualTo("positives");
            assertThat(recall.n()).isEqualTo(50);
            assertThat(recall.value()).isEqualTo(0.9);
        }

        @Test
        void size_has_an_exact_interval() {
            MetricValue size = assertThat(ninety()).overall().size().withConfidence(0.9).actual();

            assertThat(size.value()).isEqualTo(100.0);
            assertThat(size.interval().low()).isEqualTo(100.0);
            assertThat(size.interval().high()).isEqualTo(100.0);
            assertThat(size.interval().level()).isEqualTo(0.9);
        }

        @Test
        void roc_auc_value_and_delong_interval() {
            // positives 0.9, 0.8, 0.3; negatives 0.7, 0.2: 5 of 6 pairs ranked right
            Dataset data = Dataset.builder("scores").columns("label", "predicted", "score")
                    .row("1", "1", 0.9).row("1", "1", 0.8).row("1", "0", 0.3).row("0", "1", 0.7).row("0", "0", 0.2)
                    .build().withLabel("label").withPrediction("predicted").withScore("score");

            MetricValue auc = assertThat(Model.logged("m", data)).overall().rocAuc().actual();

            assertThat(auc.value()).isCloseTo(5.0 / 6, within(1e-12));
            assertThat(auc.interval().method()).isEqualTo("delong+newcombe");
            assertThat(auc.interval().low()).isLessThan(auc.value());
            assertThat(auc.interval().high()).isGreaterThan(auc.value());
        }

        @Test
        void f1_value_and_bootstrap_interval() {
            // tp 45, fn 5, fp 5: F1 = 90 / (90 + 10) = 0.9
            MetricValue f1 = assertThat(ninety()).overall().f1().actual();

            assertThat(f1.metric()).isEqualTo("f1");
            assertThat(f1.value()).isCloseTo(0.9, within(1e-12));
            assertThat(f1.interval().method()).isEqualTo("bootstrap-percentile");
            assertThat(f1.interval().low()).isBetween(0.75, 0.9);
            assertThat(f1.interval().high()).isBetween(0.9, 1.0);
        }
    }

    @Nested
    class SeveralSlices {

        static final Dataset CAMS = Dataset.builder("cams").columns("label", "predicted", "camera")
                .row("1", "1", "rear").row("1", "0", "rear")
                .row("1", "1", "front").row("0", "0", "front").row("0", "0", "front").row("1", "0", "front")
                .build().withLabel("label").withPrediction("predicted");

        @Test
        void actual_on_several_slices_points_to_actuals() {
            assertThatThrownBy(() -> assertThat(Model.logged("m", CAMS)).onEachSliceOf("camera").accuracy().actual())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("actuals()");
        }

        @Test
        void actuals_gives_every_slice_in_slice_order() {
            Map<String, MetricValue> values = assertThat(Model.logged("m", CAMS)).onEachSliceOf("camera").accuracy()
                    .withConfidence(0.9).actuals();

            assertThat(values.keySet()).containsExactly("camera=front", "camera=rear");
            assertThat(values.get("camera=front").value()).isEqualTo(0.75);
            assertThat(values.get("camera=front").n()).isEqualTo(4);
            assertThat(values.get("camera=rear").value()).isEqualTo(0.5);
            assertThat(values.get("camera=rear").n()).isEqualTo(2);
            assertThat(values.values()).allSatisfy(v -> assertThat(v.interval().level()).isEqualTo(0.9));
            assertThat(values.get("camera=front").interval().low()).isCloseTo(wilson(3, 4, Z90)[0], within(1e-9));
        }

        @Test
        void actuals_is_read_only() {
            Map<String, MetricValue> values = assertThat(Model.logged("m", CAMS)).onEachSliceOf("camera").accuracy()
                    .actuals();

            assertThatThrownBy(values::clear).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void actuals_of_a_single_slice_statement_has_one_entry() {
            assertThat(assertThat(Model.logged("m", CAMS)).onSlice("camera=rear").accuracy().actuals())
                    .containsOnlyKeys("camera=rear");
        }
    }
}
