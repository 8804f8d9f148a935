package dev.touchstone.stats.internal;


import static dev.touchstone.stats.internal.ReferenceCsv.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalQuantilesTest {

    static Stream<ReferenceCsv.Row> scipyReference() {
        return ReferenceCsv.read("normal_quantiles.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyReference")
    void matchesScipyNormIsf(ReferenceCsv.Row row) {
        assertClose(NormalQuantiles.z(row.number("level")), row.number("z"), "z at " + row);
    }

    @Test
    void knownValue() {
        assertThat(NormalQuantiles.z(0.95)).isCloseTo(1.959963984540054, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void rejectsLevelsOutsideTheOpenUnitInterval(double level) {
        assertThatIllegalArgumentException().isThrownBy(() -> NormalQuantiles.z(level))
                .withMessage("confidence level must be in (0, 1) but was " + level);
    }
}
