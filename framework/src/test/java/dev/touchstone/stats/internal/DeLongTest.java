package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;




import static dev.touchstone.stats.internal.ReferenceCsv.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference: R pROC 1.18 {@code auc}, {@code var(method="delong")}, {@code ci.auc(method="delong")}
 * with {@code direction="<"}; relative 1e-9 (absolute floor 1e-15). Placements are also checked
 * against a brute-force O(m·n) computation written straight from the definition.
 */
class DeLongTest {

    /** dataset name → {positive scores, negative scores}, in file order. */
    private static final Map<String, double[][]> DATASETS = new LinkedHashMap<>();

    static {
        Map<String, List<Double>> positives = new LinkedHashMap<>();
        Map<String, List<Double>> negatives = new LinkedHashMap<>();
        for (ReferenceCsv.Row row : ReferenceCsv.read("delong_datasets.csv")) {
            String name = row.text("dataset");
            Map<String, List<Double>> target = row.integer("label") == 1 ? positives : negatives;
            target.computeIfAbsent(name, k -> new ArrayList<>()).add(row.number("score"));
            (row.integer("label") == 1 ? negatives : positives).computeIfAbsent(name, k -> new ArrayList<>());
        }
        for (String name : positives.keySet()) {
            DATASETS.put(name, new double[][] {
                    positives.get(name).stream().mapToDouble(Double::doubleValue).toArray(),
                    negatives.get(name).stream().mapToDouble(Double::doubleValue).toArray()});
        }
    }

    static Stream<ReferenceCsv.Row> procReference() {
        return ReferenceCsv.read("delong_reference.csv").stream();
    }

    static Stream<String> datasets() {
        return DATASETS.keySet().stream();
    }

    @Test
    void sortingPermutationIsTheStableAscendingOrder() {
        UniformRandomProvider rng = Randomness.stream(11, "DeLongTest.sortingPermutation");
        double[] specials = {-0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5};
        for (int trial = 0; trial < 50; trial++) {
            int size = rng.nextInt(3000);
            double[] scores = new double[size];
            for (int i = 0; i < size; i++) {
                int kind = rng.nextInt(4);
                scores[i] = switch (kind) {
                    case 0 -> specials[rng.nextInt(specials.length)];
                    case 1 -> rng.nextInt(20) / 8.0;                       // ties, few bytes that differ
                    case 2 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(40) - 20);
                    default -> Double.longBitsToDouble(rng.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (rng.nextBoolean() ? 1 : -1);
                };
            }
            Integer[] expected = new Integer[size];
            for (int i = 0; i < size; i++) {
                expected[i] = i;
            }
            // by value, -0.0 right before 0.0, equal values in index order
            Arrays.sort(expected, (a, b) -> {
                int byValue = Double.compare(scores[a], scores[b]);
                return byValue != 0 ? byValue : Integer.compare(a, b);
            });
            assertThat(DeLong.sortingPermutation(scores)).containsExactly(
                    Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
        assertThat(DeLong.sortingPermutation(new double[] {0.25, 0.25, 0.25})).containsExactly(0, 1, 2);
        assertThat(DeLong.sortingPermutation(new double[0])).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procReference")
    void matchesProc(ReferenceCsv.Row row) {
        double[][] data = DATASETS.get(row.text("dataset"));
        AucEstimate estimate = DeLong.estimate(data[0].clone(), data[1].clone());
        assertThat(estimate.positives()).isEqualTo(row.integer("positives"));
        assertThat(estimate.negatives()).isEqualTo(row.integer("negatives"));
        assertClose(estimate.auc(), row.number("auc"), "auc " + row);
        assertClose(estimate.variance(), row.number("variance"), "variance " + row);
        Interval interval = estimate.deLongInterval(row.number("level"));
        assertThat(interval.method()).isEqualTo("delong");
        assertThat(interval.level()).isEqualTo(row.number("level"));
        assertClose(interval.low(), row.number("low"), "low " + row);
        assertClose(interval.high(), row.number("high"), "high " + row);
    }

    @Test
    void referenceCoversTheRequiredDatasets() {
        assertThat(DATASETS.keySet()).contains("tiny_1x1", "all_tied", "heavy_ties", "imbalanced",
                "continuous_10k", "perfect_separation", "reversed", "signed_zero");
        assertThat(DATASETS.get("continuous_10k")[0].length + DATASETS.get("continuous_10k")[1].length)
                .isEqualTo(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void placementsMatchBruteForceInOriginalOrder(String name) {
        double[] positives = DATASETS.get(name)[0].clone();
        double[] negatives = DATASETS.get(name)[1].clone();
        double[] positivesBefore = positives.clone();
        double[] negativesBefore = negatives.clone();

        DeLong.Placements placements = DeLong.placements(positives, negatives);

        assertThat(positives).as("placements() must not reorder its input").isEqualTo(positivesBefore);
        assertThat(negatives).isEqualTo(negativesBefore);
        double[][] expected = bruteForcePlacements(positives, negatives);
        assertThat(placements.positivePlacements()).containsExactly(expected[0], within(1e-15));
        assertThat(placements.negativePlacements()).containsExactly(expected[1], within(1e-15));
        assertThat(placements.estimate()).isEqualTo(DeLong.estimate(positives.clone(), negatives.clone()));
        if (positives.length > 0) {
            assertThat(placements.positive(0)).isEqualTo(expected[0][0]);
            assertThat(Arrays.stream(placements.positivePlacements()).average().orElseThrow())
                    .isCloseTo(placements.estimate().auc(), within(1e-12));
        }
    }

    @Test
    void agreesWithBruteForceOnRandomDataWithTiesAndInfinities() {
        UniformRandomProvider rng = Randomness.stream(7, "DeLongTest.random");
        for (int trial = 0; trial < 200; trial++) {
            int m = 2 + rng.nextInt(40);
            int n = 2 + rng.nextInt(40);
            int distinct = 1 + rng.nextInt(12);
            double[] positives = randomScores(rng, m, distinct);
            double[] negatives = randomScores(rng, n, distinct);
            double[][] placements = bruteForcePlacements(positives, negatives);
            double auc = Arrays.stream(placements[0]).sum() / m;
            double variance = sampleVariance(placements[0], auc) / m + sampleVariance(placements[1], auc) / n;

            DeLong.Placements actual = DeLong.placements(positives, negatives);
            AucEstimate estimate = DeLong.estimate(positives, negatives);

            assertThat(estimate.auc()).isCloseTo(auc, within(1e-14));
            assertThat(estimate.variance()).isCloseTo(variance, within(1e-14));
            assertThat(actual.estimate()).isEqualTo(estimate);
            assertThat(actual.positivePlacements()).containsExactly(placements[0], within(1e-15));
            assertThat(actual.negativePlacements()).containsExactly(placements[1], within(1e-15));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procReference")
    void countsMatchProc(ReferenceCsv.Row row) {
        double[][] data = DATASETS.get(row.text("dataset"));
        AucEstimate estimate = fromCounts(data[0], data[1]);
        assertThat(estimate.positives()).isEqualTo(row.integer("positives"));
        assertThat(estimate.negatives()).isEqualTo(row.integer("negatives"));
        assertClose(estimate.auc(), row.number("auc"), "auc " + row);
        assertClose(estimate.variance(), row.number("variance"), "variance " + row);
        Interval interval = estimate.deLongInterval(row.number("level"));
        assertClose(interval.low(), row.number("low"), "low " + row);
        assertClose(interval.high(), row.number("high"), "high " + row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void countsGiveTheRankBasedEstimateToTheLastBit(String name) {
        double[][] data = DATASETS.get(name);
        assertThat(fromCounts(data[0], data[1])).isEqualTo(DeLong.estimate(data[0].clone(), data[1].clone()));
    }

    @Test
    void countsGiveTheRankBasedEstimateToTheLastBitOnRandomDataWithTiesAndInfinities() {
        UniformRandomProvider rng = Randomness.stream(11, "DeLongTest.counts");
        for (int trial = 0; trial < 500; trial++) {
            double[] positives = randomScores(rng, rng.nextInt(60), 1 + rng.nextInt(30));
            double[] negatives = randomScores(rng, rng.nextInt(60), 1 + rng.nextInt(30));
            AucEstimate expected = DeLong.estimate(positives.clone(), negatives.clone());
            assertThat(fromCounts(positives, negatives)).as("trial %d", trial).isEqualTo(expected);
        }
    }

    @Test
    void countsRefuseMoreExamplesOfOneClassThanAnIntHolds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeLong.estimateCounts(new double[] {0.1, 0.2}, new long[] {Integer.MAX_VALUE, 1},
                        new long[] {3, 4}))
                .withMessageContaining("2147483648 positives");
    }

    @Test
    void estimateSortsItsArgumentsInPlace() {
        double[] positives = {0.9, 0.2, 0.7};
        double[] negatives = {0.5, -0.0, 0.1, 0.0};
        DeLong.estimate(positives, negatives);
        assertThat(positives).containsExactly(0.2, 0.7, 0.9);
        assertThat(negatives).containsExactly(-0.0, 0.0, 0.1, 0.5);
    }

    @Test
    void smallSamples() {
        AucEstimate empty = DeLong.estimate(new double[0], new double[] {1, 2});
        assertThat(empty.auc()).isNaN();
        assertThat(empty.isDefined()).isFalse();
        assertThat(empty.deLongInterval(0.95).isDefined()).isFalse();
        assertThat(empty.deLongInterval(0.95).method()).isEqualTo("delong");
        assertThat(DeLong.estimate(new double[] {1}, new double[0]).auc()).isNaN();

        AucEstimate single = DeLong.estimate(new double[] {0.3}, new double[] {0.1, 0.5, 0.3});
        assertThat(single.auc()).isEqualTo(0.5); // (1 + 0 + 0.5) / 3
        assertThat(single.variance()).isNaN();
        assertThat(single.deLongInterval(0.95).isDefined()).isFalse();

        assertThat(DeLong.placements(new double[0], new double[] {1}).negative(0)).isNaN();
    }

    @Test
    void perfectSeparationHasZeroVariance() {
        AucEstimate estimate = DeLong.estimate(new double[] {3, 4, 5}, new double[] {0, 1, 2});
        assertThat(estimate.auc()).isEqualTo(1.0);
        assertThat(estimate.variance()).isEqualTo(0.0);
        Interval interval = estimate.deLongInterval(0.95);
        assertThat(interval.low()).isEqualTo(1.0);
        assertThat(interval.high()).isEqualTo(1.0);
    }

    @Test
    void rejectsNaNScoresWithTheirIndex() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeLong.estimate(new double[] {0.1, Double.NaN}, new double[] {0.2, 0.3}))
                .withMessage("positive score at index 1 is NaN; DeLong needs every score to be a number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeLong.placements(new double[] {0.1}, new double[] {Double.NaN}))
                .withMessage("negative score at index 0 is NaN; DeLong needs every score to be a number");
    }

    @Test
    void aucEstimateRejectsNegativeCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AucEstimate(0.5, 0.1, -1, 3))
                .withMessage("class sizes must be non-negative but were -1 positives and 3 negatives");
    }

    @Test
    void intervalIsClippedToTheUnitInterval() {
        AucEstimate estimate = new AucEstimate(0.98, 0.01, 10, 10);
        Interval interval = estimate.deLongInterval(0.95);
        assertThat(interval.high()).isEqualTo(1.0);
        assertThat(interval.low()).isCloseTo(0.98 - NormalQuantiles.z(0.95) * 0.1, within(1e-15));
        assertThat(new AucEstimate(0.02, 0.01, 10, 10).deLongInterval(0.95).low()).isEqualTo(0.0);
    }

    private static double[] randomScores(UniformRandomProvider rng, int size, int distinct) {
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            int v = rng.nextInt(distinct + 3);
            scores[i] = v == distinct ? Double.POSITIVE_INFINITY
                    : v == distinct + 1 ? Double.NEGATIVE_INFINITY
                    : v == distinct + 2 ? -0.0 : (v - distinct / 2) / (double) distinct;
        }
        return scores;
    }

    /** The histogram an engine's {@code GROUP BY score, label} gives, built independently of ScoreCounts. */
    private static AucEstimate fromCounts(double[] positives, double[] negatives) {
        java.util.TreeMap<Double, long[]> cells = new java.util.TreeMap<>();
        for (double p : positives) {
            cells.computeIfAbsent(p == 0 ? 0.0 : p, k -> new long[2])[0]++;
        }
        for (double q : negatives) {
            cells.computeIfAbsent(q == 0 ? 0.0 : q, k -> new long[2])[1]++;
        }
        double[] scores = new double[cells.size()];
        long[] pos = new long[scores.length];
        long[] neg = new long[scores.length];
        int k = 0;
        for (Map.Entry<Double, long[]> cell : cells.entrySet()) {
            scores[k] = cell.getKey();
            pos[k] = cell.getValue()[0];
            neg[k++] = cell.getValue()[1];
        }
        return DeLong.estimateCounts(scores, pos, neg);
    }

    /** V10 and V01 from the definition: ψ = 1 above, 1/2 tied, 0 below. */
    private static double[][] bruteForcePlacements(double[] positives, double[] negatives) {
        double[] v10 = new double[positives.length];
        double[] v01 = new double[negatives.length];
        for (int i = 0; i < positives.length; i++) {
            for (int j = 0; j < negatives.length; j++) {
                double psi = positives[i] > negatives[j] ? 1 : positives[i] == negatives[j] ? 0.5 : 0;
                v10[i] += psi;
                v01[j] += psi;
            }
        }
        for (int i = 0; i < v10.length; i++) {
            v10[i] /= negatives.length;
        }
        for (int j = 0; j < v01.length; j++) {
            v01[j] /= positives.length;
        }
        return new double[][] {v10, v01};
    }

    private static double sampleVariance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
