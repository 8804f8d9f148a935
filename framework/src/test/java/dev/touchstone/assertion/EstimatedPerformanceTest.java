package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Performance estimated without labels (CBPE) and the calibration check it relies on. */
class EstimatedPerformanceTest {

    /** Scores uniform in [0, 1]; labels drawn from {@code labelProbability(score)} when {@code labelled}. */
    static Dataset logs(String name, int n, boolean labelled, boolean calibrated, long seed) {
        Random random = new Random(seed);
        DatasetBuilder b = labelled ? Dataset.builder(name).columns("score", "predicted", "label")
                : Dataset.builder(name).columns("score", "predicted");
        for (int i = 0; i < n; i++) {
            double s = random.nextDouble();
            String predicted = s >= 0.5 ? "spam" : "ham";
            double truth = calibrated ? s : (s >= 0.5 ? 0.6 : 0.4); // over-confident scores
            if (labelled) {
                b.row(s, predicted, random.nextDouble() < truth ? "spam" : "ham");
            } else {
                b.row(s, predicted);
            }
        }
        Dataset d = b.build().withScore("score").withPrediction("predicted").withPositiveClass("spam");
        return labelled ? d.withLabel("label") : d;
    }

    @Test
    void calibrated_scores_estimate_accuracy_without_labels() {
        Dataset reference = logs("reference", 4000, true, true, 1);
        Model model = Model.logged("filter", logs("today", 4000, false, true, 2));
        MetricValue estimate = assertThat(model).overall().estimatedAccuracy(reference).actual();
        // E[max(s, 1 - s)] = 0.75 for uniform scores
        assertThat(estimate.value()).isBetween(0.74, 0.76);
        assertThat(estimate.metric()).isEqualTo("estimated_accuracy");
        assertThat(estimate.interval().method()).isEqualTo("cbpe-simulated-labels");
        assertThat(estimate.interval().low()).isLessThan(estimate.value());
        assertThat(estimate.interval().high()).isGreaterThan(estimate.value());
        assertThat(estimate.interval().width()).isBetween(0.01, 0.04);
        assertThat(model).overall().estimatedAccuracy(reference).withConfidence(0.95).isAtLeast(0.7);
        assertThat(model).overall().estimatedF1(reference).isAbove(0.6);
    }

    @Test
    void over_confident_scores_are_not_trusted() {
        Dataset reference = logs("reference", 4000, true, false, 3);
        Model model = Model.logged("filter", logs("today", 4000, false, true, 4));
        assertThatThrownBy(() -> assertThat(model).overall().estimatedAccuracy(reference).isAtLeast(0.7))
                .isInstanceOf(InconclusiveQualityError.class)
                .hasMessageContaining("not calibrated enough")
                .hasMessageContaining("the labels give 0.5")
                .hasMessageContaining("expected calibration error");
    }

    @Test
    void it_needs_scores_a_positive_class_and_a_labelled_reference() {
        Dataset unlabelled = logs("ref", 100, false, true, 5);
        Model model = Model.logged("filter", logs("today", 100, false, true, 6));
        assertThatThrownBy(() -> assertThat(model).overall().estimatedRecall(unlabelled).isAtLeast(0.5))
                .isInstanceOf(QualityConfigurationException.class).hasMessageContaining("needs labels");
        Dataset noScores = Dataset.builder("x").columns("predicted").row("spam").build().withPrediction("predicted");
        assertThatThrownBy(() -> assertThat(Model.logged("m", noScores)).overall().estimatedPrecision(unlabelled).actual())
                .isInstanceOf(QualityConfigurationException.class).hasMessageContaining("withScore");
    }
}
