package dev.touchstone.stats.internal;


import static dev.touchstone.stats.internal.ComparisonReference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference: scipy.stats.norm {@code (isf(alpha) + ppf(power)) · se} and the implied sample size. */
class PowerTest {

    static Stream<ReferenceCsv.Row> reference() {
        return ComparisonReference.stream("power.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void matchesScipy(ReferenceCsv.Row row) {
        double se = row.number("se");
        double alpha = row.number("alpha");
        double power = row.number("power");
        if (row.text("kind").equals("mdd")) {
            assertClose(Power.minimumDetectableDifference(se, alpha, power), row.number("expected"), "mdd " + row);
        } else {
            assertThat(Power.examplesNeeded(row.integer("n"), se, row.number("delta"), alpha, power))
                    .as("needed " + row).isEqualTo(Math.round(row.number("expected")));
        }
    }

    @Test
    void examplesNeededInvertsTheMinimumDetectableDifference() {
        double se = 0.0091;
        long n = 2000;
        long needed = Power.examplesNeeded(n, se, 0.01, 0.05, 0.8);
        // At the returned size the scaled standard error makes 0.01 just detectable, one fewer not.
        assertThat(Power.minimumDetectableDifference(se * Math.sqrt((double) n / needed), 0.05, 0.8)).isLessThanOrEqualTo(0.01);
        assertThat(Power.minimumDetectableDifference(se * Math.sqrt((double) n / (needed - 1)), 0.05, 0.8)).isGreaterThan(0.01);
    }

    @Test
    void edgeCases() {
        assertThat(Power.examplesNeeded(100, 0.05, 0.0, 0.05, 0.8)).isEqualTo(Long.MAX_VALUE);
        assertThat(Power.examplesNeeded(100, 0.0, 0.01, 0.05, 0.8)).isEqualTo(1L);
        assertThat(Power.examplesNeeded(Long.MAX_VALUE / 2, 0.5, 1e-9, 0.05, 0.8)).isEqualTo(Long.MAX_VALUE);
        assertThat(Power.minimumDetectableDifference(0.0, 0.05, 0.8)).isZero();
    }

    @Test
    void argumentsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> Power.minimumDetectableDifference(-0.1, 0.05, 0.8))
                .withMessageContaining("standard error");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.minimumDetectableDifference(Double.NaN, 0.05, 0.8))
                .withMessageContaining("standard error");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.minimumDetectableDifference(0.1, 0.0, 0.8))
                .withMessageContaining("alpha must be in (0, 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.minimumDetectableDifference(0.1, 0.05, 1.0))
                .withMessageContaining("power must be in (alpha, 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.minimumDetectableDifference(0.1, 0.05, 0.05))
                .withMessageContaining("power must be in (alpha, 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.examplesNeeded(0, 0.1, 0.1, 0.05, 0.8))
                .withMessageContaining("n must be at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Power.examplesNeeded(10, 0.1, Double.NaN, 0.05, 0.8))
                .withMessageContaining("delta must be a finite number");
    }
}
