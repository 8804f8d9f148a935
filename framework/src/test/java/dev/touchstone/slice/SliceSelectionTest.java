package dev.touchstone.slice;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.not;
import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.DslTestData;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which rows a slice selects, checked through the DSL with {@code size()} on ten rows whose
 * hour and camera are known:
 *
 * <pre>
 * row  hour  camera
 *  0   0     front
 *  1   5     rear
 *  2   6     front
 *  3   6.0   side
 *  4   12    rear
 *  5   18    front
 *  6   19    (missing)
 *  7   20    rear
 *  8   23    side
 *  9   (missing) front
 * </pre>
 */
class SliceSelectionTest {

    static final Dataset ROWS = Dataset.builder("rows").columns("label", "predicted", "hour", "camera")
            .row("1", "1", 0, "front")
            .row("1", "0", 5, "rear")
            .row("0", "0", 6, "front")
            .row("0", "1", 6.0, "side")
            .row("1", "1", 12, "rear")
            .row("0", "0", 18, "front")
            .row("1", "1", 19, null)
            .row("0", "0", 20, "rear")
            .row("1", "1", 23, "side")
            .row("0", "0", null, "front")
            .build()
            .withLabel("label").withPrediction("predicted")
            .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)))
            .withSlice("day", where("hour").isBetween(6, 19));

    static Model model() {
        return Model.logged("m", ROWS);
    }

    static long rows(Slice slice) {
        return (long) assertThat(model()).onSlice(slice).size().actual().value();
    }

    static long rows(String slice) {
        return (long) assertThat(model()).onSlice(slice).size().actual().value();
    }

    @Nested
    class NamedAndShorthand {

        @Test
        void a_named_slice_selects_its_rows() {
            MetricValue night = assertThat(model()).onSlice("night").size().actual();

            assertThat(night.value()).isEqualTo(4.0); // hours 0, 5, 20, 23
            assertThat(night.slice()).isEqualTo("night");
            assertThat(rows("day")).isEqualTo(5);     // hours 6, 6.0, 12, 18, 19
        }

        @Test
        void a_text_shorthand_selects_equal_values() {
            assertThat(rows("camera=front")).isEqualTo(4);
            assertThat(rows("camera = front")).as("spaces around '=' are ignored").isEqualTo(4);
        }

        @ParameterizedTest
        @ValueSource(strings = {"hour=6", "hour=6.0", "hour=6.00"})
        void a_numeric_shorthand_matches_the_number_however_it_is_written(String shorthand) {
            assertThat(rows(shorthand)).isEqualTo(2); // rows 2 (6) and 3 (6.0)
        }

        @Test
        void a_shorthand_result_is_named_by_its_canonical_form() {
            assertThat(assertThat(model()).onSlice("camera = rear").size().actual().slice()).isEqualTo("camera=rear");
        }

        @Test
        void an_unknown_slice_name_fails_listing_the_known_ones() {
            assertThatThrownBy(() -> rows("nite"))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'nite'")
                    .hasMessageContaining("[night, day]");
        }

        @Test
        void a_shorthand_on_an_unknown_column_fails_listing_the_columns() {
            assertThatThrownBy(() -> rows("camrea=front"))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'camrea'")
                    .hasMessageContaining("[label, predicted, hour, camera]");
        }
    }

    @Nested
    class Conditions {

        @Test
        void isEqualTo_on_text_and_on_numbers() {
            assertThat(rows(where("camera").isEqualTo("rear"))).isEqualTo(3);
            assertThat(rows(where("hour").isEqualTo(6))).isEqualTo(2);
            assertThat(rows(where("hour").isEqualTo(6.0))).isEqualTo(2);
            assertThat(rows(where("hour").isEqualTo("6"))).isEqualTo(2);
            assertThat(rows(where("camera").isEqualTo("FRONT"))).as("case matters").isZero();
        }

        @Test
        void isNotEqualTo_leaves_out_missing_values() {
            // rear, side, rear, rear, side: the row without a camera does not count
            assertThat(rows(where("camera").isNotEqualTo("front"))).isEqualTo(5);
        }

        @Test
        void isIn_on_text_and_on_numbers() {
            assertThat(rows(where("camera").isIn("rear", "side"))).isEqualTo(5);
            assertThat(rows(where("hour").isIn(0, 23, 99))).isEqualTo(2);
        }

        @Test
        void order_comparisons() {
            assertThat(rows(where("hour").isLessThan(6))).isEqualTo(2);     // 0, 5
            assertThat(rows(where("hour").isAtMost(6))).isEqualTo(4);       // 0, 5, 6, 6.0
            assertThat(rows(where("hour").isGreaterThan(18))).isEqualTo(3); // 19, 20, 23
            assertThat(rows(where("hour").isAtLeast(18))).isEqualTo(4);     // 18, 19, 20, 23
        }

        @Test
        void isBetween_includes_both_bounds() {
            assertThat(rows(where("hour").isBetween(6, 18))).isEqualTo(4); // 6, 6.0, 12, 18
            assertThat(rows(where("hour").isBetween(6, 6))).isEqualTo(2);
            assertThat(rows(where("hour").isBetween(5.5, 5.9))).isZero();
        }

        @Test
        void isBetween_with_low_above_high_is_rejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> where("hour").isBetween(18, 6))
                    .withMessageContaining("'hour'");
        }

        @Test
        void isMissing() {
            assertThat(rows(where("hour").isMissing())).isEqualTo(1);
            assertThat(rows(where("camera").isMissing())).isEqualTo(1);
            assertThat(rows(where("label").isMissing())).isZero();
        }

        @Test
        void a_missing_value_satisfies_no_comparison_so_a_split_loses_it() {
            assertThat(rows(where("hour").isLessThan(12)) + rows(where("hour").isAtLeast(12))).isEqualTo(9);
        }

        @Test
        void isIn_needs_a_value() {
            assertThatIllegalArgumentException().isThrownBy(() -> where("camera").isIn())
                    .withMessageContaining("'camera'");
        }

        @Test
        void a_blank_column_name_is_rejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> where(" "));
        }
    }

    @Nested
    class Combinations {

        @Test
        void and_keeps_rows_in_both() {
            // front rows 0, 2, 5, 9; hour < 10 rows 0, 1, 2, 3: both 0 and 2 (row 9 has no hour)
            assertThat(rows(where("camera").isEqualTo("front").and(where("hour").isLessThan(10)))).isEqualTo(2);
        }

        @Test
        void or_keeps_rows_in_either() {
            // side rows 3, 8; hour >= 20 rows 7, 8
            assertThat(rows(where("camera").isEqualTo("side").or(where("hour").isAtLeast(20)))).isEqualTo(3);
        }

        @Test
        void not_is_the_complement_including_missing_values() {
            assertThat(rows(where("camera").isEqualTo("front").not())).isEqualTo(6);
            assertThat(rows(not(where("camera").isEqualTo("front")))).isEqualTo(6);
            assertThat(rows(Slice.not(where("hour").isLessThan(6)))).isEqualTo(8);
        }

        @Test
        void grouping_follows_the_calls() {
            Slice front = where("camera").isEqualTo("front");
            Slice early = where("hour").isLessThan(6);
            Slice late = where("hour").isAtLeast(18);

            // front and (early or late): rows 0, 5
            assertThat(rows(front.and(early.or(late)))).isEqualTo(2);
            // (front and early) or late: rows 0, 5, 6, 7, 8
            assertThat(rows(front.and(early).or(late))).isEqualTo(5);
        }

        @Test
        void describe_shows_the_grouping() {
            Slice front = where("camera").isEqualTo("front");
            Slice early = where("hour").isLessThan(6);
            Slice late = where("hour").isAtLeast(18);

            assertThat(front.and(early.or(late)).describe()).isEqualTo("camera = front and (hour < 6 or hour >= 18)");
            assertThat(early.or(late).describe()).isEqualTo("hour < 6 or hour >= 18");
            assertThat(not(front).describe()).isEqualTo("not (camera = front)");
            assertThat(where("hour").isBetween(6, 18).describe()).isEqualTo("hour between 6 and 18");
            assertThat(where("camera").isIn("a", "b").describe()).isEqualTo("camera in [a, b]");
            assertThat(where("hour").isMissing().describe()).isEqualTo("hour is missing");
        }

        @Test
        void an_ad_hoc_slice_is_named_by_its_definition() {
            MetricValue value = assertThat(model()).onSlice(where("hour").isBetween(6, 18)).size().actual();

            assertThat(value.slice()).isEqualTo("hour between 6 and 18");
        }
    }

    @Nested
    class Consistency {

        @Test
        void a_shorthand_slice_does_not_depend_on_what_ran_before() {
            // GIVEN one model, first sliced by each value of hour
            Model model = model();
            assertThat(model).onEachSliceOf("hour").size().actuals();

            // WHEN the shorthand "hour=6" is asked of it
            double shorthand = assertThat(model).onSlice("hour=6").size().actual().value();

            // THEN it holds rows 2 (6) and 3 (6.0), as it does on a fresh model
            assertThat(shorthand).isEqualTo(2.0);
        }

        @Test
        void each_value_of_a_numeric_column_is_one_slice_however_it_is_written() {
            // 6 and 6.0 are one number: the shorthand hour=6 holds both, so does the slice hour=6
            var each = assertThat(model()).onEachSliceOf("hour").size().actuals();

            assertThat(each.keySet()).doesNotContain("hour=6.0");
            assertThat(each.get("hour=6").value()).isEqualTo(2.0);
        }

        @Test
        void two_copies_with_a_slice_of_the_same_name_keep_their_own_definitions() {
            // GIVEN one logged model and two copies of its data that define "early" differently
            Dataset data = ROWS;
            Model model = Model.logged("m", data);
            Dataset beforeSix = data.withSlice("early", where("hour").isLessThan(6));   // hours 0, 5
            Dataset beforeTen = data.withSlice("early", where("hour").isLessThan(10));  // hours 0, 5, 6, 6.0

            // WHEN both are evaluated through the same model
            double first = assertThat(model).on(beforeSix).onSlice("early").size().actual().value();
            double second = assertThat(model).on(beforeTen).onSlice("early").size().actual().value();

            // THEN each copy's own definition decides
            assertThat(first).isEqualTo(2.0);
            assertThat(second).isEqualTo(4.0);
        }
    }

    @Nested
    class Mistakes {

        @Test
        void an_order_comparison_on_a_text_column_names_the_column_and_the_first_text_with_its_line() {
            // GIVEN hour is "late" on line 4 of the file
            Dataset data = Dataset.fromCsv(DslTestData.fixture("hour_with_text.csv"))
                    .withLabel("label").withPrediction("predicted");

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).onSlice(where("hour").isLessThan(6)).size()
                    .actual())
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'hour'")
                    .hasMessageContaining("'late'")
                    .hasMessageContaining("hour_with_text.csv line 4");
        }

        @Test
        void an_order_comparison_inside_a_named_slice_fails_the_same_way() {
            Dataset data = Dataset.fromCsv(DslTestData.fixture("hour_with_text.csv"))
                    .withLabel("label").withPrediction("predicted")
                    .withSlice("night", where("camera").isEqualTo("front").and(where("hour").isAtLeast(20)));

            assertThatThrownBy(() -> assertThat(Model.logged("m", data)).onSlice("night").accuracy().isAbove(0.5))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'late'")
                    .hasMessageContaining("line 4");
        }

        @Test
        void an_unknown_column_in_an_ad_hoc_slice_fails_listing_the_columns() {
            assertThatThrownBy(() -> rows(where("camrea").isEqualTo("front")))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'camrea'")
                    .hasMessageContaining("[label, predicted, hour, camera]");
        }

        @Test
        void an_equality_on_a_numeric_column_with_an_infinite_value_still_works() {
            // GIVEN a numeric column that holds "inf", which the loader reads as +Infinity
            Dataset data = Dataset.builder("inf").columns("label", "predicted", "x")
                    .row("1", "1", 6).row("0", "0", "inf").row("1", "1", 2).build()
                    .withLabel("label").withPrediction("predicted");

            // WHEN selecting x = 6 THEN it is the one row, not a NumberFormatException
            assertThat((long) assertThat(Model.logged("m", data)).onSlice("x=6").size().actual().value()).isEqualTo(1);
        }
    }
}
