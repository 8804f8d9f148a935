package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.scope.QualityScope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A risk score or a biomarker without a predicted class: ranking and probability metrics, and a threshold. */
class ScoreOnlyModelTest {

    /** 10 patients: outcome, and two markers (s100b ranks better than ndka). */
    static Dataset patients() {
        DatasetBuilder b = Dataset.builder("patients").columns("id", "outcome", "s100b", "ndka");
        double[][] rows = {{1, 0.9, 0.6}, {1, 0.8, 0.3}, {1, 0.7, 0.8}, {1, 0.35, 0.2}, {0, 0.4, 0.7}, {0, 0.3, 0.1},
            {0, 0.2, 0.5}, {0, 0.1, 0.4}, {0, 0.05, 0.9}, {0, 0.15, 0.05}};
        for (int i = 0; i < rows.length; i++) {
            b.row("p" + i, rows[i][0] == 1 ? "poor" : "good", rows[i][1], rows[i][2]);
        }
        return b.build().withId("id").withLabel("outcome").withPositiveClass("poor");
    }

    static final Dataset DATA = patients();
    static final Model S100B = Model.logged("s100b", DATA.withScore("s100b"));
    static final Model NDKA = Model.logged("ndka", DATA.withScore("ndka"));

    @Test
    void ranking_and_probability_metrics_need_only_a_label_and_a_score() {
        MetricValue auc = assertThat(S100B).overall().rocAuc().actual();
        // 4 positives, 6 negatives: 23 of 24 pairs ranked right (0.35 < 0.4)
        assertThat(auc.value()).isCloseTo(23.0 / 24, within(1e-12));
        assertThat(assertThat(S100B).overall().averagePrecision().actual().isDefined()).isTrue();
        assertThat(assertThat(S100B).overall().brierScore().actual().value()).isPositive();
    }

    @Test
    void threshold_metrics_say_how_to_derive_classes() {
        assertThatThrownBy(() -> assertThat(S100B).overall().recall().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("gives scores only").hasMessageContaining("withThreshold(0.5)");
    }

    @Test
    void with_a_threshold_the_positive_class_is_predicted_where_the_score_reaches_it() {
        Model thresholded = Model.logged("s100b", DATA.withScore("s100b").withThreshold(0.5));
        // scores >= 0.5: 0.9, 0.8, 0.7 (all poor): recall 3/4, precision 3/3
        assertThat(assertThat(thresholded).overall().recall().actual().value()).isEqualTo(0.75);
        assertThat(assertThat(thresholded).overall().precision().actual().value()).isEqualTo(1.0);
    }

    @Test
    void two_score_only_models_on_the_same_examples_are_compared_by_paired_delong() {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.standalone().collecting(results::add, r -> { }).run(() ->
                assertThat(NDKA).overall().rocAuc().isNotSignificantlyWorseThan(S100B));
        ComparisonResult c = results.get(0).slices().get(0).comparison().orElseThrow();
        assertThat(c.test()).isEqualTo("delong-paired");
        assertThat(c.paired()).isTrue();
        assertThat(c.referenceValue()).isCloseTo(23.0 / 24, within(1e-12));
    }
}
