package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.assertion.DslTestData.binary;
import static dev.touchstone.assertion.DslTestData.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchstone.assertion.DslTestData.Outcome;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.Metric;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user-defined metric: its value on the slice and a percentile-bootstrap interval over rows. */
class CustomMetricTest {

    /** Share of examples predicted "1". */
    static final Metric PREDICTED_POSITIVE_RATE = Metric.of("predicted_positive_rate", true, in -> {
        int ones = 0;
        for (int i = 0; i < in.size(); i++) {
            if (in.predicted(i).equals("1")) {
                ones++;
            }
        }
        return (double) ones / in.size();
    });

    /** 24 TP, 6 FN, 6 FP, 64 TN: 30 of 100 predicted "1". */
    static final Dataset DATA = binary("custom", 24, 6, 6, 64);

    @Test
    void the_value_is_the_function_on_the_slice() {
        MetricValue rate = assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE).actual();

        assertThat(rate.metric()).isEqualTo("predicted_positive_rate");
        assertThat(rate.value()).isCloseTo(0.3, within(1e-12));
        assertThat(rate.n()).isEqualTo(100);
    }

    @Test
    void the_function_sees_only_the_slice_rows() {
        // among the 30 rows labelled "1", 24 are predicted "1"
        MetricValue rate = assertThat(Model.logged("m", DATA)).onSlice("label=1").metric(PREDICTED_POSITIVE_RATE)
                .actual();

        assertThat(rate.value()).isCloseTo(0.8, within(1e-12));
        assertThat(rate.n()).isEqualTo(30);
    }

    @Test
    void the_interval_is_a_percentile_bootstrap_close_to_the_normal_approximation() {
        MetricValue rate = QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE).actual());

        // a proportion 0.3 of 100: 0.3 ± 1.96 · √(0.3 · 0.7 / 100) = [0.210, 0.390]
        double half = DslTestData.Z95 * Math.sqrt(0.3 * 0.7 / 100);
        assertThat(rate.interval().method()).isEqualTo("bootstrap-percentile");
        assertThat(rate.interval().level()).isEqualTo(0.95);
        assertThat(rate.interval().low()).isCloseTo(0.3 - half, within(0.02));
        assertThat(rate.interval().high()).isCloseTo(0.3 + half, within(0.02));
    }

    @Test
    void the_interval_level_follows_withConfidence() {
        MetricValue at80 = assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE)
                .withConfidence(0.8).actual();
        MetricValue at99 = assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE)
                .withConfidence(0.99).actual();

        assertThat(at80.interval().level()).isEqualTo(0.8);
        assertThat(at99.interval().low()).isLessThan(at80.interval().low());
        assertThat(at99.interval().high()).isGreaterThan(at80.interval().high());
    }

    @Test
    void the_interval_is_reproducible() {
        MetricValue first = assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE).actual();
        MetricValue second = assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE).actual();

        assertThat(second.interval()).isEqualTo(first.interval());
    }

    @Test
    void it_is_judged_like_a_built_in_metric() {
        Model model = Model.logged("m", DATA);

        assertThat(outcomeOf(() -> assertThat(model).overall().metric(PREDICTED_POSITIVE_RATE).isBelow(0.31)))
                .isEqualTo(Outcome.PASSED);
        assertThat(outcomeOf(() -> assertThat(model).overall().metric(PREDICTED_POSITIVE_RATE).isBelow(0.3)))
                .isEqualTo(Outcome.FAILED);
        assertThat(outcomeOf(() -> assertThat(model).overall().metric(PREDICTED_POSITIVE_RATE).withConfidence(0.95)
                .isBelow(0.31))).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(outcomeOf(() -> assertThat(model).overall().metric(PREDICTED_POSITIVE_RATE).withConfidence(0.95)
                .isBelow(0.6))).isEqualTo(Outcome.PASSED);
    }

    @Test
    void its_name_is_in_the_message() {
        QualityAssertionError error = assertThrows(QualityAssertionError.class,
                () -> assertThat(Model.logged("m", DATA)).overall().metric(PREDICTED_POSITIVE_RATE).isAbove(0.5));

        assertThat(error.getMessage()).startsWith("predicted_positive_rate on slice overall is ")
                .contains("expected above 0.500: FAILED");
        assertThat(MessageTemplateTest.fact(error.getMessage(), "metric")).isEqualTo("predicted_positive_rate");
        assertThat(MessageTemplateTest.fact(error.getMessage(), "interval")).endsWith("bootstrap-percentile");
    }

    @Test
    void per_slice_values() {
        Map<String, MetricValue> values = assertThat(Model.logged("m", DATA)).onEachSliceOf("label")
                .metric(PREDICTED_POSITIVE_RATE).actuals();

        assertThat(values.get("label=0").value()).isCloseTo(6.0 / 70, within(1e-12));
        assertThat(values.get("label=1").value()).isCloseTo(24.0 / 30, within(1e-12));
    }

    @Test
    void a_regression_metric_reads_targets_and_estimates() {
        Dataset regression = Dataset.builder("reg").columns("y", "y_hat")
                .row(1.0, 1.5).row(2.0, 2.5).row(4.0, 3.0).row(3.0, 3.0).build().withLabel("y").withPrediction("y_hat");
        Metric overPredicted = Metric.of("share_over", false, in -> {
            int over = 0;
            for (int i = 0; i < in.size(); i++) {
                if (in.estimate(i) > in.target(i)) {
                    over++;
                }
            }
            return (double) over / in.size();
        });

        assertThat(assertThat(Model.logged("reg", regression)).overall().metric(overPredicted).actual().value())
                .isEqualTo(0.5);
    }

    @Test
    void a_custom_metric_can_use_scores() {
        Dataset scored = Dataset.builder("scored").columns("label", "predicted", "score")
                .row("1", "1", 0.9).row("0", "0", 0.2).row("1", "0", 0.4).row("0", "1", 0.7).build()
                .withLabel("label").withPrediction("predicted").withScore("score");
        Metric meanScore = Metric.of("mean_score", true, in -> {
            double sum = 0;
            for (int i = 0; i < in.size(); i++) {
                sum += in.score(i);
            }
            return sum / in.size();
        });

        assertThat(assertThat(Model.logged("m", scored)).overall().metric(meanScore).actual().value())
                .isCloseTo(0.55, within(1e-12));
    }
}
