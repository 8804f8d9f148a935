package dev.touchstone.stats.internal;


import static dev.touchstone.stats.internal.ComparisonReference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference: statsmodels 0.13 {@code multipletests(method="holm" | "bonferroni" | "fdr_bh")[1]}. */
class MultiplicityTest {

    static Stream<ReferenceCsv.Row> reference() {
        return ComparisonReference.stream("multiplicity.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void matchesStatsmodels(ReferenceCsv.Row row) {
        double[] p = ComparisonReference.numbers(row.text("p"));
        double[] before = p.clone();
        double[] expected = ComparisonReference.numbers(row.text("adjusted"));

        double[] adjusted = Multiplicity.adjust(p, Multiplicity.Method.parse(row.text("method")));

        assertThat(p).as("input is not modified").isEqualTo(before);
        assertThat(adjusted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertClose(adjusted[i], expected[i], row.text("family") + " " + row.text("method") + " [" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(Multiplicity.Method.class)
    void adjustedValuesAreValidAndNeverSmaller(Multiplicity.Method method) {
        double[] p = {0.001, 0.2, 0.04, 0.04, 1.0, 0.0, 0.5};
        double[] adjusted = Multiplicity.adjust(p, method);
        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).isBetween(p[i], 1.0);
        }
        assertThat(adjusted[2]).as("ties get equal values").isEqualTo(adjusted[3]);
        assertThat(Multiplicity.adjust(new double[0], method)).isEmpty();
    }

    @Test
    void holmIsBetweenBhAndBonferroni() {
        double[] p = {0.01, 0.02, 0.03, 0.04, 0.05};
        double[] holm = Multiplicity.adjust(p, Multiplicity.Method.HOLM);
        double[] bonferroni = Multiplicity.adjust(p, Multiplicity.Method.BONFERRONI);
        double[] bh = Multiplicity.adjust(p, Multiplicity.Method.BH);
        for (int i = 0; i < p.length; i++) {
            assertThat(holm[i]).isBetween(bh[i], bonferroni[i]);
        }
        assertThat(Multiplicity.adjust(p, Multiplicity.Method.NONE)).isEqualTo(p);
    }

    @Test
    void parsesTheConfigurationValues() {
        assertThat(Multiplicity.Method.parse("holm")).isEqualTo(Multiplicity.Method.HOLM);
        assertThat(Multiplicity.Method.parse(" Bonferroni ")).isEqualTo(Multiplicity.Method.BONFERRONI);
        assertThat(Multiplicity.Method.parse("BH")).isEqualTo(Multiplicity.Method.BH);
        assertThat(Multiplicity.Method.parse("none")).isEqualTo(Multiplicity.Method.NONE);
        for (Multiplicity.Method method : Multiplicity.Method.values()) {
            assertThat(Multiplicity.Method.parse(method.configValue())).isEqualTo(method);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdr_bh", "sidak", "", "holm-bonferroni"})
    void rejectsUnknownMethods(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Multiplicity.Method.parse(value))
                .withMessageContaining("'" + value + "'").withMessageContaining("holm, bonferroni, bh, none");
    }

    @Test
    void rejectsInvalidPValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Multiplicity.adjust(new double[] {0.1, Double.NaN},
                Multiplicity.Method.HOLM)).withMessageContaining("index 1").withMessageContaining("NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Multiplicity.adjust(new double[] {1.5},
                Multiplicity.Method.NONE)).withMessageContaining("[0, 1]");
    }
}
