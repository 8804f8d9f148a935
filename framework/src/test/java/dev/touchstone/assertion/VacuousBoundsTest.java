package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.internal.VacuousBounds;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.StatementResult;
import dev.touchstone.scope.QualityScope;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Bounds outside a metric's range (issue 12, item 14): {@code accuracy().isAtLeast(-1)} can never
 * fail, {@code recall().isAbove(1)} can never pass. They are judged as written, and say so: a
 * warning in the message and the results file, on the engine's console, or in the log of a
 * plain test.
 */
class VacuousBoundsTest {

    private static Expectation bound(Kind kind, double t) {
        return new Expectation(kind, t, Double.NaN, OptionalDouble.empty());
    }

    @Test
    void each_kind_of_bound_is_checked_against_the_range_in_the_metric_definition() {
        assertThat(VacuousBounds.warning("accuracy", bound(Kind.AT_LEAST, -1))).contains("isAtLeast(-1) can never"
                + " fail: accuracy is never below 0 (its range is [0, 1]); the statement passes whenever the metric can"
                + " be computed, so it tests nothing");
        assertThat(VacuousBounds.warning("brier_score", bound(Kind.BELOW, 10))).contains("isBelow(10) can never"
                + " fail: brier_score is never above 1 (its range is [0, 1]); the statement passes whenever the metric"
                + " can be computed, so it tests nothing");
        assertThat(VacuousBounds.warning("recall", bound(Kind.ABOVE, 1))).contains("isAbove(1) can never pass:"
                + " recall is never above 1 (its range is [0, 1]); the statement fails whatever the model does");
        assertThat(VacuousBounds.warning("f1(macro)", bound(Kind.AT_MOST, -0.5))).get().asString()
                .startsWith("isAtMost(-0.5) can never pass: f1(macro) is never below 0");
        assertThat(VacuousBounds.warning("mcc", bound(Kind.AT_LEAST, -1))).get().asString()
                .startsWith("isAtLeast(-1) can never fail: mcc is never below -1 (its range is [-1, 1])");
        assertThat(VacuousBounds.warning("accuracy", bound(Kind.AT_LEAST, 0))).isPresent();
        assertThat(VacuousBounds.warning("mae", new Expectation(Kind.BETWEEN, -1, 1e9, OptionalDouble.of(0.95))))
                .isEmpty();
        assertThat(VacuousBounds.warning("accuracy", new Expectation(Kind.BETWEEN, -1, 2, OptionalDouble.of(0.9))))
                .contains("withConfidence(0.9).isBetween(-1, 2) can never fail: accuracy always lies in [0, 1] (its"
                        + " range is [0, 1]); the statement passes whenever the metric can be computed, so it tests"
                        + " nothing");
        // bounds the data decides, unbounded ends, comparisons and metrics of the user's own: nothing to say
        assertThat(VacuousBounds.warning("accuracy", bound(Kind.AT_LEAST, 0.8))).isEmpty();
        assertThat(VacuousBounds.warning("r2", bound(Kind.ABOVE, -1e9))).isEmpty();
        assertThat(VacuousBounds.warning("mae", bound(Kind.BELOW, 1e9))).isEmpty();
        assertThat(VacuousBounds.warning("my_metric", bound(Kind.AT_LEAST, -1))).isEmpty();
        assertThat(VacuousBounds.warning("accuracy", Expectation.comparison(Kind.NOT_WORSE_THAN, OptionalDouble.empty(),
                0.0, Double.NaN))).isEmpty();
    }

    @Test
    void the_statement_is_judged_as_written_and_its_result_carries_the_warning() {
        Dataset data = DslTestData.binary("d", 40, 10, 10, 40);
        Model model = Model.logged("m", data);
        List<StatementResult> results = new ArrayList<>();

        QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).collecting(results::add, r -> { })
                .run(() -> {
                    assertThat(model).overall().accuracy().isAtLeast(-1);
                    assertThat(model).overall().recall().isAbove(1);
                });

        assertThat(results).hasSize(2);
        assertThat(results.get(0).verdict().name()).isEqualTo("PASSED");
        assertThat(results.get(0).slices().get(0).message()).containsPattern("\\R  warning +: isAtLeast\\(-1\\) can never fail:"
                + " accuracy is never below 0 \\(its range is \\[0, 1]\\)");
        assertThat(results.get(1).verdict().name()).isEqualTo("FAILED");
        assertThat(results.get(1).slices().get(0).message()).containsPattern("\\R  warning +: isAbove\\(1\\) can never pass");
    }

    @Test
    void a_plain_test_logs_the_warning() {
        Logger log = Logger.getLogger(AbstractMetricAssert.class.getName());
        List<String> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            Model model = Model.logged("m", DslTestData.binary("d", 40, 10, 10, 40));
            assertThat(model).overall().accuracy().isAtLeast(-1);
            assertThatThrownBy(() -> assertThat(model).overall().brierScore().isBelow(10))
                    .hasMessageContaining("needs scores"); // judged as written: no score column here
        } finally {
            log.removeHandler(handler);
        }
        assertThat(records).contains("touchstone: accuracy on d: isAtLeast(-1) can never fail: accuracy is never"
                + " below 0 (its range is [0, 1]); the statement passes whenever the metric can be computed, so it"
                + " tests nothing");
    }
}
