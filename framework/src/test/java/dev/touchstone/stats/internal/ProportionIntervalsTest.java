package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;

import static dev.touchstone.stats.internal.ReferenceCsv.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference: statsmodels {@code proportion_confint}; tolerance relative 1e-9 (absolute floor 1e-15). */
class ProportionIntervalsTest {

    static Stream<ReferenceCsv.Row> statsmodelsReference() {
        return ReferenceCsv.read("proportion_intervals.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statsmodelsReference")
    void matchesStatsmodels(ReferenceCsv.Row row) {
        long k = row.integer("successes");
        long n = row.integer("n");
        double level = row.number("level");
        String method = row.text("method");
        Interval interval = switch (method) {
            case "wilson" -> ProportionIntervals.wilson(k, n, level);
            case "clopper-pearson" -> ProportionIntervals.clopperPearson(k, n, level);
            default -> throw new IllegalArgumentException(method);
        };
        assertThat(interval.method()).isEqualTo(method);
        assertThat(interval.level()).isEqualTo(level);
        assertClose(interval.low(), row.number("low"), "low of " + row);
        assertClose(interval.high(), row.number("high"), "high of " + row);
        assertThat(interval.low()).isBetween(0.0, k / (double) n);
        assertThat(interval.high()).isBetween(k / (double) n, 1.0);
    }

    @Test
    void referenceCoversTheEdgeCases() {
        assertThat(statsmodelsReference().map(r -> r.integer("successes") + "/" + r.integer("n")))
                .contains("0/1", "1/1", "0/1000000", "1000000/1000000", "7/1000000000");
    }

    @Test
    void boundsAreExactAtZeroAndAllSuccesses() {
        for (long n : new long[] {1, 2, 17, 1_000_000, 1_000_000_000_000L}) {
            assertThat(ProportionIntervals.wilson(0, n, 0.95).low()).isEqualTo(0.0);
            assertThat(ProportionIntervals.wilson(n, n, 0.95).high()).isEqualTo(1.0);
            assertThat(ProportionIntervals.clopperPearson(0, n, 0.95).low()).isEqualTo(0.0);
            assertThat(ProportionIntervals.clopperPearson(n, n, 0.95).high()).isEqualTo(1.0);
        }
    }

    @Test
    void wilsonIsSymmetricUnderSwappingSuccessesAndFailures() {
        Interval a = ProportionIntervals.wilson(3, 40, 0.9);
        Interval b = ProportionIntervals.wilson(37, 40, 0.9);
        assertThat(a.low()).isCloseTo(1 - b.high(), within(1e-15));
        assertThat(a.high()).isCloseTo(1 - b.low(), within(1e-15));
    }

    @Test
    void emptySampleGivesAnUndefinedInterval() {
        Interval wilson = ProportionIntervals.wilson(0, 0, 0.95);
        assertThat(wilson.isDefined()).isFalse();
        assertThat(wilson.method()).isEqualTo("wilson");
        assertThat(wilson.level()).isEqualTo(0.95);
        Interval cp = ProportionIntervals.clopperPearson(0, 0, 0.9);
        assertThat(cp.isDefined()).isFalse();
        assertThat(cp.method()).isEqualTo("clopper-pearson");
        assertThat(cp.level()).isEqualTo(0.9);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.wilson(7, 5, 0.95))
                .withMessage("successes must be in [0, n] but was 7 of 5");
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.clopperPearson(-1, 5, 0.95))
                .withMessage("successes must be in [0, n] but was -1 of 5");
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.wilson(0, -3, 0.95))
                .withMessage("n must be non-negative but was -3");
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.wilson(1, 5, 1.0))
                .withMessage("confidence level must be in (0, 1) but was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.clopperPearson(1, 5, Double.NaN))
                .withMessage("confidence level must be in (0, 1) but was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionIntervals.wilson(0, 0, 0))
                .withMessage("confidence level must be in (0, 1) but was 0.0");
    }
}
