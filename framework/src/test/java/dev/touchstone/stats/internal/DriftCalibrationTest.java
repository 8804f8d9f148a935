package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The p-values SciPy does not give, simulated on samples from one distribution: PSI and the
 * Jensen–Shannon divergence by their χ² limits (500 + 500 rows over 10 bins), the Wasserstein
 * distance by permutations. Rejections at α = 5% must stay within the binomial band
 * α ± 3.3·√(α(1−α)/R), widened by {@value #LIMIT_MISFIT} for the two χ² limits, which are
 * approximations (100,000 runs: PSI 5.4%, Jensen–Shannon 5.2%, χ² 4.9%).
 * Runs: {@code -Dtouchstone.calibration.runs} (2,000 by default).
 */
class DriftCalibrationTest {

    static final int RUNS = Integer.getInteger("touchstone.calibration.runs", 2000);
    static final double ALPHA = 0.05;
    /** How far an asymptotic p-value may be from α at 500 + 500 rows over 10 bins. */
    static final double LIMIT_MISFIT = 0.006;

    static double band(int runs) {
        return 3.3 * Math.sqrt(ALPHA * (1 - ALPHA) / runs);
    }

    static long[] multinomial(UniformRandomProvider rng, int n, int bins) {
        long[] counts = new long[bins];
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(bins)]++;
        }
        return counts;
    }

    @Test
    void binned_p_values_are_calibrated_on_stable_data() {
        UniformRandomProvider rng = Randomness.stream(42, "drift-binned");
        int psi = 0;
        int js = 0;
        int chi = 0;
        for (int r = 0; r < RUNS; r++) {
            long[] a = multinomial(rng, 500, 10);
            long[] b = multinomial(rng, 500, 10);
            psi += DriftStatistics.psi(a, b).pValue() <= ALPHA ? 1 : 0;
            js += DriftStatistics.jensenShannon(a, b).pValue() <= ALPHA ? 1 : 0;
            chi += DriftStatistics.chiSquare(a, b).pValue() <= ALPHA ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "[calibration] drift on stable data, %d runs: rejections psi %.4f, "
                + "jensen-shannon %.4f, chi-square %.4f%n", RUNS, psi / (double) RUNS, js / (double) RUNS,
                chi / (double) RUNS);
        for (int count : new int[] {psi, js}) {
            assertThat(count / (double) RUNS).isBetween(ALPHA - band(RUNS) - LIMIT_MISFIT, ALPHA + band(RUNS) + LIMIT_MISFIT);
        }
        assertThat(chi / (double) RUNS).isBetween(ALPHA - band(RUNS), ALPHA + band(RUNS));
    }

    @Test
    void the_wasserstein_permutation_test_is_calibrated_and_detects_a_shift() {
        int runs = Math.max(200, RUNS / 4);
        UniformRandomProvider rng = Randomness.stream(42, "drift-wasserstein");
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int stable = 0;
        int shifted = 0;
        for (int r = 0; r < runs; r++) {
            double[] a = new double[100];
            double[] b = new double[100];
            double[] c = new double[100];
            for (int i = 0; i < 100; i++) {
                a[i] = normal.sample();
                b[i] = normal.sample();
                c[i] = normal.sample() + 0.5;
            }
            stable += DriftStatistics.wassersteinTest(a, b, 199, rng).pValue() <= ALPHA ? 1 : 0;
            shifted += DriftStatistics.wassersteinTest(a, c, 199, rng).pValue() <= ALPHA ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "[calibration] wasserstein permutation test, %d runs: false alarms %.4f, "
                + "power against a 0.5 sd shift on 100 + 100 rows %.4f%n", runs, stable / (double) runs,
                shifted / (double) runs);
        assertThat(stable / (double) runs).isBetween(ALPHA - band(runs), ALPHA + band(runs));
        assertThat(shifted / (double) runs).isGreaterThan(0.8);
    }
}
