package dev.touchstone.stats.internal;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goodness of fit against SciPy's binomial distribution ({@code binomial_bins.csv}), moments, edge
 * cases and cost. Seeds are fixed, so every run is identical; the chi-square threshold 1e-4 is
 * generous for a correct sampler (about 1 chance in 400 that any of the 23 cases would fail by
 * chance under a different seed) yet, with 200,000 draws per case and bins of at least 200
 * expected draws, a sampler whose probabilities are off by a few percent anywhere fails clearly.
 */
class BinomialSamplerTest {

    private static final int DRAWS = 200_000;
    private static final double MIN_P_VALUE = 1e-4;

    record Case(int id, long n, double p, long[] low, long[] high, double[] probability) {
        @Override
        public String toString() {
            return "Binomial(" + n + ", " + p + ")";
        }
    }

    static Stream<Case> scipyReference() {
        Map<Integer, List<ReferenceCsv.Row>> byCase = new TreeMap<>();
        for (ReferenceCsv.Row row : ReferenceCsv.read("binomial_bins.csv")) {
            byCase.computeIfAbsent((int) row.integer("case"), k -> new ArrayList<>()).add(row);
        }
        return byCase.entrySet().stream().map(e -> {
            List<ReferenceCsv.Row> rows = e.getValue();
            return new Case(e.getKey(), rows.get(0).integer("n"), rows.get(0).number("p"),
                    rows.stream().mapToLong(r -> r.integer("k_low")).toArray(),
                    rows.stream().mapToLong(r -> r.integer("k_high")).toArray(),
                    rows.stream().mapToDouble(r -> r.number("probability")).toArray());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyReference")
    void fitsScipyBinomialDistribution(Case c) {
        UniformRandomProvider rng = Randomness.stream(20240607, "binomial-gof-" + c.id());
        long[] observed = new long[c.probability().length];
        for (int i = 0; i < DRAWS; i++) {
            long k = BinomialSampler.sample(rng, c.n(), c.p());
            assertThat(k).isBetween(0L, c.n());
            int bin = binOf(c, k);
            observed[bin]++;
        }
        double chiSquare = 0;
        for (int b = 0; b < observed.length; b++) {
            double expected = DRAWS * c.probability()[b];
            chiSquare += (observed[b] - expected) * (observed[b] - expected) / expected;
        }
        int degreesOfFreedom = observed.length - 1;
        double pValue = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(chiSquare);
        assertThat(pValue).as("chi-square %s with %s degrees of freedom for %s", chiSquare, degreesOfFreedom, c)
                .isGreaterThan(MIN_P_VALUE);
    }

    @Test
    void referenceCoversBothAlgorithmsTheirBoundaryAndReflection() {
        List<Case> cases = scipyReference().toList();
        assertThat(cases).anyMatch(c -> c.n() * Math.min(c.p(), 1 - c.p()) < 10 && c.p() > 0.5);
        assertThat(cases).anyMatch(c -> c.n() * Math.min(c.p(), 1 - c.p()) >= 100 && c.p() > 0.5);
        assertThat(cases).anyMatch(c -> c.n() * c.p() == 10);
        assertThat(cases).anyMatch(c -> c.n() > Integer.MAX_VALUE);
        assertThat(cases).allMatch(c -> c.probability().length >= 2);
    }

    private static int binOf(Case c, long k) {
        for (int b = 0; b < c.low().length; b++) {
            if (k >= c.low()[b] && k <= c.high()[b]) {
                return b;
            }
        }
        throw new AssertionError(k + " outside every bin of " + c);
    }

    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({"1000000000, 0.3", "1000000000, 0.999999", "5000, 0.001", "40, 0.5", "100000, 0.0002"})
    void meanAndVarianceMatch(long n, double p) {
        UniformRandomProvider rng = Randomness.stream(99, "binomial-moments-" + n + "-" + p);
        int draws = 400_000;
        double mean = n * p;
        double variance = n * p * (1 - p);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < draws; i++) {
            double d = BinomialSampler.sample(rng, n, p) - mean;
            sum += d;
            sumSquares += d * d;
        }
        double sampleMean = sum / draws;
        double sampleVariance = (sumSquares - sum * sum / draws) / (draws - 1);
        assertThat(sampleMean).isCloseTo(0, within(5 * Math.sqrt(variance / draws)));
        // relative standard error of a sample variance is about sqrt(2 / draws) (plus a small
        // excess-kurtosis term, negligible here)
        assertThat(sampleVariance / variance).isCloseTo(1, within(5 * Math.sqrt(2.0 / draws) + 6.0 / draws));
    }

    @Test
    void costPerDrawDoesNotGrowWithN() {
        for (long n : new long[] {1_000, 1_000_000, 1_000_000_000, 1L << 45}) {
            for (double p : new double[] {0.5, 0.1, 1e-3, 0.97}) {
                if (n * Math.min(p, 1 - p) < 10) {
                    continue;
                }
                CountingProvider rng = new CountingProvider(Randomness.stream(3, "cost-" + n + "-" + p));
                int draws = 50_000;
                for (int i = 0; i < draws; i++) {
                    BinomialSampler.sample(rng, n, p);
                }
                assertThat(rng.count / (double) draws).as("uniforms per draw for Binomial(%s, %s)", n, p)
                        .isLessThan(2.0);
            }
        }
    }

    @Test
    void edgeCases() {
        UniformRandomProvider rng = Randomness.stream(1, "edge");
        assertThat(BinomialSampler.sample(rng, 0, 0.3)).isZero();
        assertThat(BinomialSampler.sample(rng, 1_000_000_000, 0)).isZero();
        assertThat(BinomialSampler.sample(rng, 1_000_000_000, 1)).isEqualTo(1_000_000_000);
        assertThat(BinomialSampler.sample(rng, BinomialSampler.MAX_TRIALS, 1)).isEqualTo(BinomialSampler.MAX_TRIALS);
        assertThat(BinomialSampler.sample(rng, BinomialSampler.MAX_TRIALS, 0.5))
                .isBetween(BinomialSampler.MAX_TRIALS / 2 - 2_000_000_000L, BinomialSampler.MAX_TRIALS / 2 + 2_000_000_000L);
        assertThat(BinomialSampler.sample(rng, 1, Double.MIN_VALUE)).isZero();
        for (int i = 0; i < 1000; i++) {
            assertThat(BinomialSampler.sample(rng, 7, 0.5)).isBetween(0L, 7L);
        }
    }

    @Test
    void sameStreamGivesTheSameDraws() {
        UniformRandomProvider a = Randomness.stream(5, "same");
        UniformRandomProvider b = Randomness.stream(5, "same");
        for (int i = 0; i < 1000; i++) {
            assertThat(BinomialSampler.sample(a, 1_000_000, 0.37)).isEqualTo(BinomialSampler.sample(b, 1_000_000, 0.37));
        }
    }

    @Test
    void rejectsInvalidArguments() {
        UniformRandomProvider rng = Randomness.stream(1, "invalid");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialSampler.sample(rng, -1, 0.5))
                .withMessage("number of trials must be in [0, 2^52] but was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialSampler.sample(rng, (1L << 52) + 1, 0.5))
                .withMessage("number of trials must be in [0, 2^52] but was 4503599627370497");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialSampler.sample(rng, 10, Double.NaN))
                .withMessage("probability must be in [0, 1] but was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialSampler.sample(rng, 10, 1.5))
                .withMessage("probability must be in [0, 1] but was 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> BinomialSampler.sample(rng, 10, -0.1))
                .withMessage("probability must be in [0, 1] but was -0.1");
    }

    static Stream<ReferenceCsv.Row> logRatioReference() {
        return ReferenceCsv.read("binomial_log_ratio.csv").stream();
    }

    /**
     * BTRD's exact acceptance test evaluates {@code log(f(k) / f(mode))} through Stirling's formula;
     * reference: mpmath {@code loggamma} at 60 digits. Tolerance: 1e-12 relative plus 1e-12
     * absolute plus 1e-14 per unit of {@code |k - mode|} (the formula cancels two terms of about
     * that size); an error e in the log only shifts an acceptance probability by the factor exp(e).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("logRatioReference")
    void logPmfRatioMatchesHighPrecisionReference(ReferenceCsv.Row row) {
        long n = row.integer("n");
        double p = row.number("p");
        long k = row.integer("k");
        double expected = row.number("log_ratio");
        assertThat(BinomialSampler.mode(n, p)).isEqualTo(row.integer("mode"));
        assertThat(BinomialSampler.logPmfRatio(n, p, k)).as("log f(k)/f(mode) for %s", row)
                .isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-12
                        + 1e-14 * Math.abs(k - row.integer("mode"))));
    }

    /** The squeeze bounds must contain the exact log ratio wherever BTRD uses them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("logRatioReference")
    void squeezeBoundsContainTheExactLogRatio(ReferenceCsv.Row row) {
        long n = row.integer("n");
        double p = row.number("p");
        double npq = n * p * (1 - p);
        long km = Math.abs(row.integer("k") - row.integer("mode"));
        if (!BinomialSampler.squeezeApplies(km, npq)) {
            return; // not used there
        }
        double t = -(double) km * km / (2 * npq);
        double rho = BinomialSampler.squeezeHalfWidth(km, npq);
        assertThat(row.number("log_ratio")).as("squeeze for %s", row).isBetween(t - rho, t + rho);
    }

    @Test
    void squeezeIsExercisedByTheReference() {
        assertThat(logRatioReference().filter(row -> {
            double npq = row.integer("n") * row.number("p") * (1 - row.number("p"));
            long km = Math.abs(row.integer("k") - row.integer("mode"));
            return km > 15 && km < npq / 2 - 1;
        }).count()).isGreaterThan(100);
        assertThat(BinomialSampler.squeezeApplies(15, 1e6)).isFalse();
        assertThat(BinomialSampler.squeezeApplies(16, 1e6)).isTrue();
        assertThat(BinomialSampler.squeezeApplies(16, 34)).isFalse();
    }

    /**
     * The inequalities BTRD's exactness rests on, checked on a dense grid of u for (n, p) from the
     * smallest mean BTRD serves (10) to n = 10^12: the hat dominates {@code f(k)/f(mode)} wherever
     * k = floor(x(u)) is in the support, and the box {@code |u| <= 0.43, v <= vr} lies under it
     * (and inside the support). {@code f(k)/f(mode)} comes from {@link BinomialSampler#logPmfRatio},
     * itself checked against mpmath above.
     */
    @Test
    void hatDominatesAndBoxStaysUnderThePmf() {
        List<double[]> parameters = new ArrayList<>();
        for (long n : new long[] {20, 21, 23, 25, 30, 40, 50, 100, 1000, 10_000, 1_000_000, 1_000_000_000, 1_000_000_000_000L}) {
            for (double p : new double[] {0.5, 0.45, 0.3, 0.1, 0.01, 1e-4, 1e-6, 1e-9, 1e-11}) {
                if (n * p >= 10) {
                    parameters.add(new double[] {n, p});
                }
            }
        }
        UniformRandomProvider rng = Randomness.stream(8, "btrd-geometry");
        for (int i = 0; i < 300; i++) { // means just above 10, where the fit is tightest
            long n = 20 + rng.nextLong(5000);
            parameters.add(new double[] {n, Math.min(0.5, 10.0 / n * (1 + rng.nextDouble()))});
        }
        int grid = 4000;
        for (double[] parameter : parameters) {
            long n = (long) parameter[0];
            double p = parameter[1];
            BinomialSampler.Btrd btrd = new BinomialSampler.Btrd(n, p);
            for (int g = 1; g < grid; g++) {
                double u = -0.5 + g / (double) grid;
                double x = btrd.transform(u);
                boolean inBox = Math.abs(u) <= BinomialSampler.Btrd.BOX_HALF_WIDTH;
                if (inBox) {
                    assertThat(x).as("box point u=%s for Binomial(%s, %s)", u, n, p).isBetween(0.0, n + 0.999);
                }
                if (!(x >= 0 && x < n + 1)) {
                    continue;
                }
                double logRatio = BinomialSampler.logPmfRatio(n, p, (long) x);
                double logHat = Math.log(btrd.hat(u));
                assertThat(logHat).as("hat at u=%s for Binomial(%s, %s)", u, n, p).isGreaterThan(logRatio);
                if (inBox) {
                    assertThat(Math.log(btrd.vr) + logHat).as("box at u=%s for Binomial(%s, %s)", u, n, p)
                            .isLessThan(logRatio);
                }
            }
        }
    }

    /** floor((n + 1) p) with exact arithmetic, including a product that rounds up to an integer. */
    @Test
    void modeIsExact() {
        // 10^15 · double(0.3) = 299999999999999.98..., which rounds to 3e14 in double arithmetic
        assertThat(BinomialSampler.mode(999_999_999_999_999L, 0.3)).isEqualTo(299_999_999_999_999L);
        UniformRandomProvider rng = Randomness.stream(9, "mode");
        for (int i = 0; i < 20_000; i++) {
            long n = rng.nextLong(BinomialSampler.MAX_TRIALS);
            double p = i % 2 == 0 ? rng.nextDouble() * 0.5 : (1 + rng.nextInt(999)) / 1000.0;
            long exact = new java.math.BigDecimal(n + 1).multiply(new java.math.BigDecimal(p))
                    .setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            assertThat(BinomialSampler.mode(n, p)).as("mode of Binomial(%s, %s)", n, p).isEqualTo(exact);
        }
    }

    /**
     * The Stirling correction satisfies {@code fc(k) - fc(k-1) = 1 - (k + 1/2) log1p(1/k)} (from
     * {@code log k! - log (k-1)! = log k}), and {@code fc(0) = 1 - log(2π)/2}: checks the table,
     * the series and the switch between them.
     */
    @Test
    void stirlingCorrectionSatisfiesItsRecurrence() {
        assertThat(BinomialSampler.stirlingCorrection(0)).isCloseTo(1 - 0.5 * Math.log(2 * Math.PI), within(1e-15));
        for (long k = 1; k <= 500; k++) {
            double difference = BinomialSampler.stirlingCorrection(k) - BinomialSampler.stirlingCorrection(k - 1);
            assertThat(difference).as("fc(%s) - fc(%s)", k, k - 1)
                    .isCloseTo(1 - (k + 0.5) * Math.log1p(1.0 / k), within(1e-15));
        }
        // leading term 1 / (12 (k + 1)); the next one, 1 / (360 (k + 1)^3), is far below the tolerance
        assertThat(BinomialSampler.stirlingCorrection(1_000_000_000L)).isCloseTo(1 / (12 * (1e9 + 1)), within(1e-26));
    }

    /** Counts uniforms; every draw of BinomialSampler uses nextDouble. */
    private static final class CountingProvider implements UniformRandomProvider {
        private final UniformRandomProvider delegate;
        private long count;

        CountingProvider(UniformRandomProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextLong() {
            count++;
            return delegate.nextLong();
        }

        @Override
        public double nextDouble() {
            count++;
            return delegate.nextDouble();
        }
    }
}
