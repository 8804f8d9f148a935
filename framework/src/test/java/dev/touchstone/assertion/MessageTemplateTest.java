package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static dev.touchstone.assertion.DslTestData.Z95;
import static dev.touchstone.assertion.DslTestData.binary;
import static dev.touchstone.assertion.DslTestData.wilson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.Metric;
import dev.touchstone.model.Model;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one message template: every fact a reader needs to act on a failed or undecided check. */
class MessageTemplateTest {

    /**
     * Named "detections". Night (hours 2 and 22): 20 persons of which 15 are detected, 10 correct
     * "none" rows; day (hour 12): 20 persons all detected, 10 correct "none" rows.
     */
    static final Dataset DETECTIONS = detections();

    private static Dataset detections() {
        DatasetBuilder b = Dataset.builder("detections").columns("label", "predicted", "hour");
        for (int i = 0; i < 20; i++) {
            b.row("person", i < 15 ? "person" : "none", i % 2 == 0 ? 2 : 22);
        }
        for (int i = 0; i < 10; i++) {
            b.row("none", "none", 22);
        }
        for (int i = 0; i < 20; i++) {
            b.row("person", "person", 12);
        }
        for (int i = 0; i < 10; i++) {
            b.row("none", "none", 12);
        }
        return b.build().withLabel("label").withPrediction("predicted").withPositiveClass("person")
                .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)));
    }

    static Model detector() {
        return Model.logged("detector-v7", DETECTIONS);
    }

    /** The value of {@code key} in the message's "  key : value" fact lines. */
    static String fact(String message, String key) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(key) + "\\s*: (.*)$").matcher(message);
        assertThat(m.find()).as("fact '%s' in%n%s", key, message).isTrue();
        return m.group(1).trim();
    }

    @Nested
    class FailedMessage {

        QualityAssertionError nightRecallFails() {
            return assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().isAbove(0.9));
        }

        @Test
        void the_headline_says_what_was_expected_and_the_verdict() {
            assertThat(nightRecallFails().getMessage())
                    .startsWith("recall on slice night is 0.750, expected above 0.900: FAILED");
        }

        @Test
        void names_model_dataset_slice_with_definition_and_metric() {
            String message = nightRecallFails().getMessage();

            assertThat(fact(message, "model")).isEqualTo("detector-v7");
            assertThat(fact(message, "dataset")).isEqualTo("detections");
            assertThat(fact(message, "slice")).isEqualTo("night (hour < 6 or hour >= 20)");
            assertThat(fact(message, "metric")).isEqualTo("recall");
        }

        @Test
        void gives_value_and_number_of_examples() {
            String message = nightRecallFails().getMessage();

            assertThat(Double.parseDouble(fact(message, "value"))).isEqualTo(0.75);
            assertThat(fact(message, "n")).isEqualTo("30");
        }

        @Test
        void gives_the_interval_with_level_and_method_rounded_outwards() {
            String interval = fact(nightRecallFails().getMessage(), "interval");

            Matcher m = Pattern.compile("95% \\[(\\d\\.\\d+), (\\d\\.\\d+)\\] wilson").matcher(interval);
            assertThat(m.matches()).as(interval).isTrue();
            double shownLow = Double.parseDouble(m.group(1));
            double shownHigh = Double.parseDouble(m.group(2));
            double[] expected = wilson(15, 20, Z95); // recall: 15 detected of 20 persons
            assertThat(shownLow).isLessThanOrEqualTo(expected[0]).isGreaterThan(expected[0] - 0.001);
            assertThat(shownHigh).isGreaterThanOrEqualTo(expected[1]).isLessThan(expected[1] + 0.001);
        }

        @Test
        void gives_expectation_and_reason() {
            String message = nightRecallFails().getMessage();

            assertThat(fact(message, "expected")).isEqualTo("above 0.900");
            assertThat(fact(message, "reason")).contains("0.75").contains("not above 0.900");
        }

        @Test
        void an_expectation_with_confidence_says_so() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().withConfidence(0.9).isAtLeast(0.99));

            assertThat(fact(error.getMessage(), "expected")).isEqualTo("at least 0.990 with 90% confidence");
            assertThat(fact(error.getMessage(), "interval")).startsWith("90% [").endsWith("] wilson");
        }

        @Test
        void a_between_expectation_names_both_bounds() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().isBetween(0.8, 0.95));

            assertThat(fact(error.getMessage(), "expected")).isEqualTo("between 0.800 and 0.950");
        }

        @Test
        void the_shown_value_never_seems_to_meet_a_bound_it_misses() {
            // GIVEN accuracy 2/3 = 0.6666...
            Model twoThirds = Model.logged("m", binary("toy", 2, 1, 0, 0));

            // a minimum: rounded down, so 0.666 (not 0.667) next to "above 0.667"
            assertThat(assertThrows(QualityAssertionError.class,
                    () -> assertThat(twoThirds).overall().accuracy().isAbove(0.667)).getMessage())
                    .startsWith("accuracy on slice overall is 0.666, expected above 0.667: FAILED");
            // a maximum: rounded up, so 0.667 (not 0.666) next to "below 0.666"
            assertThat(assertThrows(QualityAssertionError.class,
                    () -> assertThat(twoThirds).overall().accuracy().isBelow(0.666)).getMessage())
                    .startsWith("accuracy on slice overall is 0.667, expected below 0.666: FAILED");
        }

        @Test
        void the_reason_never_shows_the_estimate_meeting_a_bound_it_misses() {
            // GIVEN a metric of 0.89996, just below 0.9
            Metric almost = Metric.of("almost", true, in -> 0.89996);

            String message = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).overall().metric(almost).isAbove(0.9)).getMessage();

            // THEN no line claims the estimate is 0.900 or 0.9000 while saying it is not above 0.900: its
            // interval's high, rounded up, would read 0.900 at three decimals and 0.9000 at four
            assertThat(message).startsWith("almost on slice overall is 0.89996,");
            assertThat(fact(message, "reason")).doesNotContain("0.9000").doesNotContain("estimate 0.900 ");
        }

        @Test
        void an_exact_decimal_value_is_shown_as_itself() {
            // GIVEN accuracy 3/10, whose double is a hair below 0.3
            Model threeTenths = Model.logged("m", binary("toy", 3, 7, 0, 0));

            // THEN the headline says 0.300, not 0.299: rounding down must not invent a miss
            assertThat(assertThrows(QualityAssertionError.class,
                    () -> assertThat(threeTenths).overall().accuracy().isAtLeast(0.5)).getMessage())
                    .startsWith("accuracy on slice overall is 0.300, expected at least 0.500: FAILED");
        }

        @Test
        void a_threshold_with_more_decimals_shows_more_decimals() {
            Model twoThirds = Model.logged("m", binary("toy", 2, 1, 0, 0));

            assertThat(assertThrows(QualityAssertionError.class,
                    () -> assertThat(twoThirds).overall().accuracy().isAbove(0.66667)).getMessage())
                    .startsWith("accuracy on slice overall is 0.66666, expected above 0.66667: FAILED");
        }

        @Test
        void a_shorthand_slice_names_itself_once() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("hour=22").recall().isAbove(0.9));

            assertThat(fact(error.getMessage(), "slice")).isEqualTo("hour=22");
        }

        @Test
        void an_ad_hoc_slice_is_named_by_its_definition() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice(where("hour").isIn(2, 22)).recall().isAbove(0.9));

            assertThat(error.getMessage()).startsWith("recall on slice hour in [2, 22] is 0.750");
        }
    }

    @Nested
    class InconclusiveMessage {

        @Test
        void says_how_many_examples_would_decide_more_than_there_are() {
            // GIVEN 90 of 100 correct: the 95% interval [0.826, 0.945] straddles 0.85
            Model model = Model.logged("m", binary("toy", 45, 5, 5, 45));

            InconclusiveQualityError error = assertThrows(InconclusiveQualityError.class,
                    () -> assertThat(model).overall().accuracy().withConfidence(0.95).isAbove(0.85));

            String message = error.getMessage();
            assertThat(message).startsWith("accuracy on slice overall is 0.900, expected above 0.850 with 95% confidence: INCONCLUSIVE");
            Matcher m = Pattern.compile("about ([\\d,]+) examples \\(now 100\\)").matcher(fact(message, "to decide"));
            assertThat(m.find()).as(message).isTrue();
            long needed = Long.parseLong(m.group(1).replace(",", ""));
            assertThat(needed).isGreaterThan(100);
            // AND, if the estimate stays at 0.9, that many examples do clear the bound, half as many do not
            assertThat(wilson(0.9 * needed, needed, Z95)[0]).isGreaterThan(0.85 - 0.002);
            assertThat(wilson(0.9 * needed / 2, needed / 2.0, Z95)[0]).isLessThan(0.85);
        }

        @Test
        void an_undefined_metric_says_why_and_what_is_missing() {
            InconclusiveQualityError error = assertThrows(InconclusiveQualityError.class,
                    () -> assertThat(detector()).onSlice(where("label").isEqualTo("none")).recall().isBelow(1.0));

            String message = error.getMessage();
            assertThat(message).startsWith("recall on slice label = none is undefined");
            assertThat(fact(message, "value")).startsWith("undefined").contains("'person'");
            assertThat(fact(message, "reason")).contains("undefined");
            assertThat(fact(message, "to decide")).isNotBlank();
        }
    }

    @Nested
    class Description {

        static final String NIGHT_RECALL = "[night recall] ";

        @Test
        void as_on_the_metric_statement_prefixes_the_message() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().as("night recall").isAbove(0.9));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL + "recall on slice night");
            assertThat(error.result().description()).contains("night recall");
        }

        @Test
        void as_on_the_model_carries_through_the_chain() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).as("night recall").onSlice("night").recall().isAbove(0.9));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void as_on_the_model_carries_through_on_dataset() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).as("night recall").on(DETECTIONS).onSlice("night").recall()
                            .isAbove(0.9));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void as_on_the_slice_carries_through_the_chain() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").as("night recall").recall().isAbove(0.9));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void as_before_choosing_an_averaging_carries_through() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().as("night recall").macro().isAbove(0.99));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void as_before_withConfidence_carries_through() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().as("night recall").withConfidence(0.95)
                            .isAbove(0.99));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void as_after_withConfidence_carries_through() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onSlice("night").recall().withConfidence(0.95).as("night recall")
                            .isAbove(0.99));

            assertThat(error.getMessage()).startsWith(NIGHT_RECALL);
        }

        @Test
        void a_multi_slice_error_carries_the_description_too() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(detector()).onEachSliceOf("hour").recall().as("recall per hour").isAbove(0.9));

            assertThat(error.getMessage()).startsWith("[recall per hour] 2 of 3 slices did not pass");
        }
    }
}
