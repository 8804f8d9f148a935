package dev.touchstone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings from configuration keys: documented defaults, parsing, fail-fast errors, scoping. */
class TouchstoneSettingsTest {

    static TouchstoneSettings from(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return TouchstoneSettings.from(map::get);
    }

    @Nested
    class Defaults {

        @Test
        void absent_keys_take_the_documented_defaults() {
            TouchstoneSettings settings = from();

            assertThat(settings.seed()).isEqualTo(42L);
            assertThat(settings.confidence()).isEqualTo(0.95);
            assertThat(settings.resamples()).isEqualTo(10_000);
            assertThat(settings.alpha()).isEqualTo(0.05);
            assertThat(settings.inconclusive()).isEqualTo(InconclusivePolicy.FAIL);
            assertThat(settings).isEqualTo(TouchstoneSettings.defaults());
        }

        @Test
        void the_keys_are_the_documented_ones() {
            assertThat(ConfigKeys.SEED).isEqualTo("touchstone.seed");
            assertThat(ConfigKeys.CONFIDENCE).isEqualTo("touchstone.confidence");
            assertThat(ConfigKeys.BOOTSTRAP_RESAMPLES).isEqualTo("touchstone.bootstrap.resamples");
            assertThat(ConfigKeys.INCONCLUSIVE).isEqualTo("touchstone.inconclusive");
            assertThat(ConfigKeys.ALPHA).isEqualTo("touchstone.alpha");
        }

        @Test
        void blank_values_count_as_absent() {
            assertThat(from("touchstone.seed", "  ", "touchstone.confidence", "")).isEqualTo(TouchstoneSettings.defaults());
        }
    }

    @Nested
    class Parsing {

        @Test
        void every_key_is_read() {
            TouchstoneSettings settings = from("touchstone.seed", "7", "touchstone.confidence", "0.9",
                    "touchstone.bootstrap.resamples", "2000", "touchstone.alpha", "0.01",
                    "touchstone.inconclusive", "skip");

            assertThat(settings).isEqualTo(new TouchstoneSettings(7, 0.9, 2000, 0.01, InconclusivePolicy.SKIP));
        }

        @Test
        void surrounding_spaces_are_ignored() {
            assertThat(from("touchstone.confidence", " 0.99 ").confidence()).isEqualTo(0.99);
        }

        @ParameterizedTest
        @CsvSource({"skip, SKIP", "SKIP, SKIP", "Fail, FAIL", "fail, FAIL"})
        void the_inconclusive_policy_ignores_case(String raw, InconclusivePolicy expected) {
            assertThat(from("touchstone.inconclusive", raw).inconclusive()).isEqualTo(expected);
        }

        @Test
        void a_negative_seed_is_a_seed() {
            assertThat(from("touchstone.seed", "-3").seed()).isEqualTo(-3L);
        }
    }

    @Nested
    class BadValues {

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
            "touchstone.confidence          | 1.5   | (0, 1)",
            "touchstone.confidence          | 0     | (0, 1)",
            "touchstone.confidence          | NaN   | (0, 1)",
            "touchstone.confidence          | high  | (0, 1)",
            "touchstone.bootstrap.resamples | abc   | an integer from 100 to 1,000,000",
            "touchstone.bootstrap.resamples | 50    | an integer from 100 to 1,000,000",
            "touchstone.bootstrap.resamples | 1e4   | an integer from 100 to 1,000,000",
            "touchstone.inconclusive        | maybe | fail, skip",
            "touchstone.seed                | x42   | integer",
            "touchstone.alpha               | 1     | (0, 1)",
        })
        void a_bad_value_fails_naming_key_value_and_what_is_allowed(String key, String value, String allowed) {
            assertThatThrownBy(() -> from(key, value))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining(value)
                    .hasMessageContaining(allowed);
        }

        @Test
        void the_message_reads_key_equals_value() {
            assertThatThrownBy(() -> from("touchstone.confidence", "1.5"))
                    .hasMessageContaining("touchstone.confidence=1.5");
        }

        @Test
        void invalid_settings_cannot_be_built_directly_either() {
            assertThatThrownBy(() -> TouchstoneSettings.defaults().withResamples(10))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("touchstone.bootstrap.resamples");
        }
    }

}
