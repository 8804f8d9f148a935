package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.stats.PowerCurve;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact power of McNemar's exact test against a simulation of the test itself, and how far
 * the normal approximation overstates it on few pairs or at a corrected α.
 */
class ExactPowerTest {

    @ParameterizedTest(name = "{0} pairs, discordant {1}, shortfall {2}, alpha {3}")
    @CsvSource({
        "20, 0.30, 0.20, 0.05",
        "200, 0.10, 0.04, 0.00625",
        "400, 0.20, 0.05, 0.05",
    })
    void the_exact_curve_matches_a_simulation_of_the_test(int n, double psi, double shortfall, double alpha) {
        PowerCurve exact = Power.mcnemarExact(n, psi);
        UniformRandomProvider rng = Randomness.stream(11, "mcnemar power " + n);
        int runs = 4000;
        int rejected = 0;
        double onlyModelRight = (psi - shortfall) / 2;
        for (int run = 0; run < runs; run++) {
            long b = 0;
            long c = 0;
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                if (u < onlyModelRight) {
                    b++;
                } else if (u < psi) {
                    c++;
                }
            }
            if (PairedProportions.mcnemarExact(b, c, n, Alternative.LESS, 0.95).pValue() <= alpha) {
                rejected++;
            }
        }
        double simulated = (double) rejected / runs;
        double sd = Math.sqrt(simulated * (1 - simulated) / runs);
        assertThat(exact.at(shortfall, alpha)).isCloseTo(simulated, within(4 * sd + 0.005));
    }

    @ParameterizedTest(name = "{0} pairs at alpha {1}")
    @CsvSource({"20, 0.05", "400, 0.00625"})
    void at_the_normal_approximations_detectable_drop_the_exact_power_is_lower(int n, double alpha) {
        double psi = 0.2;
        double se = Math.sqrt(psi / n);
        double approximate = Power.minimumDetectableDifference(se, alpha, 0.8);
        double exactPower = Power.mcnemarExact(n, psi).at(approximate, alpha);
        assertThat(exactPower).isLessThan(0.8);
        // and the exact detectable drop is larger than the approximate one
        assertThat(Power.mcnemarExact(n, psi).minimumDetectable(alpha, 0.8, 1.0)).isGreaterThan(approximate);
    }
}
