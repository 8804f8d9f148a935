package dev.touchstone.model;

import dev.touchstone.model.internal.Predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one builder of predictions, for in-process models and models behind an endpoint alike. */
class PredictionColumnsTest {

    static final String WHO = "model 'm' at http://h/p";

    static Table rows(int n) {
        var b = Dataset.builder("d").columns("x");
        for (int i = 0; i < n; i++) {
            b.row(i);
        }
        return b.build().table();
    }

    @Test
    void labels_become_a_categorical_column_named_after_the_model_in_order_of_appearance() {
        Predictions p = PredictionColumns.of("m", WHO, rows(3),
                new Prediction[] {Prediction.of("b"), Prediction.of("a"), Prediction.of("b")});

        assertThat(p.predicted()).isInstanceOf(CategoricalColumn.class);
        assertThat(p.predicted().asCategorical().values()).as("classes").containsExactly("b", "a");
        assertThat(List.of(p.predicted().text(0), p.predicted().text(1), p.predicted().text(2)))
                .containsExactly("b", "a", "b");
        assertThat(p.predicted().name()).isEqualTo("m");
        assertThat(p.scoreColumn()).isEmpty();
        assertThat(p.origin()).isEqualTo("model 'm'");
    }

    @Test
    void scores_on_every_row_become_a_score_column() {
        Predictions p = PredictionColumns.of("m", WHO, rows(2),
                new Prediction[] {Prediction.of("1", 0.9), Prediction.of("0", 0.2)});

        NumericColumn scores = (NumericColumn) p.scoreColumn().orElseThrow();
        assertThat(scores.value(0)).isEqualTo(0.9);
        assertThat(scores.value(1)).isEqualTo(0.2);
    }

    @Test
    void numbers_become_a_numeric_column() {
        Predictions p = PredictionColumns.of("m", WHO, rows(2),
                new Prediction[] {Prediction.ofValue(1.5), Prediction.ofValue(-2)});

        assertThat(((NumericColumn) p.predicted()).value(1)).isEqualTo(-2.0);
        assertThat(p.scoreColumn()).isEmpty();
    }

    @Test
    void scores_on_some_rows_only_and_mixed_kinds_name_the_model_and_a_row() {
        assertThatThrownBy(() -> PredictionColumns.of("m", WHO, rows(3),
                new Prediction[] {Prediction.of("1", 0.9), Prediction.of("0"), Prediction.of("0")}))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(WHO + " gave a score for some rows but not for dataset 'd' row 2 (2 rows without a score)");
        assertThatThrownBy(() -> PredictionColumns.of("m", WHO, rows(2),
                new Prediction[] {Prediction.of("1"), Prediction.ofValue(1)}))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(WHO + " mixes class predictions and numeric predictions; see dataset 'd' row 2");
        assertThatThrownBy(() -> PredictionColumns.of("m", WHO, rows(2),
                new Prediction[] {Prediction.ofValue(1), Prediction.of("1")}))
                .hasMessage(WHO + " mixes class predictions and numeric predictions; see dataset 'd' row 2");
    }
}
