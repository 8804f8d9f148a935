package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.stats.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AUC interval keeps its coverage where DeLong's does not: small and perfectly separated
 * samples. Newcombe's bounds are checked against scipy (generate_metric_reference.py); here the
 * degenerate cases and the simulated false-pass rate.
 */
class AucIntervalsTest {

    @Test
    void a_perfectly_separated_small_sample_has_a_wide_interval_not_a_point() {
        // GIVEN 6 positives above 9 negatives: DeLong's variance is 0, its interval [1, 1]
        AucEstimate separated = DeLong.estimate(new double[] {10, 11, 12, 13, 14, 15},
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(separated.auc()).isEqualTo(1.0);
        assertThat(separated.variance()).isZero();
        assertThat(separated.deLongInterval(0.95).width()).isZero();
        // WHEN
        Interval interval = separated.interval(0.95);
        // THEN Newcombe's score interval: [0.7331, 1] (scipy brentq on the same equation)
        assertThat(interval.method()).isEqualTo("delong+newcombe");
        assertThat(interval.low()).isCloseTo(0.7330560915795863, within(1e-12));
        assertThat(interval.high()).isEqualTo(1.0);
    }

    @Test
    void one_positive_gets_an_interval_where_delong_has_none() {
        AucEstimate one = DeLong.estimate(new double[] {5}, new double[] {1, 2, 3, 7});
        assertThat(one.deLongInterval(0.95).isDefined()).isFalse();
        Interval interval = one.interval(0.95);
        assertThat(interval.isDefined()).isTrue();
        assertThat(interval.low()).isLessThan(0.75).isGreaterThanOrEqualTo(0.0);
        assertThat(interval.high()).isGreaterThan(0.75).isLessThanOrEqualTo(1.0);
    }

    @Test
    void on_a_large_sample_the_envelope_is_deLong_within_a_hair() {
        UniformRandomProvider rng = Randomness.stream(7, "large");
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] pos = new double[2000];
        double[] neg = new double[3000];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = 1 + gauss.sample();
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = gauss.sample();
        }
        AucEstimate auc = DeLong.estimate(pos, neg);
        Interval both = auc.interval(0.95);
        Interval deLong = auc.deLongInterval(0.95);
        assertThat(both.low()).isLessThanOrEqualTo(deLong.low()).isCloseTo(deLong.low(), within(0.003));
        assertThat(both.high()).isGreaterThanOrEqualTo(deLong.high()).isCloseTo(deLong.high(), within(0.003));
    }

    /**
     * Under a binormal model with true AUC θ, a 95% interval's lower bound should exceed θ in at
     * most 2.5% of samples (what would make {@code withConfidence(0.95).isAbove(θ)} a false pass).
     * 2,000 seeded runs per case; the band is 2.5% + 3 binomial standard deviations. Set
     * {@code -Dtouchstone.calibration.runs=20000} for a tighter run.
     */
    @ParameterizedTest(name = "AUC {0} with {1} positives and {2} negatives")
    @CsvSource({
        "0.70, 3, 7", "0.70, 5, 10", "0.70, 6, 14", "0.70, 10, 20", "0.70, 15, 35",
        "0.85, 3, 7", "0.85, 5, 10", "0.85, 6, 14", "0.85, 10, 20", "0.85, 15, 35",
        "0.95, 6, 9", "0.95, 10, 20", "0.95, 25, 25",
    })
    void the_false_pass_rate_at_the_bound_stays_within_the_binomial_band(double theta, int m, int n) {
        int runs = Integer.getInteger("touchstone.calibration.runs", 2000);
        double shift = Math.sqrt(2) * NormalDistribution.of(0, 1).inverseCumulativeProbability(theta);
        UniformRandomProvider rng = Randomness.stream(42, "auc-calibration " + theta + " " + m + " " + n);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int falsePass = 0;
        int falseFail = 0;
        for (int run = 0; run < runs; run++) {
            double[] pos = new double[m];
            double[] neg = new double[n];
            for (int i = 0; i < m; i++) {
                pos[i] = shift + gauss.sample();
            }
            for (int j = 0; j < n; j++) {
                neg[j] = gauss.sample();
            }
            Interval interval = DeLong.estimate(pos, neg).interval(0.95);
            if (interval.low() > theta) {
                falsePass++;
            }
            if (interval.high() < theta) {
                falseFail++;
            }
        }
        double band = 0.025 + 3 * Math.sqrt(0.025 * 0.975 / runs);
        assertThat((double) falsePass / runs).as("false passes").isLessThanOrEqualTo(band);
        assertThat((double) falseFail / runs).as("false fails").isLessThanOrEqualTo(band + 0.015);
    }
}
