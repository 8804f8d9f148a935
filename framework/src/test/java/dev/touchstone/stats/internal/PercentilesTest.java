package dev.touchstone.stats.internal;


import static dev.touchstone.stats.internal.ReferenceCsv.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference: numpy {@code percentile}/{@code nanpercentile}, method "linear"; relative 1e-9 (floor 1e-15). */
class PercentilesTest {

    private static final Map<String, double[]> ARRAYS = new HashMap<>();

    static {
        for (ReferenceCsv.Row row : ReferenceCsv.read("percentile_arrays.csv")) {
            ARRAYS.put(row.text("array"), Arrays.stream(row.text("values").split(" "))
                    .mapToDouble(Double::parseDouble).toArray());
        }
    }

    static Stream<ReferenceCsv.Row> numpyReference() {
        return ReferenceCsv.read("percentiles.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyReference")
    void matchesNumpy(ReferenceCsv.Row row) {
        double[] values = ARRAYS.get(row.text("array")).clone();
        if (row.text("kind").equals("quantile")) {
            double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            assertClose(Percentiles.quantile(sorted, row.number("p_or_level")), row.number("low"), "quantile " + row);
        } else {
            double level = row.number("p_or_level");
            Percentiles.Summary summary = Percentiles.summarize(values, level);
            assertClose(summary.interval().low(), row.number("low"), "low " + row);
            assertClose(summary.interval().high(), row.number("high"), "high " + row);
            assertThat(summary.interval().level()).isEqualTo(level);
            assertThat(summary.interval().method()).isEqualTo("bootstrap-percentile");
            assertThat(summary.definedReplicates()).isEqualTo(row.integer("defined"));
            assertThat(summary.undefinedReplicates()).isEqualTo(row.integer("undefined"));
            assertThat(summary.totalReplicates()).isEqualTo(values.length);

            double[] again = ARRAYS.get(row.text("array")).clone();
            assertThat(Percentiles.percentileInterval(again, level)).isEqualTo(summary.interval());
        }
    }

    @Test
    void quantileInterpolatesLinearlyBetweenOrderStatistics() {
        double[] sorted = {1, 2, 4, 8};
        assertThat(Percentiles.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Percentiles.quantile(sorted, 1)).isEqualTo(8);
        assertThat(Percentiles.quantile(sorted, 0.5)).isEqualTo(3); // h = 1.5
        assertThat(Percentiles.quantile(sorted, 0.25)).isEqualTo(1.75); // h = 0.75
        assertThat(Percentiles.quantile(new double[] {5}, 0.3)).isEqualTo(5);
    }

    @Test
    void intervalSortsInPlaceWithUndefinedReplicatesLast() {
        double[] replicates = {0.4, Double.NaN, 0.1, 0.3, Double.NaN, 0.2};
        Percentiles.Summary summary = Percentiles.summarize(replicates, 0.5);
        assertThat(Arrays.copyOf(replicates, 4)).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(replicates[4]).isNaN();
        assertThat(replicates[5]).isNaN();
        assertThat(summary.definedReplicates()).isEqualTo(4);
        assertThat(summary.undefinedReplicates()).isEqualTo(2);
        // type 7 on {0.1, 0.2, 0.3, 0.4} at 0.25 and 0.75: h = 0.75 and 2.25
        assertThat(summary.interval().low()).isCloseTo(0.175, within(1e-15));
        assertThat(summary.interval().high()).isCloseTo(0.325, within(1e-15));
    }

    @Test
    void noDefinedReplicateGivesAnUndefinedInterval() {
        Percentiles.Summary allNaN = Percentiles.summarize(new double[] {Double.NaN, Double.NaN}, 0.95);
        assertThat(allNaN.interval().isDefined()).isFalse();
        assertThat(allNaN.interval().method()).isEqualTo("bootstrap-percentile");
        assertThat(allNaN.definedReplicates()).isZero();
        assertThat(allNaN.undefinedReplicates()).isEqualTo(2);
        assertThat(Percentiles.percentileInterval(new double[0], 0.9).isDefined()).isFalse();
    }

    @Test
    void infiniteReplicatesAreKept() {
        assertThat(Percentiles.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.75)).isInfinite();
        assertThat(Percentiles.quantile(new double[] {Double.NEGATIVE_INFINITY, 1}, 0.5))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Percentiles.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.5)).isEqualTo(2);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.quantile(new double[0], 0.5))
                .withMessage("cannot compute a quantile of no data");
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.quantile(new double[] {1}, 1.5))
                .withMessage("probability must be in [0, 1] but was 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.quantile(new double[] {1}, Double.NaN))
                .withMessage("probability must be in [0, 1] but was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.percentileInterval(new double[] {1}, 1))
                .withMessage("confidence level must be in (0, 1) but was 1.0");
    }
}
