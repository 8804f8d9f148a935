package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.metric.internal.builtin.EndpointMetric;
import dev.touchstone.metric.internal.builtin.EndpointSample;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.model.Model;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.stats.internal.ProportionIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which side of an interval decides, and how many examples would decide when none does. */
class DecidingSidesTest {

    static Judge.Decision judge(EndpointMetric metric, EndpointSample sample, Kind kind, double bound) {
        Estimate estimate = metric.estimate(sample);
        MetricValue value = new MetricValue(metric.id(), "overall", estimate.value(), sample.examples(),
                estimate.intervals().at(0.95), Optional.empty(), List.of(), Optional.empty());
        return Judge.judge(value, Expectation.of(kind, bound, OptionalDouble.of(0.95)),
                (b, level) -> estimate.intervals().examplesToClear(estimate.value(), b, sample.examples(), level));
    }

    static EndpointSample answeredIn(int examples, double fromMillis) {
        double[] millis = new double[examples];
        for (int i = 0; i < examples; i++) {
            millis[i] = fromMillis + i;
        }
        return new EndpointSample(examples, Map.of(), millis, examples, 100);
    }

    @Nested
    class LatencyQuantiles {

        @Test
        void a_p99_below_1_ms_fails_when_every_answer_took_20_ms_or_more() {
            // GIVEN 50 answers of 20 to 69 ms: the p99's 95% interval has a lower bound but no upper one
            Judge.Decision decision = judge(BuiltInMetrics.LATENCY_P99, answeredIn(50, 20), Kind.BELOW, 1.0);
            assertThat(decision.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(decision.reason()).contains("[67.000, ?]");
        }

        @Test
        void a_p99_below_10_s_cannot_pass_without_an_upper_bound_and_says_how_many_answers_would_give_one() {
            Judge.Decision decision = judge(BuiltInMetrics.LATENCY_P99, answeredIn(50, 20), Kind.BELOW, 10_000.0);
            assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(decision.reason()).contains("has no upper bound on 50 examples");
            // the largest order statistic covers once 0.99^n <= 0.025: n = 368 (scipy: binom.ppf(0.975, n, 0.99) + 1 <= n)
            assertThat(decision.examplesNeeded()).hasValue(368);
        }

        @Test
        void the_p50_at_a_bound_it_cannot_clear_yet_is_inconclusive_with_a_scaled_estimate() {
            Judge.Decision decision = judge(BuiltInMetrics.LATENCY_P50, answeredIn(50, 20), Kind.BELOW, 50.0);
            assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(decision.examplesNeeded()).isPresent();
        }
    }

    @Nested
    class ExamplesToDecide {

        @Test
        void wilson_is_solved_exactly_at_small_n() {
            // GIVEN 18 of 20 correct and a bound of 0.75: Wilson [0.699, 0.972] straddles it
            MetricValue value = assertThat(model(18, 2)).overall().accuracy().withConfidence(0.95).actual();
            assertThat(value.interval().low()).isLessThan(0.75);
            List<StatementResult> results = collect(() -> assertThat(model(18, 2)).overall().accuracy()
                    .withConfidence(0.95).isAtLeast(0.75));
            // THEN the fewest trials at which Wilson around 0.9 clears 0.75, found by bisection
            long exact = ProportionIntervals.wilsonTrialsToClear(0.9, 0.75, 0.95);
            assertThat(ProportionIntervals.wilson(Math.round(0.9 * exact), exact, 0.95).low()).isGreaterThan(0.75);
            assertThat(results.get(0).slices().get(0).examplesNeeded()).hasValue(exact);
            // the 1/√n rule would have said 20 · (0.201 / 0.15)² = 36
            assertThat(exact).isNotEqualTo(36);
        }

        @Test
        void a_perfect_tiny_slice_gives_no_confident_verdict_through_a_resampled_interval() {
            // GIVEN 12 examples all right: F1's multinomial bootstrap is [1, 1]
            List<StatementResult> results = collect(() -> assertThat(model(12, 0)).overall().f1()
                    .withConfidence(0.95).isAbove(0.9));
            assertThat(results.get(0).slices().get(0).value().interval().width()).isZero();
            assertThat(results.get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(results.get(0).slices().get(0).reason()).contains("has no width");
        }
    }

    @Test
    void average_precision_leaves_resamples_without_a_positive_out_of_its_interval() {
        // GIVEN 12 examples, one positive, scored highest
        DatasetBuilder b = Dataset.builder("ap").columns("label", "predicted", "score");
        b.row("1", "1", 0.99);
        for (int i = 0; i < 11; i++) {
            b.row("0", "0", 0.1 + i * 0.01);
        }
        Model model = Model.logged("m", b.build().withLabel("label").withPrediction("predicted").withScore("score"));
        // WHEN
        MetricValue ap = assertThat(model).overall().averagePrecision().actual();
        // THEN every resample that has the positive ranks it first: [1, 1], the others are left out
        assertThat(ap.value()).isEqualTo(1.0);
        assertThat(ap.interval().low()).isEqualTo(1.0);
        assertThat(ap.interval().high()).isEqualTo(1.0);
        assertThat(ap.notes()).anyMatch(note -> note.contains("resamples where average_precision is undefined"));
    }

    static Model model(int right, int wrong) {
        DatasetBuilder b = Dataset.builder("d").columns("label", "predicted");
        for (int i = 0; i < right; i++) {
            b.row(i % 2 == 0 ? "1" : "0", i % 2 == 0 ? "1" : "0");
        }
        for (int i = 0; i < wrong; i++) {
            b.row("1", "0");
        }
        return Model.logged("m", b.build().withLabel("label").withPrediction("predicted"));
    }

    static List<StatementResult> collect(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.standalone().collecting(results::add, r -> { }).run(statement);
        return results;
    }
}
