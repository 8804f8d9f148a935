package dev.touchstone.gate;

import static dev.touchstone.gate.Entries.error;
import static dev.touchstone.gate.Entries.recall;
import static dev.touchstone.gate.Entries.run;
import static dev.touchstone.gate.Entries.withVerdict;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gate of a whole run: verdicts, the inconclusive policy, POM rules, allowed violations. */
class GateTest {

    static final CheckEntry FRONT = recall("camera=front", 0.95);
    static final CheckEntry SIDE_FAILED = withVerdict(recall("camera=side", 0.871), Verdict.FAILED);
    static final CheckEntry NIGHT_INCONCLUSIVE = withVerdict(recall("night", 0.80), Verdict.INCONCLUSIVE);
    static final CheckEntry BROKEN = error("recallOnMissingColumn", "unknown column 'camrea' in detections.csv\n  columns: camera, label");

    @Nested
    class Verdicts {

        @Test
        void a_run_where_every_check_passed_passes() {
            // WHEN
            GateReport report = Gate.evaluate(run(FRONT, recall("camera=side", 0.9)), GateOptions.withDefaults());
            // THEN
            then(report.passed()).isTrue();
            then(report.violations()).isEmpty();
            then(report.summary()).isEqualTo("Touchstone quality gate passed: 2 results: 2 passed, 0 failed, 0 inconclusive, 0 errors");
        }

        @Test
        void a_failed_check_fails_the_gate() {
            GateReport report = Gate.evaluate(run(FRONT, SIDE_FAILED), GateOptions.withDefaults());

            then(report.passed()).isFalse();
            then(report.violations()).singleElement().satisfies(v -> {
                then(v.kind()).isEqualTo(Violation.Kind.FAILED_CHECK);
                then(v.entry()).isSameAs(SIDE_FAILED);
                then(v.message()).isEqualTo("Check DetectorQualityTest.recallOnEveryCamera failed for slice camera=side: "
                        + "recall is 0.871, but expected at least 0.800 with 95% confidence (95% CI [0.851, 0.891], n=400)");
            });
            then(report.summary()).isEqualTo("Touchstone quality gate failed: 1 violation, at most 0 allowed "
                    + "(1 failed check); 2 results: 1 passed, 1 failed, 0 inconclusive, 0 errors");
        }

        @Test
        void a_check_that_could_not_be_evaluated_fails_the_gate_and_is_never_tolerated() {
            GateReport report = Gate.evaluate(run(FRONT, BROKEN), GateOptions.withDefaults().withMaxAllowedViolations(5));

            then(report.passed()).isFalse();
            then(report.violations()).extracting(Violation::message).containsExactly(
                    "Check DetectorQualityTest.recallOnMissingColumn could not be evaluated: unknown column 'camrea' in detections.csv");
            then(report.summary()).isEqualTo("Touchstone quality gate failed: 1 violation, at most 5 allowed and no check "
                    + "error (1 check error); 2 results: 1 passed, 0 failed, 0 inconclusive, 1 error");
        }

        @Test
        void an_empty_run_passes() {
            then(Gate.evaluate(run(), GateOptions.withDefaults()).passed()).isTrue();
        }
    }

    @Nested
    class InconclusivePolicies {

        @Test
        void under_fail_an_inconclusive_result_is_a_violation() {
            GateReport report = Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE), GateOptions.withDefaults());

            then(report.passed()).isFalse();
            then(report.violations()).singleElement().satisfies(v -> {
                then(v.kind()).isEqualTo(Violation.Kind.INCONCLUSIVE_CHECK);
                then(v.message()).startsWith("Check DetectorQualityTest.recallOnEveryCamera inconclusive for slice night: "
                        + "recall is 0.800, but expected at least 0.800 with 95% confidence (95% CI [0.780, 0.820], n=400)");
            });
            then(report.notices()).isEmpty();
        }

        @Test
        void under_skip_it_is_reported_but_not_counted() {
            GateReport report = Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE),
                    GateOptions.withDefaults().withInconclusive(InconclusivePolicy.SKIP));

            then(report.passed()).isTrue();
            then(report.violations()).isEmpty();
            then(report.notices()).extracting(Violation::entry).containsExactly(NIGHT_INCONCLUSIVE);
            then(report.summary()).isEqualTo("Touchstone quality gate passed: 2 results: 1 passed, 0 failed, "
                    + "1 inconclusive, 0 errors; 1 inconclusive not counted (touchstone.inconclusive=skip)");
        }

        @Test
        void max_inconclusive_caps_them_under_either_policy() {
            GateOptions options = GateOptions.withDefaults().withInconclusive(InconclusivePolicy.SKIP).withMaxInconclusive(1);
            CheckEntry other = withVerdict(recall("camera=rear", 0.8), Verdict.INCONCLUSIVE);

            then(Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE), options).passed()).isTrue();
            GateReport two = Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE, other), options);
            then(two.passed()).isFalse();
            then(two.violations()).singleElement().satisfies(v -> {
                then(v.kind()).isEqualTo(Violation.Kind.TOO_MANY_INCONCLUSIVE);
                then(v.message()).isEqualTo("Rule violated for the run: 2 results are inconclusive, but expected at most 1 (maxInconclusive)");
            });
            then(Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE, other), options.withInconclusive(InconclusivePolicy.FAIL))
                    .violations()).extracting(Violation::kind).containsExactly(Violation.Kind.INCONCLUSIVE_CHECK,
                            Violation.Kind.INCONCLUSIVE_CHECK, Violation.Kind.TOO_MANY_INCONCLUSIVE);
        }
    }

    @Nested
    class PomRules {

        @Test
        void a_rule_fails_a_run_whose_checks_all_passed() {
            Rule rule = Rule.forSlices("camera=*").withLimits(Limit.on("recall").withMinimum(Threshold.parse("m", "0.9")));
            CheckEntry side = recall("camera=side", 0.871);
            GateReport report = Gate.evaluate(run(FRONT, side), GateOptions.withDefaults().withRules(List.of(rule)));

            then(report.passed()).isFalse();
            then(report.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.RULE);
            then(report.violatesRule(side)).isTrue();
            then(report.violatesRule(FRONT)).isFalse();
            then(report.summary()).isEqualTo("Touchstone quality gate failed: 1 violation, at most 0 allowed "
                    + "(1 rule violation); 2 results: 2 passed, 0 failed, 0 inconclusive, 0 errors; 1 POM rule");
        }
    }

    @Nested
    class AllowedViolations {

        @Test
        void violations_up_to_the_allowance_pass_and_are_still_reported() {
            GateReport report = Gate.evaluate(run(FRONT, SIDE_FAILED, NIGHT_INCONCLUSIVE),
                    GateOptions.withDefaults().withMaxAllowedViolations(2));

            then(report.passed()).isTrue();
            then(report.violations()).hasSize(2);
            then(report.summary()).isEqualTo("Touchstone quality gate passed with 2 violations, at most 2 allowed "
                    + "(1 failed check, 1 inconclusive check); 3 results: 1 passed, 1 failed, 1 inconclusive, 0 errors");
        }

        @Test
        void one_more_fails() {
            then(Gate.evaluate(run(FRONT, SIDE_FAILED, NIGHT_INCONCLUSIVE), GateOptions.withDefaults().withMaxAllowedViolations(1))
                    .passed()).isFalse();
        }

        @Test
        void negative_allowances_are_rejected() {
            thenThrownBy(() -> GateOptions.withDefaults().withMaxAllowedViolations(-1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("maxAllowedViolations must be 0 or more but was -1");
            thenThrownBy(() -> GateOptions.withDefaults().withMaxInconclusive(-2))
                    .hasMessage("maxInconclusive must be 0 or more but was -2");
        }
    }

    @Test
    void rows_list_what_needs_attention_first_and_keep_the_results_order_otherwise() {
        CheckEntry rear = recall("camera=rear", 0.85);
        Rule rule = Rule.forSlices("camera=rear").withLimits(Limit.on("recall").withMinimum(Threshold.parse("m", "0.9")));
        GateReport report = Gate.evaluate(run(FRONT, NIGHT_INCONCLUSIVE, rear, SIDE_FAILED, BROKEN),
                GateOptions.withDefaults().withRules(List.of(rule)));

        then(report.rows()).containsExactly(BROKEN, SIDE_FAILED, NIGHT_INCONCLUSIVE, rear, FRONT);
        then(report.attention()).containsExactly(BROKEN, SIDE_FAILED, NIGHT_INCONCLUSIVE, rear);
    }
}
