package dev.touchstone.stats.internal;




import static dev.touchstone.stats.internal.ComparisonReference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference: numpy {@code percentile(method="linear")}, vectorized counts and {@code std(ddof=1)}. */
class BootstrapComparisonTest {

    private static final Map<String, double[]> ARRAYS = new LinkedHashMap<>();

    static {
        for (ReferenceCsv.Row row : ComparisonReference.read("bootstrap_replicates.csv")) {
            ARRAYS.put(row.text("array"), ComparisonReference.numbers(row.text("values")));
        }
    }

    static Stream<ReferenceCsv.Row> reference() {
        return ComparisonReference.stream("bootstrap.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void matchesNumpy(ReferenceCsv.Row row) {
        double[] replicates = ARRAYS.get(row.text("array"));
        double[] before = replicates.clone();
        double margin = row.number("margin");
        double level = row.number("level");

        ComparisonTest less = BootstrapComparison.fromReplicates(0.01, replicates, margin, Alternative.LESS, level, true);
        ComparisonTest greater = BootstrapComparison.fromReplicates(0.01, replicates, margin, Alternative.GREATER, level,
                false);
        ComparisonTest twoSided = BootstrapComparison.fromReplicates(0.01, replicates, margin, Alternative.TWO_SIDED,
                level, true);

        assertThat(replicates).as("replicates are not modified").isEqualTo(before);
        assertThat(less.name()).isEqualTo("paired-bootstrap");
        assertThat(greater.name()).isEqualTo("bootstrap");
        assertThat(greater.paired()).isFalse();
        assertClose(less.pValue(), row.number("p_less"), "p less " + row);
        assertClose(greater.pValue(), row.number("p_greater"), "p greater " + row);
        assertClose(twoSided.pValue(), row.number("p_two_sided"), "p two-sided " + row);
        assertThat(less.interval().method()).isEqualTo("bootstrap-percentile");
        assertClose(less.interval().low(), row.number("low"), "low " + row);
        assertClose(less.interval().high(), row.number("high"), "high " + row);
        assertClose(less.standardError(), row.number("se"), "se " + row);
        assertClose(less.statistic(), (0.01 + margin) / row.number("se"), "statistic " + row);
        assertThat(less.difference()).isEqualTo(0.01);
    }

    @Test
    void pValueIsNeverZeroAndCountsTiesOnBothSides() {
        double[] allAbove = {0.1, 0.2, 0.3, 0.4};
        assertThat(BootstrapComparison.fromReplicates(0.2, allAbove, 0.0, Alternative.GREATER, 0.9, true).pValue())
                .isEqualTo(1 / 5.0);
        double[] zeros = {0.0, 0.0, 0.0, 0.01};
        assertThat(BootstrapComparison.fromReplicates(0.0, zeros, 0.0, Alternative.GREATER, 0.9, true).pValue())
                .isEqualTo(4 / 5.0);
        assertThat(BootstrapComparison.fromReplicates(0.0, zeros, 0.0, Alternative.LESS, 0.9, true).pValue())
                .isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(Alternative.class)
    void tooFewDefinedReplicatesIsUndefined(Alternative alternative) {
        for (ComparisonTest test : new ComparisonTest[] {
                BootstrapComparison.fromReplicates(0.1, new double[] {Double.NaN, 0.2, Double.NaN}, 0, alternative, 0.95, true),
                BootstrapComparison.fromReplicates(0.1, new double[0], 0, alternative, 0.95, false),
                BootstrapComparison.fromReplicates(Double.NaN, new double[] {0.1, 0.2}, 0, alternative, 0.95, true)}) {
            assertThat(test.isDefined()).isFalse();
            assertThat(test.pValue()).isEqualTo(1.0);
            assertThat(test.interval().isDefined()).isFalse();
        }
    }

    @Test
    void infiniteReplicatesGiveAnUnboundedStandardError() {
        ComparisonTest test = BootstrapComparison.fromReplicates(0.1, new double[] {0.1, Double.POSITIVE_INFINITY, 0.2},
                0, Alternative.GREATER, 0.9, true);
        assertThat(test.standardError()).isInfinite();
        assertThat(test.statistic()).isZero();
        assertThat(test.isDefined()).isTrue();
    }

    @Test
    void argumentsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> BootstrapComparison.fromReplicates(0, new double[3], -1,
                Alternative.LESS, 0.95, true)).withMessageContaining("margin must be finite and non-negative");
        assertThatIllegalArgumentException().isThrownBy(() -> BootstrapComparison.fromReplicates(0, new double[3], 0,
                Alternative.LESS, 0.0, true)).withMessageContaining("confidence level");
    }
}
