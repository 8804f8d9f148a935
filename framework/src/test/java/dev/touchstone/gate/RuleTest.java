package dev.touchstone.gate;

import static dev.touchstone.gate.Entries.entry;
import static dev.touchstone.gate.Entries.inCheck;
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

/** Rules over the slices of a run, in the style of JaCoCo's RuleTest. */
class RuleTest {

    static final List<CheckEntry> CAMERAS = List.of(recall("camera=front", 0.95), recall("camera=side", 0.871),
            recall("camera=rear", 0.79), recall("night", 0.70), recall("overall", 0.90));

    static Limit recallAtLeast(String text) {
        return Limit.on("recall").withMinimum(Threshold.parse("minimum", text));
    }

    @Nested
    class SliceSelection {

        @Test
        void a_glob_selects_every_value_of_a_column() {
            // WHEN
            List<Violation> violations = Rule.forSlices("camera=*").withLimits(recallAtLeast("0.90")).check(CAMERAS);
            // THEN night (0.70) is not a camera slice
            then(violations).extracting(v -> v.entry().slice()).containsExactly("camera=side", "camera=rear");
            then(violations).extracting(Violation::kind).containsOnly(Violation.Kind.RULE);
        }

        @Test
        void no_pattern_selects_every_slice() {
            then(Rule.forSlices(List.of()).slices()).containsExactly("*");
            then(Rule.forSlices(List.of()).withLimits(recallAtLeast("0.9")).check(CAMERAS)).hasSize(3);
        }

        @Test
        void several_patterns_are_alternatives() {
            Rule rule = Rule.forSlices(Rule.splitPatterns(" night , camera=fr?nt,")).withLimits(recallAtLeast("0.9"));
            then(rule.slices()).containsExactly("night", "camera=fr?nt");
            then(rule.check(CAMERAS)).extracting(v -> v.entry().slice()).containsExactly("night");
        }

        @Test
        void patterns_match_whole_names_and_quote_everything_but_the_wildcards() {
            Rule rule = Rule.forSlices("camera=(front)", "over");
            then(rule.selects("camera=(front)")).isTrue();
            then(rule.selects("overall")).isFalse();
            then(rule.selects(null)).isFalse();
            then(Rule.forSlices("hour<6*").selects("hour<6 or hour>=20")).isTrue();
        }
    }

    @Nested
    class Judging {

        @Test
        void every_limit_of_the_rule_is_judged() {
            List<CheckEntry> entries = List.of(recall("camera=side", 0.80), entry("camera=side", "accuracy", 0.7, 0.65, 0.75, 400));
            Rule rule = Rule.forSlices("camera=*").withLimits(recallAtLeast("0.9"),
                    Limit.on("accuracy").withMinimum(Threshold.parse("minimum", "75%")));
            then(rule.check(entries)).extracting(Violation::message).containsExactly(
                    "Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.800, but expected minimum is 0.900 (95% CI [0.780, 0.820], n=400)",
                    "Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: accuracy is 0.700, but expected minimum is 0.750 (95% CI [0.650, 0.750], n=400)");
        }

        /** Issue 11 item 14: the same slice, metric and value in two checks, one of them a comparison. */
        @Test
        void a_rule_applies_to_every_result_it_matches_and_names_the_check() {
            CheckEntry threshold = recall("site=hospital_a", 0.942);
            CheckEntry comparison = withBaseline(inCheck(recall("site=hospital_a", 0.942), "recallDoesNotRegressOnAnySite"),
                    0.943, 1.0);
            Rule rule = Rule.forSlices("site=*").withLimits(recallAtLeast("95%"));

            List<Violation> violations = rule.check(List.of(comparison, threshold));

            then(violations).extracting(Violation::entry).containsExactly(comparison, threshold);
            then(violations).extracting(Violation::message).containsExactly(
                    "Rule violated by DetectorQualityTest.recallDoesNotRegressOnAnySite for slice site=hospital_a: recall "
                            + "is 0.942, but expected minimum is 0.950 (95% CI [0.922, 0.962], n=400)",
                    "Rule violated by DetectorQualityTest.recallOnEveryCamera for slice site=hospital_a: recall is 0.942, "
                            + "but expected minimum is 0.950 (95% CI [0.922, 0.962], n=400)");
            then(violations).extracting(Violation::expected).containsOnly("rule: minimum is 0.950");
        }

        @Test
        void a_result_with_a_baseline_is_preferred_for_a_regression_limit() {
            CheckEntry plain = recall("night", 0.7);
            CheckEntry compared = withBaseline(recall("night", 0.7), 0.8, 0.01);
            Rule rule = Rule.forSlices("night").withLimits(Limit.on("recall").withMaxRegression(Threshold.parse("m", "0.05")));
            then(rule.check(List.of(plain, compared))).singleElement().extracting(Violation::entry).isSameAs(compared);
        }

        @Test
        void undefined_values_are_left_to_the_inconclusive_policy() {
            List<CheckEntry> entries = List.of(withoutValue(recall("camera=side", 0.5)), recall("camera=front", 0.95));
            then(Rule.forSlices("camera=*").withLimits(recallAtLeast("0.9")).check(entries)).isEmpty();
        }

        @Test
        void a_limit_without_a_bound_is_rejected() {
            thenThrownBy(() -> Rule.forSlices("*").withLimits(Limit.on("recall")))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("limit on recall has no minimum, maximum or maxRegression: expected at least one, "
                            + "such as <minimum>0.80</minimum>");
        }
    }

    @Nested
    class NothingMatched {

        @Test
        void a_limit_on_a_metric_no_selected_slice_measures_is_a_violation() {
            then(Rule.forSlices("camera=*").withLimits(Limit.on("precision").withMinimum(Threshold.parse("m", "0.8")))
                    .check(CAMERAS))
                    .singleElement().satisfies(v -> {
                        then(v.kind()).isEqualTo(Violation.Kind.RULE_UNMATCHED);
                        then(v.entry()).isNull();
                        then(v.message()).isEqualTo("Rule matched nothing for slices camera=*: no result measures precision "
                                + "on a slice matching camera=* (no slice measures precision; the matching slices measure recall)");
                    });
        }

        @Test
        void a_pattern_that_selects_no_slice_is_a_violation() {
            then(Rule.forSlices("camera=Side").withLimits(recallAtLeast("0.8")).check(CAMERAS))
                    .extracting(Violation::message).containsExactly("Rule matched nothing for slices camera=Side: no result "
                            + "measures recall on a slice matching camera=Side (recall is measured on camera=front, "
                            + "camera=rear, camera=side, night, overall; no slice matches camera=Side)");
        }

        @Test
        void a_regression_limit_where_no_result_has_a_baseline_is_a_violation() {
            then(Rule.forSlices("night").withLimits(Limit.on("recall").withMaxRegression(Threshold.parse("m", "1%")))
                    .check(CAMERAS))
                    .extracting(Violation::message).containsExactly("Rule matched nothing for slices night: no result of "
                            + "recall on such a slice has a baseline value to compare with");
        }
    }

    @Test
    void describes_itself() {
        then(Rule.forSlices("camera=*").withLimits(recallAtLeast("0.8"))).hasToString("rule on slices camera=*: recall minimum 0.8");
    }
}
