package dev.touchstone.stats.internal;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class MultinomialSamplerTest {

    @Test
    void meansVariancesAndCovariancesMatchTheMultinomial() {
        double[] p = {0.7, 0.2, 0.09, 0.01};
        long n = 10_000_000;
        int draws = 40_000;
        MultinomialSampler sampler = MultinomialSampler.of(p);
        UniformRandomProvider rng = Randomness.stream(11, "multinomial-moments");
        double[] sum = new double[4];
        double[][] cross = new double[4][4];
        long[] out = new long[4];
        for (int d = 0; d < draws; d++) {
            sampler.sample(rng, n, out);
            assertThat(out[0] + out[1] + out[2] + out[3]).isEqualTo(n);
            for (int i = 0; i < 4; i++) {
                double di = out[i] - n * p[i];
                sum[i] += di;
                for (int j = 0; j < 4; j++) {
                    cross[i][j] += di * (out[j] - n * p[j]);
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            double variance = n * p[i] * (1 - p[i]);
            assertThat(sum[i] / draws).as("mean deviation of cell %s", i)
                    .isCloseTo(0, within(5 * Math.sqrt(variance / draws)));
            assertThat(cross[i][i] / draws / variance).as("variance ratio of cell %s", i)
                    .isCloseTo(1, within(5 * Math.sqrt(2.0 / draws)));
            for (int j = i + 1; j < 4; j++) {
                // correlation of cells i and j is -sqrt(p_i p_j / ((1 - p_i)(1 - p_j)))
                double expected = -Math.sqrt(p[i] * p[j] / ((1 - p[i]) * (1 - p[j])));
                double actual = cross[i][j] / Math.sqrt(cross[i][i] * cross[j][j]);
                assertThat(actual).as("correlation of cells %s and %s", i, j)
                        .isCloseTo(expected, within(5 * (1 - expected * expected) / Math.sqrt(draws)));
            }
        }
    }

    /** Exact goodness of fit over all 15 outcomes of Multinomial(4; 0.5, 0.3, 0.2). */
    @Test
    void smallCaseFitsTheExactDistribution() {
        double[] p = {0.5, 0.3, 0.2};
        int n = 4;
        int draws = 200_000;
        Map<String, Integer> observed = new HashMap<>();
        UniformRandomProvider rng = Randomness.stream(12, "multinomial-gof");
        long[] out = new long[3];
        for (int d = 0; d < draws; d++) {
            MultinomialSampler.sample(rng, n, p, out);
            observed.merge(out[0] + "," + out[1] + "," + out[2], 1, Integer::sum);
        }
        double chiSquare = 0;
        int outcomes = 0;
        for (int a = 0; a <= n; a++) {
            for (int b = 0; a + b <= n; b++) {
                int c = n - a - b;
                double probability = factorial(n) / (factorial(a) * factorial(b) * factorial(c))
                        * Math.pow(p[0], a) * Math.pow(p[1], b) * Math.pow(p[2], c);
                double expected = draws * probability;
                int o = observed.getOrDefault(a + "," + b + "," + c, 0);
                chiSquare += (o - expected) * (o - expected) / expected;
                outcomes++;
            }
        }
        assertThat(outcomes).isEqualTo(15);
        assertThat(observed.keySet()).hasSize(15);
        assertThat(ChiSquaredDistribution.of(outcomes - 1).survivalProbability(chiSquare)).isGreaterThan(1e-4);
    }

    @Test
    void zeroProbabilityCategoriesStayEmptyAndCountsAlwaysSumToN() {
        UniformRandomProvider rng = Randomness.stream(13, "zeros");
        long[] out = new long[5];
        for (int d = 0; d < 10_000; d++) {
            long n = d % 100 == 0 ? 0 : 1 + rng.nextLong(1_000_000_000L);
            MultinomialSampler.sample(rng, n, new double[] {0, 0.25, 0, 0.75, 0}, out);
            assertThat(out[0]).isZero();
            assertThat(out[2]).isZero();
            assertThat(out[4]).isZero();
            assertThat(out[1] + out[3]).isEqualTo(n);
        }
        long[] single = new long[1];
        MultinomialSampler.sample(rng, 123, new double[] {1}, single);
        assertThat(single).containsExactly(123);
    }

    @Test
    void conditionalProbabilitiesUseSuffixSums() {
        // 1 - (1 - 1e-12) loses four digits; the suffix sum does not.
        MultinomialSampler sampler = MultinomialSampler.of(new double[] {1 - 1e-12, 5e-13, 5e-13});
        assertThat(sampler.conditionalProbability(1)).isEqualTo(0.5);
        assertThat(sampler.conditionalProbability(2)).isEqualTo(1.0);
        assertThat(sampler.categories()).isEqualTo(3);
    }

    @Test
    void instanceAndStaticFormsDrawTheSameCounts() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        UniformRandomProvider a = Randomness.stream(14, "forms");
        UniformRandomProvider b = Randomness.stream(14, "forms");
        MultinomialSampler sampler = MultinomialSampler.of(p);
        long[] x = new long[4];
        long[] y = new long[4];
        for (int d = 0; d < 1000; d++) {
            sampler.sample(a, 1_000_000, x);
            MultinomialSampler.sample(b, 1_000_000, p, y);
            assertThat(x).isEqualTo(y);
        }
    }

    @Test
    void rejectsInvalidArguments() {
        UniformRandomProvider rng = Randomness.stream(1, "invalid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[] {0.5, 0.4}, new long[2]))
                .withMessage("probabilities must sum to 1 but sum to 0.9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[] {30, 70}, new long[2]))
                .withMessage("probabilities must be in [0, 1] but probabilities[0] was 30.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[] {1.5, -0.5}, new long[2]))
                .withMessage("probabilities must be in [0, 1] but probabilities[0] was 1.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[] {Double.NaN, 1}, new long[2]))
                .withMessage("probabilities must be in [0, 1] but probabilities[0] was NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[0], new long[0]))
                .withMessage("probabilities must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, 10, new double[] {0.5, 0.5}, new long[3]))
                .withMessage("out must have one slot per category (2) but has 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MultinomialSampler.sample(rng, -1, new double[] {0.5, 0.5}, new long[2]))
                .withMessage("number of trials must be in [0, 2^52] but was -1");
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
