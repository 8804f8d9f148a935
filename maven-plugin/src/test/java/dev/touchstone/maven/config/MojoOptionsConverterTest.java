package dev.touchstone.maven.config;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.gate.GateOptions;
import dev.touchstone.gate.Limit;
import dev.touchstone.gate.Rule;
import dev.touchstone.gate.Threshold;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mojo fields to options: defaults, parsing, and errors that name the key and the value. */
class MojoOptionsConverterTest {

    static RuleConfiguration rule(String slices, LimitConfiguration... limits) {
        return new RuleConfiguration(slices, List.of(limits));
    }

    static LimitConfiguration minimum(String metric, String minimum) {
        return new LimitConfiguration(metric, minimum, null, null);
    }

    static GateOptions gate(List<RuleConfiguration> rules) {
        return MojoOptionsConverter.gate("fail", "0", null, rules);
    }

    @Nested
    class Check {

        @Test
        void the_defaults_are_the_framework_defaults() {
            // WHEN the Mojo's default values are converted
            CheckOptions options = MojoOptionsConverter.check(new File("target/touchstone"), true, false, "fail", "0",
                    null, List.of());
            // THEN
            then(options.resultsFile()).isEqualTo(Path.of("target/touchstone/results.json"));
            then(options.summaryFile()).isEqualTo(Path.of("target/touchstone/summary.md"));
            then(options.haltOnFailure()).isTrue();
            then(options.failIfNoResults()).isFalse();
            then(options.gate()).isEqualTo(GateOptions.withDefaults());
        }

        @Test
        void every_field_is_carried_over() {
            CheckOptions options = MojoOptionsConverter.check(new File("build/ts"), false, true, " SKIP ", "3", "2",
                    List.of(rule("camera=*", minimum("recall", "0.80"))));

            then(options.resultsFile()).isEqualTo(Path.of("build/ts/results.json"));
            then(options.haltOnFailure()).isFalse();
            then(options.failIfNoResults()).isTrue();
            then(options.gate().inconclusive()).isEqualTo(InconclusivePolicy.SKIP);
            then(options.gate().maxAllowedViolations()).isEqualTo(3);
            then(options.gate().maxInconclusive()).isEqualTo(OptionalInt.of(2));
            then(options.gate().rules()).hasSize(1);
        }

        @Test
        void blank_values_take_the_defaults() {
            GateOptions options = MojoOptionsConverter.gate(" ", "", " ", null);
            then(options).isEqualTo(GateOptions.withDefaults());
        }
    }

    @Nested
    class InvalidValues {

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "failed", "true"})
        void an_unknown_inconclusive_policy_names_key_value_and_choices(String value) {
            thenThrownBy(() -> MojoOptionsConverter.gate(value, "0", null, List.of()))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("configuration touchstone.inconclusive=" + value + " is invalid: expected one of fail, skip");
        }

        @Test
        void the_inconclusive_policy_fails_exactly_as_the_engine_reads_it() {
            Throwable plugin = catchThrowable(() -> MojoOptionsConverter.gate("maybe", "0", null, List.of()));
            Throwable engine = catchThrowable(() -> TouchstoneSettings.from(Map.of("touchstone.inconclusive", "maybe")::get));

            then(plugin).hasMessage(engine.getMessage());
        }

        @ParameterizedTest
        @CsvSource({"touchstone.maxAllowedViolations, -1", "touchstone.maxAllowedViolations, two",
            "touchstone.maxInconclusive, 1.5", "touchstone.maxInconclusive, -3"})
        void counts_must_be_whole_numbers_of_zero_or_more(String key, String value) {
            thenThrownBy(() -> MojoOptionsConverter.gate("fail",
                    key.endsWith("Violations") ? value : "0", key.endsWith("Inconclusive") ? value : null, List.of()))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("configuration " + key + "=" + value + " is invalid: expected an integer of at least 0");
        }
    }

    @Nested
    class Rules {

        @Test
        void a_rule_becomes_the_framework_rule() {
            List<Rule> rules = gate(List.of(rule(" camera=* , night", minimum("RECALL", "80%"),
                    new LimitConfiguration("brier_score", null, "0.1", null),
                    new LimitConfiguration("roc_auc", "0.9", "1", "1%")))).rules();

            then(rules).singleElement().satisfies(r -> {
                then(r.slices()).containsExactly("camera=*", "night");
                then(r.limits()).containsExactly(
                        Limit.on("recall").withMinimum(Threshold.parse("m", "80%")),
                        Limit.on("brier_score").withMaximum(Threshold.parse("m", "0.1")),
                        Limit.on("roc_auc").withMinimum(Threshold.parse("m", "0.9")).withMaximum(Threshold.parse("m", "1"))
                                .withMaxRegression(Threshold.parse("m", "1%")));
            });
        }

        @Test
        void a_rule_without_slices_selects_every_slice() {
            then(gate(List.of(rule(null, minimum("recall", "0.8")))).rules().get(0).slices()).containsExactly("*");
        }

        @Test
        void a_threshold_that_is_not_a_number_is_named_with_its_path() {
            thenThrownBy(() -> gate(List.of(rule("*", minimum("recall", "0.8")), rule("camera=*", minimum("recall", "eighty")))))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("rules.rule[2].limits.limit[1].minimum = 'eighty' is not a number: expected a number "
                            + "such as 0.9 or a percentage such as 90%");
        }

        @Test
        void a_threshold_outside_the_metric_range_is_named_with_its_path() {
            thenThrownBy(() -> gate(List.of(rule("*", minimum("recall", "80")))))
                    .hasMessage("rules.rule[1].limits.limit[1]: minimum 80 of recall is outside the values recall can "
                            + "take, [0, 1]: write 0.9 or 90%");
        }

        @Test
        void a_limit_without_metric_or_bound_is_rejected() {
            thenThrownBy(() -> gate(List.of(rule("*", minimum(null, "0.8")))))
                    .hasMessage("rules.rule[1].limits.limit[1]: limit has no metric: expected a metric name such as recall or roc_auc");
            thenThrownBy(() -> gate(List.of(rule("*", new LimitConfiguration("recall", null, null, null)))))
                    .hasMessage("rules.rule[1].limits.limit[1]: limit on recall has no minimum, maximum or maxRegression: "
                            + "expected at least one, such as <minimum>0.80</minimum>");
        }

        @Test
        void a_rule_without_limits_is_rejected() {
            thenThrownBy(() -> gate(List.of(new RuleConfiguration("camera=*", List.of()))))
                    .hasMessage("rules.rule[1] has no limits: expected <limits><limit><metric>recall</metric>"
                            + "<minimum>0.80</minimum></limit></limits>");
        }

        @Test
        void an_unknown_metric_name_syntax_is_rejected_with_the_name() {
            thenThrownBy(() -> gate(List.of(rule("*", minimum("recall at night", "0.8")))))
                    .hasMessageStartingWith("rules.rule[1].limits.limit[1]: metric 'recall at night' is not a metric name");
        }
    }

    @Nested
    class Baseline {

        @Test
        void carries_the_directories_name_prune_and_force() {
            BaselineOptions options = MojoOptionsConverter.baseline(new File("target/touchstone"),
                    new File("src/test/touchstone"), "previous-run", true, false);
            then(options.resultsDirectory()).isEqualTo(Path.of("target/touchstone"));
            then(options.baselineDirectory()).isEqualTo(Path.of("src/test/touchstone"));
            then(options.name()).isEqualTo("previous-run");
            then(options.prune()).isTrue();
            then(options.force()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "a/b", "..", ".hidden", "a\\b"})
        void a_name_that_is_not_a_plain_directory_name_is_rejected(String name) {
            thenThrownBy(() -> MojoOptionsConverter.baseline(new File("t"), new File("b"), name, false, false))
                    .hasMessage("configuration touchstone.baseline.name=" + name + " is invalid: expected a plain directory name "
                            + "such as previous-run or prod");
        }
    }

    @Nested
    class Report {

        @Test
        void carries_every_field() {
            ReportOptions options = MojoOptionsConverter.report(new File("target/allure-results"),
                    new File("target/allure-report"), true, "2.34.1", new File("target/tools"), false);
            then(options.allureResults()).isEqualTo(Path.of("target/allure-results"));
            then(options.reportDirectory()).isEqualTo(Path.of("target/allure-report"));
            then(options.singleFile()).isTrue();
            then(options.allureVersion()).isEqualTo("2.34.1");
            then(options.toolsDirectory()).isEqualTo(Path.of("target/tools"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "latest!", "../2.34"})
        void a_malformed_allure_version_is_rejected(String version) {
            thenThrownBy(() -> MojoOptionsConverter.report(new File("r"), new File("o"), false, version, new File("t"), false))
                    .hasMessage("configuration touchstone.report.allureVersion=" + version + " is invalid: expected an Allure 2 "
                            + "commandline version such as 2.34.1");
        }
    }
}
