package dev.touchstone.gate;

import static dev.touchstone.gate.Entries.entry;
import static dev.touchstone.gate.Entries.recall;
import static dev.touchstone.gate.Entries.withBaseline;
import static dev.touchstone.gate.Entries.withoutValue;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One limit on one result, in the style of JaCoCo's LimitTest. */
class LimitTest {

    static Threshold t(String text) {
        return Threshold.parse("limit", text);
    }

    @Nested
    class Minimum {

        @Test
        void a_value_below_the_minimum_violates_it_with_the_value_rounded_down() {
            // GIVEN the brief's own example
            CheckEntry e = entry("camera=side", "recall", 0.87135, 0.8521, 0.8895, 1204);
            Limit limit = Limit.on("recall").withMinimum(t("0.90"));
            // WHEN
            List<String> violations = lines(limit.check(e));
            // THEN
            then(violations).containsExactly("Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.871, but expected "
                    + "minimum is 0.900 (95% CI [0.852, 0.890], n=1,204)");
        }

        @Test
        void a_value_just_below_the_minimum_never_shows_as_meeting_it() {
            // 0.89999 would round half-up to 0.900: FLOOR shows 0.899
            then(lines(Limit.on("recall").withMinimum(t("0.9")).check(recall("front", 0.89999))))
                    .singleElement().asString().contains("recall is 0.899, but expected minimum is 0.900");
        }

        @Test
        void a_value_equal_to_the_minimum_meets_it() {
            then(lines(Limit.on("recall").withMinimum(t("0.9")).check(recall("front", 0.9)))).isEmpty();
        }

        @Test
        void values_are_compared_as_the_decimals_they_print_as() {
            // 7/10 as a double is 0.6999999999999999555...: it still meets a minimum of 0.7
            then(lines(Limit.on("recall").withMinimum(t("0.7")).check(recall("front", 7.0 / 10)))).isEmpty();
        }

        @Test
        void a_percentage_is_the_same_bound() {
            then(lines(Limit.on("recall").withMinimum(t("90%")).check(recall("front", 0.85))))
                    .singleElement().asString().contains("recall is 0.850, but expected minimum is 0.900");
        }

        @Test
        void a_finer_bound_shows_finer_values() {
            then(lines(Limit.on("recall").withMinimum(t("0.9125")).check(recall("front", 0.91249))))
                    .singleElement().asString().contains("recall is 0.9124, but expected minimum is 0.9125");
        }
    }

    @Nested
    class Maximum {

        @Test
        void a_value_above_the_maximum_violates_it_with_the_value_rounded_up() {
            CheckEntry e = entry("overall", "brier_score", 0.10001, 0.09, 0.11, 4000);
            then(lines(Limit.on("brier_score").withMaximum(t("0.1")).check(e))).containsExactly(
                    "Rule violated by DetectorQualityTest.recallOnEveryCamera for slice overall: brier_score is 0.101, but expected maximum is 0.100 "
                            + "(95% CI [0.090, 0.110], n=4,000)");
        }

        @Test
        void a_value_at_the_maximum_meets_it() {
            then(lines(Limit.on("brier_score").withMaximum(t("0.1")).check(entry("overall", "brier_score", 0.1, 0.09, 0.11, 10))))
                    .isEmpty();
        }

        @Test
        void minimum_and_maximum_together_bound_a_range() {
            Limit limit = Limit.on("recall").withMinimum(t("0.8")).withMaximum(t("0.99"));
            then(lines(limit.check(recall("a", 0.79)))).hasSize(1);
            then(lines(limit.check(recall("a", 0.995)))).hasSize(1);
            then(lines(limit.check(recall("a", 0.9)))).isEmpty();
        }
    }

    @Nested
    class MetricsOutsideTheUnitInterval {

        @Test
        void a_latency_maximum_in_milliseconds_is_accepted_and_checked() {
            // GIVEN a p95 latency of 240 ms and a maximum of 200 ms
            Limit limit = Limit.on("latency_p95_ms").withMaximum(t("200"));
            // THEN the limit is valid and the slow result violates it
            then(lines(limit.check(entry("overall", "latency_p95_ms", 240.0, 230.0, 250.0, 500)))).singleElement()
                    .asString().contains("latency_p95_ms is 240");
            then(lines(limit.check(entry("overall", "latency_p95_ms", 150.0, 140.0, 160.0, 500)))).isEmpty();
        }

        @Test
        void a_throughput_minimum_above_one_is_accepted() {
            then(Limit.on("throughput").withMinimum(t("50")).metric()).isEqualTo("throughput");
        }

        @Test
        void an_error_rate_is_still_a_proportion() {
            thenThrownBy(() -> Limit.on("error_rate").withMaximum(t("5")))
                    .isInstanceOf(QualityConfigurationException.class).hasMessageContaining("error_rate");
        }
    }

    @Nested
    class MaxRegression {

        @Test
        void a_drop_larger_than_allowed_violates_it() {
            CheckEntry e = withBaseline(entry("camera=side", "recall", 0.871, 0.8521, 0.8895, 1204), 0.905, 0.012);
            then(lines(Limit.on("recall").withMaxRegression(t("1%")).check(e))).containsExactly(
                    "Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.871, but expected a drop of at most 0.010 from "
                            + "baseline 0.905 (baseline 0.905, Δ -0.034, 95% CI [0.852, 0.890], n=1,204)");
        }

        @Test
        void a_drop_within_the_allowance_meets_it() {
            CheckEntry e = withBaseline(recall("front", 0.90), 0.905, null);
            then(lines(Limit.on("recall").withMaxRegression(t("0.01")).check(e))).isEmpty();
        }

        @Test
        void for_a_lower_is_better_metric_a_rise_is_the_regression() {
            CheckEntry e = withBaseline(entry("overall", "log_loss", 0.30, 0.28, 0.32, 500), 0.25, null);
            then(lines(Limit.on("log_loss").withMaxRegression(t("0.02")).check(e))).singleElement().asString()
                    .contains("log_loss is 0.300, but expected a rise of at most 0.020 from baseline 0.250");
            CheckEntry better = withBaseline(entry("overall", "log_loss", 0.20, 0.18, 0.22, 500), 0.25, null);
            then(lines(Limit.on("log_loss").withMaxRegression(t("0.02")).check(better))).isEmpty();
        }

        @Test
        void without_a_baseline_value_nothing_is_judged() {
            then(lines(Limit.on("recall").withMaxRegression(t("0.01")).check(recall("front", 0.5)))).isEmpty();
            then(Limit.on("recall").withMaxRegression(t("0.01")).canJudge(recall("front", 0.5))).isFalse();
        }

        @Test
        void a_negative_allowance_is_rejected() {
            thenThrownBy(() -> Limit.on("recall").withMaxRegression(t("-1%")))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageStartingWith("maxRegression -1% of recall is negative");
        }
    }

    @Nested
    class MetricNames {

        @ParameterizedTest
        @ValueSource(strings = {"recall", "RECALL", " Recall ", "recall"})
        void metric_names_are_matched_in_lower_case(String name) {
            then(Limit.on(name).metric()).isEqualTo("recall");
            then(Limit.on(name).appliesTo(recall("front", 0.9))).isTrue();
        }

        @Test
        void averaged_and_per_class_names_keep_their_argument() {
            then(Limit.on("F1(macro)").metric()).isEqualTo("f1(macro)");
            then(Limit.on("recall(class=Cat)").metric()).isEqualTo("recall(class=Cat)");
            then(Limit.on("recall").appliesTo(entry("a", "recall(class=cat)", 0.9, 0.8, 0.95, 10))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "recall at night", "9recall", "recall-at"})
        void a_name_that_is_no_metric_name_is_rejected_with_the_name(String name) {
            thenThrownBy(() -> Limit.on(name)).isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining(name.isEmpty() ? "limit has no metric" : "metric '" + name + "' is not a metric name");
        }

        @Test
        void a_bound_outside_the_metric_range_is_rejected_with_a_hint() {
            thenThrownBy(() -> Limit.on("recall").withMinimum(t("90")))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("minimum 90 of recall is outside the values recall can take, [0, 1]: write 0.9 or 90%");
            thenThrownBy(() -> Limit.on("mcc").withMinimum(t("-1.5")))
                    .hasMessage("minimum -1.5 of mcc is outside the values mcc can take, [-1, 1]");
            thenThrownBy(() -> Limit.on("mae").withMaximum(t("-0.1")))
                    .hasMessage("maximum -0.1 of mae is outside the values mae can take, [0, inf]");
        }

        @Test
        void unbounded_and_custom_metrics_take_any_bound() {
            then(Limit.on("rmse").withMaximum(t("250")).maximum()).isPresent();
            then(lines(Limit.on("size").withMinimum(t("400")).check(entry("camera=rear", "size", 399, 399, 399, 399))))
                    .singleElement().asString().contains("size is 399, but expected minimum is 400 (");
            then(Limit.on("my_custom_score").withMinimum(t("12.5")).minimum()).isPresent();
        }

        @Test
        void a_minimum_above_the_maximum_is_rejected() {
            thenThrownBy(() -> Limit.on("recall").withMaximum(t("0.8")).withMinimum(t("0.9")))
                    .hasMessage("limit on recall: minimum 0.9 is above maximum 0.8");
        }
    }

    @Test
    void an_undefined_value_is_not_judged_by_a_limit() {
        // it is INCONCLUSIVE in the results file; the gate counts it there
        CheckEntry undefined = withoutValue(recall("night", 0.5));
        then(lines(Limit.on("recall").withMinimum(t("0.9")).check(undefined))).isEmpty();
        then(Limit.on("recall").withMinimum(t("0.9")).canJudge(undefined)).isFalse();
    }

    @Test
    void describes_itself_as_written() {
        then(Limit.on("recall").withMinimum(t("90%")).withMaxRegression(t("0.01")))
                .hasToString("recall minimum 90% maxRegression 0.01");
    }

    /** The gate lines of a limit's violations. */
    static List<String> lines(List<Violation> violations) {
        return violations.stream().map(Violation::message).toList();
    }
}
