package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Simulated false alarms and detection power of the window anomaly test
 * ({@link WindowAnomaly}): 14 daily reference windows and a latest window of accuracy from
 * binomial outcomes. Runs: {@code -Dtouchstone.calibration.runs} (2,000 by default, the CI
 * run; the README reports 100,000). A false-alarm rate is Binomial(R, α)/R on a calibrated test,
 * so it must lie within α ± 3.3·√(α(1−α)/R) (two-sided 99.9%), widened by {@value #MISFIT}: the
 * t-test is exact for normal window values, and a binomial proportion is not quite normal even on
 * the arcsine scale (100,000 runs: 4.7% at accuracy 0.9, 4.5% with window-to-window variation).
 */
class WindowAnomalyCalibrationTest {

    static final int RUNS = Integer.getInteger("touchstone.calibration.runs", 2000);
    static final double ALPHA = 0.05;
    static final int WINDOWS = 14;
    static final int N = 400;
    /** How far from α the test may be because window values are not exactly normal. */
    static final double MISFIT = 0.006;

    /** The window's true accuracy: constant, or varying from window to window (sd {@code tau}). */
    static double[] simulate(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian normal, double p, double tau,
            double drop) {
        double[] values = new double[WINDOWS + 1];
        for (int w = 0; w <= WINDOWS; w++) {
            double pw = Math.min(0.999, Math.max(0.001, p + tau * normal.sample() - (w == WINDOWS ? drop : 0)));
            values[w] = BinomialSampler.sample(rng, N, pw) / (double) N;
        }
        return values;
    }

    static double rate(String key, double p, double tau, double drop, boolean pooled) {
        UniformRandomProvider rng = Randomness.stream(42, key);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int alarms = 0;
        for (int r = 0; r < RUNS; r++) {
            double[] v = simulate(rng, normal, p, tau, drop);
            double[] reference = java.util.Arrays.copyOf(v, WINDOWS);
            double latest = v[WINDOWS];
            double pValue = pooled ? pooledZ(reference, latest) : WindowAnomaly.test(reference, latest, true, 0.95, true).pValue();
            if (pValue <= ALPHA) {
                alarms++;
            }
        }
        return alarms / (double) RUNS;
    }

    // What a test against the pooled examples of the reference windows would say (ignores window-to-window variation).
    static double pooledZ(double[] reference, double latest) {
        double mean = java.util.Arrays.stream(reference).average().orElseThrow();
        double se = Math.sqrt(mean * (1 - mean) * (1.0 / N + 1.0 / (N * reference.length)));
        return 0.5 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .cumulativeProbability((latest - mean) / se) * 2;
    }

    static double band() {
        return 3.3 * Math.sqrt(ALPHA * (1 - ALPHA) / RUNS) + MISFIT;
    }

    @Test
    void false_alarms_stay_within_the_binomial_band_around_alpha_on_stable_windows() {
        double stable = rate("stable", 0.9, 0.0, 0.0, false);
        double varying = rate("varying", 0.9, 0.02, 0.0, false);
        System.out.printf(Locale.ROOT, "[calibration] window anomaly test, %d runs: false alarms %.4f (stable), "
                + "%.4f (window-to-window sd 0.02), band [%.4f, %.4f]%n", RUNS, stable, varying, ALPHA - band(),
                ALPHA + band());
        assertThat(stable).isBetween(ALPHA - band(), ALPHA + band());
        assertThat(varying).isBetween(ALPHA - band(), ALPHA + band());
    }

    @Test
    void a_test_against_the_pooled_examples_would_raise_false_alarms_when_windows_vary() {
        // the reason for measuring the variation across windows: pooled, the same stable process alarms far too often
        double pooled = rate("pooled", 0.9, 0.02, 0.0, true);
        System.out.printf(Locale.ROOT, "[calibration] pooled two-proportion test, window sd 0.02: false alarms %.4f%n",
                pooled);
        assertThat(pooled).isGreaterThan(2 * ALPHA);
    }

    @Test
    void a_planted_drop_is_detected() {
        double small = rate("drop-0.03", 0.9, 0.0, 0.03, false);
        double large = rate("drop-0.05", 0.9, 0.0, 0.05, false);
        double varying = rate("drop-0.05-varying", 0.9, 0.01, 0.05, false);
        System.out.printf(Locale.ROOT, "[calibration] window anomaly test, %d runs: power %.4f (drop 0.03), %.4f "
                + "(drop 0.05), %.4f (drop 0.05, window sd 0.01)%n", RUNS, small, large, varying);
        assertThat(large).isGreaterThan(0.85);
        assertThat(small).isGreaterThan(0.45);
        assertThat(varying).isGreaterThan(0.6);
    }
}
