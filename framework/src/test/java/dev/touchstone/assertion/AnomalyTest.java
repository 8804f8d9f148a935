package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.previousWindows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.stats.internal.WindowAnomaly;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code isNotAnomalousComparedTo(previousWindows(k))} and fixed thresholds on time windows. */
class AnomalyTest {

    /** Right answers out of 200 per day, by language; days start 2026-12-01. */
    static final int[] STABLE = {181, 178, 180, 183, 179, 176, 182, 180, 184, 177, 181, 179, 180, 178, 182};

    static Model model(int[] en, int[] de) {
        DatasetBuilder b = Dataset.builder("days").columns("label", "predicted", "ts", "language");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        for (int day = 0; day < en.length; day++) {
            String ts = start.plus(Duration.ofDays(day)).plusSeconds(3600).toString();
            for (int i = 0; i < 200; i++) {
                b.row("1", i < en[day] ? "1" : "0", ts, "en");
                b.row("1", i < de[day] ? "1" : "0", ts, "de");
            }
        }
        return Model.logged("classifier", b.build().withLabel("label").withPrediction("predicted"));
    }

    static int[] droppedOnLastDay(int right) {
        int[] days = STABLE.clone();
        days[days.length - 1] = right;
        return days;
    }

    static List<StatementResult> collect(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.standalone().collecting(results::add, r -> { }).run(statement);
        return results;
    }

    @Test
    void a_stable_last_day_passes_and_a_drop_fails_with_the_test_in_the_result() {
        Model stable = model(STABLE, STABLE);
        assertThat(stable).onLastWindowOf("ts", Period.ofDays(1)).accuracy().isNotAnomalousComparedTo(previousWindows(14));
        Model dropped = model(droppedOnLastDay(150), STABLE);
        List<StatementResult> results = collect(() -> assertThat(dropped).onLastWindowOf("ts", Period.ofDays(1))
                .accuracy().isNotAnomalousComparedTo(previousWindows(14)));
        SliceResult slice = results.get(0).slices().get(0);
        assertThat(slice.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(slice.slice()).isEqualTo("ts@2026-12-15T00:00Z/P1D");
        ComparisonResult test = slice.comparison().orElseThrow();
        assertThat(test.test()).isEqualTo("window-prediction-t-arcsine");
        assertThat(test.source()).isEqualTo("previous-windows(14)");
        // the same numbers as the test on the windows' accuracies
        double[] reference = Arrays.stream(STABLE, 0, 14).mapToDouble(r -> 2 * r / 400.0).toArray();
        WindowAnomaly.Result expected = WindowAnomaly.test(reference, (150 + STABLE[14]) / 400.0, true, 0.95, true);
        assertThat(test.pValue()).isEqualTo(expected.pValue());
        assertThat(test.referenceValue()).isEqualTo(expected.mean());
        assertThat(slice.message()).contains("anomalous").contains("previous-windows(14)");
        assertThatThrownBy(() -> assertThat(dropped).onLastWindowOf("ts", Period.ofDays(1)).accuracy()
                .isNotAnomalousComparedTo(previousWindows(14))).isInstanceOf(QualityAssertionError.class);
    }

    @Test
    void crossed_with_languages_only_the_dropped_language_fails_after_holm() {
        Model model = model(STABLE, droppedOnLastDay(150));
        List<StatementResult> results = collect(() -> assertThat(model).onEachSliceOf("language")
                .onLastWindowOf("ts", Duration.ofDays(1)).accuracy().isNotAnomalousComparedTo(previousWindows(14)));
        List<SliceResult> slices = results.get(0).slices();
        assertThat(slices).extracting(SliceResult::slice).containsExactly("language=de & ts@2026-12-15T00:00Z/P1D",
                "language=en & ts@2026-12-15T00:00Z/P1D");
        assertThat(slices).extracting(SliceResult::verdict).containsExactly(Verdict.FAILED, Verdict.PASSED);
        assertThat(slices.get(0).comparison().orElseThrow().family()).isEqualTo("accuracy on 2 windows");
    }

    @Test
    void each_window_is_judged_against_the_windows_before_it_and_too_few_is_inconclusive() {
        Model model = model(droppedOnLastDay(150), droppedOnLastDay(150));
        List<StatementResult> results = collect(() -> assertThat(model).onEachWindowOf("ts", Period.ofDays(1))
                .accuracy().isNotAnomalousComparedTo(previousWindows(7)));
        List<SliceResult> slices = results.get(0).slices();
        assertThat(slices).hasSize(15);
        assertThat(slices.subList(0, 3)).extracting(SliceResult::verdict).containsOnly(Verdict.INCONCLUSIVE);
        assertThat(slices.get(0).reason()).contains("needs at least 3");
        assertThat(slices.subList(3, 14)).extracting(SliceResult::verdict).containsOnly(Verdict.PASSED);
        assertThat(slices.get(14).verdict()).isEqualTo(Verdict.FAILED);
        assertThatThrownBy(() -> assertThat(model).onEachWindowOf("ts", Period.ofDays(1)).accuracy()
                .isNotAnomalousComparedTo(previousWindows(7))).isInstanceOf(QualityAssertionError.class);
        Model shortHistory = model(Arrays.copyOf(STABLE, 3), Arrays.copyOf(STABLE, 3));
        assertThatThrownBy(() -> assertThat(shortHistory).onLastWindowOf("ts", Period.ofDays(1)).accuracy()
                .isNotAnomalousComparedTo(previousWindows(7))).isInstanceOf(InconclusiveQualityError.class);
    }

    @Test
    void a_fixed_threshold_judges_each_window_on_its_own() {
        Model model = model(droppedOnLastDay(150), STABLE);
        List<StatementResult> results = collect(() -> assertThat(model).onEachSliceOf("language")
                .onEachWindowOf("ts", Period.ofDays(1)).accuracy().withConfidence(0.95).isAtLeast(0.85));
        List<SliceResult> failed = results.get(0).slices().stream().filter(s -> s.verdict() == Verdict.FAILED).toList();
        assertThat(failed).extracting(SliceResult::slice).containsExactly("language=en & ts@2026-12-15T00:00Z/P1D");
    }

    @Test
    void anomalies_need_time_windows() {
        assertThatThrownBy(() -> assertThat(model(STABLE, STABLE)).overall().accuracy()
                .isNotAnomalousComparedTo(previousWindows(7))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onLastWindowOf");
        assertThatThrownBy(() -> previousWindows(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
