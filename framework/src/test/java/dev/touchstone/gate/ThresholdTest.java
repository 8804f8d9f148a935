package dev.touchstone.gate;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Thresholds as users write them in a POM: {@code 0.9}, {@code 0.90} or {@code 90%}. */
class ThresholdTest {

    @ParameterizedTest
    @CsvSource({
        "0.9,    0.9",
        "0.90,   0.90",
        "90%,    0.90",
        "' 85.5 % ', 0.855",
        "1,      1",
        "-0.2,   -0.2",
        "1204,   1204"})
    void parses_decimals_and_percentages(String text, String expected) {
        // WHEN
        Threshold threshold = Threshold.parse("minimum", text);
        // THEN
        then(threshold.value()).isEqualTo(new BigDecimal(expected));
        then(threshold.text()).isEqualTo(text.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0.9x", "90%%", "%", "0,9", "ninety percent"})
    void rejects_what_is_not_a_number_naming_key_and_value(String text) {
        thenThrownBy(() -> Threshold.parse("rules[0].limits[0].minimum", text))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("rules[0].limits[0].minimum = '" + text
                        + "' is not a number: expected a number such as 0.9 or a percentage such as 90%");
    }

    @Test
    void rejects_an_empty_value() {
        thenThrownBy(() -> Threshold.parse("maximum", "  "))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("maximum is empty: expected a number such as 0.9 or a percentage such as 90%");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 3", "0.90, 3", "90%, 3", "0.9125, 4", "87.25%, 4", "400, 3"})
    void values_are_shown_with_at_least_three_decimals_or_as_fine_as_the_bound(String text, int decimals) {
        then(Threshold.parse("minimum", text).decimals()).isEqualTo(decimals);
    }
}
