package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static dev.touchstone.assertion.DslTestData.binary;
import static dev.touchstone.assertion.DslTestData.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.DslTestData.Outcome;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import dev.touchstone.result.Verdict;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The verdict table of ARCHITECTURE.md §1 for absolute bounds, on data whose answer is known by
 * hand: 90 correct of 100 (accuracy exactly 0.9; 95% Wilson interval about [0.826, 0.945]).
 */
class VerdictSemanticsTest {

    /** 45 TP, 5 FN, 5 FP, 45 TN: accuracy = 90/100 = 0.9 exactly. */
    static final Dataset NINETY_OF_HUNDRED = binary("toy", 45, 5, 5, 45);

    static MetricAssert accuracy() {
        return assertThat(Model.logged("m", NINETY_OF_HUNDRED)).overall().accuracy();
    }

    /** Applies the expectation named {@code kind} ({@code above}, {@code between}, ...). */
    static void expect(MetricAssert statement, String kind, double threshold, Double upper) {
        switch (kind) {
            case "above" -> statement.isAbove(threshold);
            case "atLeast" -> statement.isAtLeast(threshold);
            case "below" -> statement.isBelow(threshold);
            case "atMost" -> statement.isAtMost(threshold);
            case "between" -> statement.isBetween(threshold, upper);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    @Nested
    class OnThePointEstimate {

        @ParameterizedTest(name = "accuracy 0.9 {0} {1} {2} -> {3}")
        @CsvSource({
            "above,   0.89, ,     PASSED",
            "above,   0.9,  ,     FAILED",   // equality at the bound: not above
            "above,   0.91, ,     FAILED",
            "atLeast, 0.9,  ,     PASSED",   // equality at the bound: at least
            "atLeast, 0.89, ,     PASSED",
            "atLeast, 0.9000001, , FAILED",
            "below,   0.91, ,     PASSED",
            "below,   0.9,  ,     FAILED",   // equality at the bound: not below
            "below,   0.89, ,     FAILED",
            "atMost,  0.9,  ,     PASSED",   // equality at the bound: at most
            "atMost,  0.91, ,     PASSED",
            "atMost,  0.8999999, , FAILED",
            "between, 0.9,  0.95, PASSED",   // bounds are inclusive
            "between, 0.85, 0.9,  PASSED",
            "between, 0.9,  0.9,  PASSED",
            "between, 0.91, 0.95, FAILED",
            "between, 0.5,  0.89, FAILED",
        })
        void verdict_follows_the_point_estimate(String kind, double threshold, Double upper, Outcome expected) {
            assertThat(outcomeOf(() -> expect(accuracy(), kind, threshold, upper))).isEqualTo(expected);
        }

        @Test
        void without_confidence_a_tiny_sample_is_never_inconclusive() {
            // GIVEN one correct example out of two: accuracy 0.5, a very wide interval
            Model tiny = Model.logged("tiny", binary("tiny", 1, 1, 0, 0));

            // THEN the point estimate decides alone
            assertThat(outcomeOf(() -> assertThat(tiny).overall().accuracy().isAbove(0.49))).isEqualTo(Outcome.PASSED);
            assertThat(outcomeOf(() -> assertThat(tiny).overall().accuracy().isAbove(0.51))).isEqualTo(Outcome.FAILED);
        }

        @Test
        void a_passing_statement_returns_itself_for_chaining() {
            MetricAssert statement = accuracy();

            assertThat(statement.isAbove(0.5)).isSameAs(statement);
            // several expectations on one statement: each is judged
            assertThatThrownBy(() -> accuracy().isAbove(0.5).isBelow(0.6)).isInstanceOf(QualityAssertionError.class);
        }
    }

    @Nested
    class OnTheConfidenceInterval {

        @ParameterizedTest(name = "accuracy 0.9 (n=100) with 95% confidence {0} {1} {2} -> {3}")
        @CsvSource({
            // 95% Wilson of 90/100 is [0.8256, 0.9448]
            "above,   0.80, ,     PASSED",        // lower bound above the threshold
            "above,   0.90, ,     INCONCLUSIVE",  // interval straddles
            "above,   0.85, ,     INCONCLUSIVE",
            "above,   0.95, ,     FAILED",        // upper bound at or below
            "atLeast, 0.80, ,     PASSED",
            "atLeast, 0.90, ,     INCONCLUSIVE",
            "atLeast, 0.95, ,     FAILED",
            "below,   0.95, ,     PASSED",
            "below,   0.90, ,     INCONCLUSIVE",
            "below,   0.80, ,     FAILED",
            "atMost,  0.95, ,     PASSED",
            "atMost,  0.90, ,     INCONCLUSIVE",
            "atMost,  0.80, ,     FAILED",
            "between, 0.80, 0.95, PASSED",
            "between, 0.85, 0.99, INCONCLUSIVE",
            "between, 0.70, 0.90, INCONCLUSIVE",
            "between, 0.95, 0.99, FAILED",
            "between, 0.50, 0.80, FAILED",
        })
        void verdict_follows_the_interval(String kind, double threshold, Double upper, Outcome expected) {
            assertThat(outcomeOf(() -> expect(accuracy().withConfidence(0.95), kind, threshold, upper)))
                    .isEqualTo(expected);
        }

        @Test
        void the_point_estimate_alone_would_pass_where_the_interval_cannot_tell() {
            assertThat(outcomeOf(() -> accuracy().isAbove(0.85))).isEqualTo(Outcome.PASSED);
            assertThat(outcomeOf(() -> accuracy().withConfidence(0.95).isAbove(0.85))).isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void the_level_decides_how_wide_the_interval_is() {
            // 95% Wilson lower bound of 90/100 is 0.8256, the 99% one is 0.7962
            assertThat(outcomeOf(() -> accuracy().withConfidence(0.95).isAbove(0.81))).isEqualTo(Outcome.PASSED);
            assertThat(outcomeOf(() -> accuracy().withConfidence(0.99).isAbove(0.81))).isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void withConfidence_does_not_change_the_statement_it_was_called_on() {
            MetricAssert plain = accuracy();
            plain.withConfidence(0.95);

            // still judged on the point estimate: passes although the interval straddles 0.85
            assertThat(outcomeOf(() -> plain.isAbove(0.85))).isEqualTo(Outcome.PASSED);
        }

        /** {@code size()} has the exact interval [n, n], so its bounds can sit right on the threshold. */
        @ParameterizedTest(name = "size 100 with confidence {0} {1} {2} -> {3}")
        @CsvSource({
            "above,   100, ,    FAILED",   // upper bound <= t
            "above,   99,  ,    PASSED",
            "atLeast, 100, ,    PASSED",   // lower bound >= t
            "atLeast, 101, ,    FAILED",
            "below,   100, ,    FAILED",   // lower bound >= t
            "below,   101, ,    PASSED",
            "atMost,  100, ,    PASSED",   // upper bound <= t
            "atMost,  99,  ,    FAILED",
            "between, 100, 100, PASSED",
            "between, 101, 120, FAILED",
        })
        void interval_bounds_equal_to_the_threshold(String kind, double threshold, Double upper, Outcome expected) {
            MetricAssert size = assertThat(Model.logged("m", NINETY_OF_HUNDRED)).overall().size().withConfidence(0.95);

            assertThat(outcomeOf(() -> expect(size, kind, threshold, upper))).isEqualTo(expected);
        }

        @Test
        void a_perfect_score_is_at_most_one_but_not_surely_below_one() {
            // GIVEN 100 correct of 100: the Wilson upper bound is exactly 1
            Model perfect = Model.logged("perfect", binary("perfect", 50, 0, 0, 50));

            assertThat(outcomeOf(() -> assertThat(perfect).overall().accuracy().withConfidence(0.95).isAtMost(1.0)))
                    .isEqualTo(Outcome.PASSED);
            assertThat(outcomeOf(() -> assertThat(perfect).overall().accuracy().withConfidence(0.95).isBelow(1.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }

        @Test
        void a_zero_score_is_at_least_zero_but_not_surely_above_zero() {
            // GIVEN 0 correct of 100: the Wilson lower bound is 0
            Model hopeless = Model.logged("hopeless", binary("hopeless", 0, 50, 50, 0));

            assertThat(outcomeOf(() -> assertThat(hopeless).overall().accuracy().withConfidence(0.95).isAtLeast(0.0)))
                    .isEqualTo(Outcome.PASSED);
            assertThat(outcomeOf(() -> assertThat(hopeless).overall().accuracy().withConfidence(0.95).isAbove(0.0)))
                    .isEqualTo(Outcome.INCONCLUSIVE);
        }
    }

    @Nested
    class ThrownErrors {

        @Test
        void a_failed_statement_throws_a_quality_assertion_error_that_is_an_assertion_error() {
            assertThatThrownBy(() -> accuracy().isAbove(0.95))
                    .isExactlyInstanceOf(QualityAssertionError.class)
                    .isInstanceOf(AssertionError.class)
                    .satisfies(e -> assertThat(((QualityAssertionError) e).result().verdict()).isEqualTo(Verdict.FAILED));
        }

        @Test
        void an_inconclusive_statement_throws_inconclusive_quality_error_by_default() {
            QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> {
                assertThatThrownBy(() -> accuracy().withConfidence(0.95).isAbove(0.9))
                        .isInstanceOf(InconclusiveQualityError.class)
                        .isInstanceOf(AssertionError.class)
                        .satisfies(e -> assertThat(((InconclusiveQualityError) e).result().verdict())
                                .isEqualTo(Verdict.INCONCLUSIVE));
                return null;
            });
        }

        @Test
        void inconclusive_is_an_aborted_test_with_the_system_property_skip() {
            String previous = System.getProperty(ConfigKeys.INCONCLUSIVE);
            System.setProperty(ConfigKeys.INCONCLUSIVE, "skip");
            try {
                assertThatThrownBy(() -> accuracy().withConfidence(0.95).isAbove(0.9))
                        .isInstanceOf(TestAbortedException.class)
                        .isNotInstanceOf(AssertionError.class)
                        .hasMessageContaining("INCONCLUSIVE")
                        .hasMessageContaining("to decide");
            } finally {
                if (previous == null) {
                    System.clearProperty(ConfigKeys.INCONCLUSIVE);
                } else {
                    System.setProperty(ConfigKeys.INCONCLUSIVE, previous);
                }
            }
        }

        @Test
        void inconclusive_is_an_aborted_test_under_scoped_skip_settings() {
            TouchstoneSettings skip = TouchstoneSettings.defaults().withInconclusive(InconclusivePolicy.SKIP);

            QualityScope.standalone().withSettings(skip).call(() -> {
                assertThatThrownBy(() -> accuracy().withConfidence(0.95).isAbove(0.9))
                        .isInstanceOf(TestAbortedException.class);
                return null;
            });
        }

        @Test
        void skip_never_turns_a_failure_into_an_aborted_test() {
            TouchstoneSettings skip = TouchstoneSettings.defaults().withInconclusive(InconclusivePolicy.SKIP);

            QualityScope.standalone().withSettings(skip).call(() -> {
                assertThatThrownBy(() -> accuracy().withConfidence(0.95).isAbove(0.95))
                        .isExactlyInstanceOf(QualityAssertionError.class);
                return null;
            });
        }

        @Test
        void skip_never_turns_an_undecidable_slice_into_a_pass() {
            TouchstoneSettings skip = TouchstoneSettings.defaults().withInconclusive(InconclusivePolicy.SKIP);
            Model model = Model.logged("m", NINETY_OF_HUNDRED);

            QualityScope.standalone().withSettings(skip).call(() -> {
                assertThat(outcomeOf(() -> assertThat(model).onSlice(where("label").isEqualTo("nothing"))
                        .accuracy().isBelow(1.0))).isEqualTo(Outcome.ABORTED);
                return null;
            });
        }
    }

    @Nested
    class BadArguments {

        @ParameterizedTest
        @CsvSource({"0.0", "1.0", "-0.5", "1.5", "NaN"})
        void a_confidence_level_outside_the_open_unit_interval_is_rejected(double level) {
            assertThatIllegalArgumentException().isThrownBy(() -> accuracy().withConfidence(level))
                    .withMessageContaining("(0, 1)");
        }

        static Stream<Arguments> nonFiniteThresholds() {
            Function<MetricAssert, Runnable> above = m -> () -> m.isAbove(Double.NaN);
            Function<MetricAssert, Runnable> atLeast = m -> () -> m.isAtLeast(Double.POSITIVE_INFINITY);
            Function<MetricAssert, Runnable> below = m -> () -> m.isBelow(Double.NaN);
            Function<MetricAssert, Runnable> atMost = m -> () -> m.isAtMost(Double.NEGATIVE_INFINITY);
            Function<MetricAssert, Runnable> between = m -> () -> m.isBetween(0.1, Double.NaN);
            return Stream.of(Arguments.of("isAbove(NaN)", above), Arguments.of("isAtLeast(+inf)", atLeast),
                    Arguments.of("isBelow(NaN)", below), Arguments.of("isAtMost(-inf)", atMost),
                    Arguments.of("isBetween(0.1, NaN)", between));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("nonFiniteThresholds")
        void a_threshold_that_is_not_a_finite_number_is_rejected(String name, Function<MetricAssert, Runnable> call) {
            assertThatIllegalArgumentException().isThrownBy(() -> call.apply(accuracy()).run())
                    .withMessageContaining("finite");
        }

        @Test
        void isBetween_with_low_above_high_is_rejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> accuracy().isBetween(0.9, 0.8))
                    .withMessageContaining("0.9").withMessageContaining("0.8");
        }
    }
}
