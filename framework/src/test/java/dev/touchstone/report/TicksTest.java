package dev.touchstone.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {

    @Test
    void unitIntervalGetsSixTicksOfPointTwo() {
        Ticks ticks = Ticks.covering(0, 1);
        assertThat(ticks.ticks().stream().map(ticks::label).toList())
                .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(ticks.low()).isZero();
        assertThat(ticks.high()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({
        "0.7, 0.95", "0.3, 0.7", "0.55, 0.62", "0.912, 0.913", "0, 0.05",
        "2.3, 7.9", "0.12, 2.8", "-0.35, 0.62", "-1, 1", "380, 12345", "1e-7, 3e-7", "1e6, 1.0000001e6",
        "0.9, 0.9", "0, 0", "-4, -4", "100, 100"
    })
    void fourToSixRoundTicksCoveringTheData(double min, double max) {
        assertAxis(Ticks.covering(min, max), min, max);
    }

    @Test
    void holdsForManyRandomRanges() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double scale = Math.pow(10, random.nextInt(13) - 6);
            double a = (random.nextDouble() * 2 - 1) * scale;
            double b = a + random.nextDouble() * scale * (random.nextBoolean() ? 1 : 0.01);
            assertAxis(Ticks.covering(a, b), a, b);
        }
    }

    @Test
    void rejectsNonFiniteOrReversedRanges() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ticks.covering(Double.NaN, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Ticks.covering(0, Double.POSITIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> Ticks.covering(1, 0));
    }

    private static void assertAxis(Ticks ticks, double min, double max) {
        List<BigDecimal> values = ticks.ticks();
        assertThat(values).as("[%s, %s]", min, max).hasSizeBetween(4, 6);
        assertThat(ticks.low()).as("low end of [%s, %s]", min, max).isLessThanOrEqualTo(min);
        assertThat(ticks.high()).as("high end of [%s, %s]", min, max).isGreaterThanOrEqualTo(max);
        BigDecimal step = values.get(1).subtract(values.get(0)).stripTrailingZeros();
        assertThat(step.signum()).isPositive();
        BigDecimal mantissa = step.movePointRight(-step.precision() + step.scale() + 1).stripTrailingZeros();
        assertThat(mantissa.toPlainString()).as("step %s", step).isIn("1", "2", "2.5", "5");
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i).subtract(values.get(i - 1))).isEqualByComparingTo(step);
        }
        List<String> labels = values.stream().map(ticks::label).toList();
        assertThat(new HashSet<>(labels)).as("labels %s", labels).hasSize(labels.size());
        // the data spans over 40% of the axis (the step before the chosen one gave 7+ ticks): not needlessly wide
        if (max - min > Math.max(Math.abs(min), Math.abs(max)) * 1e-9) {
            assertThat((max - min) / (ticks.high() - ticks.low())).as("[%s, %s] on %s", min, max, labels)
                    .isGreaterThan(0.4);
        }
    }
}
