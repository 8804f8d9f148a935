package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import org.junit.jupiter.api.Test;

class BootstrapNotesTest {

    @Test
    void resamples_where_the_metric_is_undefined_are_counted_in_a_note() {
        // GIVEN 5 examples, one of class b: many resamples hold no b at all, where kappa is undefined
        Dataset data = Dataset.builder("tiny").columns("label", "predicted")
                .row("a", "a").row("a", "a").row("a", "a").row("a", "a").row("b", "b").build()
                .withLabel("label").withPrediction("predicted");
        // WHEN
        MetricValue kappa = assertThat(Model.logged("m", data)).overall().cohenKappa().actual();
        // THEN P(no b in 5 draws) = 0.8^5 ≈ 33% of 10,000 resamples
        assertThat(kappa.value()).isEqualTo(1.0);
        assertThat(kappa.notes()).anySatisfy(note -> {
            assertThat(note).contains("bootstrap resamples where cohen_kappa is undefined were left out");
            int count = Integer.parseInt(note.substring(0, note.indexOf(' ')));
            assertThat(count).isBetween(3_000, 3_600);
        });
    }

    @Test
    void a_well_defined_metric_has_no_such_note() {
        Dataset data = Dataset.builder("even").columns("label", "predicted")
                .row("a", "a").row("b", "b").row("a", "b").row("b", "a").row("a", "a").row("b", "b").build()
                .withLabel("label").withPrediction("predicted").withPositiveClass("a");
        MetricValue f1 = assertThat(Model.logged("m", data)).overall().f1().actual();
        assertThat(f1.notes()).noneMatch(n -> n.contains("bootstrap resamples"));
    }
}
