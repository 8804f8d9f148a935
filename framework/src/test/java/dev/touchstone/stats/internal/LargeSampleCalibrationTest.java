package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.stats.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Simulated calibration of two verdict paths touched by the statistics audit: intervals of
 * mean losses on heavy-tailed data at 25,000 rows (the large-sample scheme), and unpaired
 * comparisons of failure rates. Seeded and small enough for CI; raise the runs with
 * {@code -Dtouchstone.calibration.runs=...}.
 */
class LargeSampleCalibrationTest {

    static final int RUNS = Integer.getInteger("touchstone.calibration.runs", 300);

    static double band(double rate, int runs) {
        return rate + 3 * Math.sqrt(rate * (1 - rate) / runs);
    }

    /**
     * Squared errors of Student-t(5) noise (mean 5/3, heavy right tail) and absolute percentage
     * errors against targets near zero: a 95% interval's bound should miss the true mean on each
     * side in at most 2.5% of samples, up to binomial noise.
     */
    @Test
    void heavy_tailed_mean_losses_at_25000_rows_keep_their_coverage() {
        int m = 25_000;
        UniformRandomProvider rng = Randomness.stream(3, "heavy-tail calibration");
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double trueMse = 5.0 / 3;
        int below = 0;
        int above = 0;
        double[] squares = new double[m];
        for (int run = 0; run < RUNS; run++) {
            for (int i = 0; i < m; i++) {
                double chi = 0;
                for (int k = 0; k < 5; k++) {
                    double g = gauss.sample();
                    chi += g * g;
                }
                double t = gauss.sample() / Math.sqrt(chi / 5);
                squares[i] = t * t;
            }
            Bootstrap.Draw draw = Bootstrap.drawSums(new double[][] {squares}, 10_000, run, "mse", s -> s[0] / m);
            Interval interval = Percentiles.percentileInterval(draw.replicates(), 0.95);
            if (interval.high() < trueMse) {
                below++;
            }
            if (interval.low() > trueMse) {
                above++;
            }
        }
        assertThat((double) below / RUNS).as("upper bound below the truth").isLessThanOrEqualTo(band(0.025, RUNS));
        assertThat((double) above / RUNS).as("lower bound above the truth").isLessThanOrEqualTo(band(0.025, RUNS));
    }

    /**
     * Two endpoints with the same true failure rate, one on 400 examples and one recorded on 200:
     * the test of "the model fails more often" (on the complements, as the evaluation runs it)
     * raises a false alarm at most at α = 5%, up to binomial noise.
     */
    @Test
    void unpaired_failure_rates_raise_false_alarms_at_most_at_alpha() {
        UniformRandomProvider rng = Randomness.stream(5, "error-rate calibration");
        int runs = RUNS * 4;
        int alarms = 0;
        for (int run = 0; run < runs; run++) {
            long failedModel = BinomialSampler.sample(rng, 400, 0.1);
            long failedBaseline = BinomialSampler.sample(rng, 200, 0.1);
            ComparisonTest test = IndependentProportions.compare(400 - failedModel, 400, 200 - failedBaseline, 200, 0.0,
                    Alternative.LESS, 0.95);
            if (test.pValue() <= 0.05) {
                alarms++;
            }
        }
        assertThat((double) alarms / runs).isLessThanOrEqualTo(band(0.05, runs));
    }
}
