package dev.touchstone.config.internal;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.config.McNemarVariant;
import dev.touchstone.config.MultiplicityCorrection;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one configuration parser: documented spellings, fallbacks, and one error format for every key. */
class ConfigParserTest {

    @Nested
    class Enums {

        @ParameterizedTest
        @CsvSource({"fail, FAIL", "SKIP, SKIP", "' Skip ', SKIP"})
        void policies_are_read_in_any_case(String raw, InconclusivePolicy expected) {
            assertThat(ConfigParser.enumValue("k", raw, InconclusivePolicy.FAIL)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"chi-square", "CHI-SQUARE", "chi_square"})
        void words_are_joined_by_a_dash_or_an_underscore(String raw) {
            assertThat(ConfigParser.enumValue("k", raw, McNemarVariant.EXACT)).isEqualTo(McNemarVariant.CHI_SQUARE);
        }

        @Test
        void an_unknown_value_lists_the_documented_spellings() {
            assertThatThrownBy(() -> ConfigParser.enumValue(ConfigKeys.MCNEMAR, "chi2", McNemarVariant.EXACT))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessage("configuration touchstone.test.mcnemar=chi2 is invalid: expected one of exact, chi-square");
            assertThatThrownBy(() -> ConfigParser.enumValue(ConfigKeys.MULTIPLICITY, "fdr", MultiplicityCorrection.HOLM))
                    .hasMessage("configuration touchstone.multiplicity=fdr is invalid: expected one of holm, bonferroni, "
                            + "bh, none");
        }
    }

    @Nested
    class Values {

        @Test
        void booleans_are_true_or_false_in_any_case() {
            assertThat(ConfigParser.bool("k", " TRUE ", false)).isTrue();
            assertThat(ConfigParser.bool("k", "false", true)).isFalse();
            assertThatThrownBy(() -> ConfigParser.bool(ConfigKeys.BASELINE_UPDATE, "yes", false))
                    .hasMessage("configuration touchstone.baseline.update=yes is invalid: expected true or false");
        }

        @Test
        void integers_have_a_lower_bound() {
            assertThat(ConfigParser.intAtLeast("k", "0", 0, 5)).isZero();
            assertThatThrownBy(() -> ConfigParser.intAtLeast(ConfigKeys.OUTCOMES_MAX_ROWS, "-1", 0, 5))
                    .hasMessage("configuration touchstone.outcomes.max-rows=-1 is invalid: expected an integer of at least 0");
            assertThatThrownBy(() -> ConfigParser.intAtLeast(ConfigKeys.BOOTSTRAP_RESAMPLES, "1e4", 100, 5))
                    .hasMessage("configuration touchstone.bootstrap.resamples=1e4 is invalid: expected an integer of at "
                            + "least 100");
        }

        @Test
        void levels_are_strictly_between_0_and_1_and_the_default_is_the_example() {
            assertThat(ConfigParser.openUnitInterval("k", "0.99", 0.95)).isEqualTo(0.99);
            assertThatThrownBy(() -> ConfigParser.openUnitInterval(ConfigKeys.ALPHA, "1", ConfigKeys.DEFAULT_ALPHA))
                    .hasMessage("configuration touchstone.alpha=1 is invalid: expected a number in (0, 1), e.g. 0.05");
        }

        @Test
        void the_value_is_quoted_as_written() {
            assertThatThrownBy(() -> ConfigParser.longValue(ConfigKeys.SEED, " x42 ", 1))
                    .hasMessage("configuration touchstone.seed= x42  is invalid: expected an integer");
        }

        @Test
        void a_path_that_cannot_be_one_is_invalid() {
            assertThat(ConfigParser.path("k", " out/dir ", null)).isEqualTo(Path.of("out/dir"));
            assertThatThrownBy(() -> ConfigParser.path(ConfigKeys.CACHE_DIR, "a\0b", null))
                    .hasMessageStartingWith("configuration touchstone.cache.dir=a")
                    .hasMessageEndingWith(" is invalid: expected a directory path");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "\t"})
        void a_blank_value_takes_the_fallback(String raw) {
            assertThat(ConfigParser.enumValue("k", raw, InconclusivePolicy.SKIP)).isEqualTo(InconclusivePolicy.SKIP);
            assertThat(ConfigParser.bool("k", raw, true)).isTrue();
            assertThat(ConfigParser.longValue("k", raw, 7)).isEqualTo(7);
            assertThat(ConfigParser.intAtLeast("k", raw, 100, 200)).isEqualTo(200);
            assertThat(ConfigParser.openUnitInterval("k", raw, 0.5)).isEqualTo(0.5);
            assertThat(ConfigParser.path("k", raw, Path.of("d"))).isEqualTo(Path.of("d"));
        }
    }

    @Nested
    class Keys {

        /** The keys and defaults users put in their builds: a public contract, so spelled out here. */
        @Test
        void the_keys_and_defaults_are_the_documented_ones() throws Exception {
            Map<String, Object> expected = new TreeMap<>(Map.ofEntries(
                    Map.entry("RESULTS_DIR", "touchstone.results.dir"),
                    Map.entry("DEFAULT_RESULTS_DIR", "target/touchstone"),
                    Map.entry("BASELINE_DIR", "touchstone.baseline.dir"),
                    Map.entry("DEFAULT_BASELINE_DIR", "src/test/touchstone"),
                    Map.entry("SEED", "touchstone.seed"),
                    Map.entry("DEFAULT_SEED", 42L),
                    Map.entry("CONFIDENCE", "touchstone.confidence"),
                    Map.entry("DEFAULT_CONFIDENCE", 0.95),
                    Map.entry("ALPHA", "touchstone.alpha"),
                    Map.entry("DEFAULT_ALPHA", 0.05),
                    Map.entry("BOOTSTRAP_RESAMPLES", "touchstone.bootstrap.resamples"),
                    Map.entry("DEFAULT_RESAMPLES", 10_000),
                    Map.entry("MIN_RESAMPLES", 100),
                    Map.entry("INCONCLUSIVE", "touchstone.inconclusive"),
                    Map.entry("MULTIPLICITY", "touchstone.multiplicity"),
                    Map.entry("MULTIPLICITY_SCOPE", "touchstone.multiplicity.scope"),
                    Map.entry("POWER", "touchstone.power"),
                    Map.entry("DEFAULT_POWER", 0.8),
                    Map.entry("MCNEMAR", "touchstone.test.mcnemar"),
                    Map.entry("OUTCOMES_RECORD", "touchstone.outcomes.record"),
                    Map.entry("DEFAULT_OUTCOMES_RECORD", true),
                    Map.entry("OUTCOMES_MAX_ROWS", "touchstone.outcomes.max-rows"),
                    Map.entry("DEFAULT_OUTCOMES_MAX_ROWS", 1_000_000),
                    Map.entry("BASELINE_UPDATE", "touchstone.baseline.update"),
                    Map.entry("BASELINE_PRUNE", "touchstone.baseline.prune"),
                    Map.entry("DEFAULT_BASELINE_PRUNE", false),
                    Map.entry("BASELINE_FORCE", "touchstone.baseline.force"),
                    Map.entry("DEFAULT_BASELINE_FORCE", false),
                    Map.entry("DEFAULT_BASELINE_UPDATE", false),
                    Map.entry("ALLURE_ENABLED", "touchstone.allure.enabled"),
                    Map.entry("DEFAULT_ALLURE_ENABLED", true),
                    Map.entry("ALLURE_RESULTS_DIR", "touchstone.allure.results.dir"),
                    Map.entry("DEFAULT_ALLURE_RESULTS_DIR", "target/allure-results"),
                    Map.entry("ALLURE_RESULTS_CLEAN", "touchstone.allure.results.clean"),
                    Map.entry("DEFAULT_ALLURE_RESULTS_CLEAN", true),
                    Map.entry("BASELINE_MISSING", "touchstone.baseline.missing"),
                    Map.entry("CACHE_DIR", "touchstone.cache.dir"),
                    Map.entry("MAX_RESAMPLES", 1_000_000),
                    Map.entry("WHY_MAX_RESAMPLES", ConfigKeys.WHY_MAX_RESAMPLES),
                    Map.entry("MAX_RECORD_BYTES", "touchstone.data.max-record-bytes"),
                    Map.entry("DEFAULT_MAX_RECORD_BYTES", 16 << 20),
                    Map.entry("MIN_MAX_RECORD_BYTES", 1024),
                    Map.entry("MAX_MAX_RECORD_BYTES", Integer.MAX_VALUE - 16),
                    Map.entry("WHY_MAX_MAX_RECORD_BYTES", ConfigKeys.WHY_MAX_MAX_RECORD_BYTES),
                    Map.entry("MAX_RESPONSE_BYTES", "touchstone.endpoint.max-response-bytes"),
                    Map.entry("DEFAULT_MAX_RESPONSE_BYTES", 4 << 20),
                    Map.entry("MIN_MAX_RESPONSE_BYTES", 1024),
                    Map.entry("MAX_MAX_RESPONSE_BYTES", 1 << 30),
                    Map.entry("WHY_MAX_MAX_RESPONSE_BYTES", ConfigKeys.WHY_MAX_MAX_RESPONSE_BYTES),
                    Map.entry("MAVEN_PLUGIN_KEYS", ConfigKeys.MAVEN_PLUGIN_KEYS)));
            expected.putAll(Map.ofEntries( // export: metrics.prom, the Pushgateway, JSON lines
                    Map.entry("PROMETHEUS_ENABLED", "touchstone.prometheus.enabled"),
                    Map.entry("DEFAULT_PROMETHEUS_ENABLED", true),
                    Map.entry("PROMETHEUS_PUSHGATEWAY", "touchstone.prometheus.pushgateway"),
                    Map.entry("PROMETHEUS_JOB", "touchstone.prometheus.job"),
                    Map.entry("DEFAULT_PROMETHEUS_JOB", "touchstone"),
                    Map.entry("PROMETHEUS_INSTANCE", "touchstone.prometheus.instance"),
                    Map.entry("PROMETHEUS_PUSHGATEWAY_TOKEN", "touchstone.prometheus.pushgateway.token"),
                    Map.entry("PROMETHEUS_PUSHGATEWAY_USERNAME", "touchstone.prometheus.pushgateway.username"),
                    Map.entry("PROMETHEUS_PUSHGATEWAY_PASSWORD", "touchstone.prometheus.pushgateway.password"),
                    Map.entry("RESULTS_JSONL", "touchstone.results.jsonl"),
                    Map.entry("DEFAULT_RESULTS_JSONL", false)));
            Map<String, Object> actual = new TreeMap<>();
            for (Field field : ConfigKeys.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    actual.put(field.getName(), field.get(null));
                }
            }

            assertThat(actual).isEqualTo(expected);
        }

        @Test
        void the_enum_defaults_are_the_documented_ones() {
            TouchstoneSettings defaults = TouchstoneSettings.defaults();

            List<String> spelled = new ArrayList<>();
            for (Enum<?> e : List.of(defaults.inconclusive(), defaults.multiplicity(), defaults.multiplicityScope(),
                    defaults.baselineMissing(), defaults.mcnemar())) {
                spelled.add(ConfigParser.spelling(e));
            }

            assertThat(spelled).containsExactly("fail", "holm", "statement", "fail", "exact");
            assertThat(defaults.responseCache()).isEmpty();
        }
    }
}
