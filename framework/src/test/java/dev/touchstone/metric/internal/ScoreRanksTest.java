package dev.touchstone.metric.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.ScoreCounts;
import dev.touchstone.metric.internal.builtin.ScoreSample;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The slice histograms from the column's ranks give ROC AUC, DeLong variance and average
 * precision exactly (to the last bit) as the examples themselves do, on scores with many ties,
 * signed zeros and infinities, slices of every size and slices with one class only.
 */
class ScoreRanksTest {

    private static final double[] TRICKY = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5,
        1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE};

    @Test
    void ranksAreDenseAscendingAndTieSignedZeros() {
        double[] scores = {0.5, -0.0, 0.0, Double.NEGATIVE_INFINITY, 0.5, Double.POSITIVE_INFINITY, 0.0};
        ScoreRanks ranks = ScoreRanks.of(scores);
        assertThat(ranks.rank()).containsExactly(2, 1, 1, 0, 2, 3, 1);
        assertThat(ranks.distinct()).hasSize(4);
        assertThat(ranks.distinct()[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ranks.distinct()[1] == 0.0).isTrue();
        assertThat(ranks.distinct()[3]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void distinctScoresAreTheFirstOfEachTieInSortedOrderBitForBit() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            double[] scores = new double[n];
            for (int r = 0; r < n; r++) {
                scores[r] = random.nextInt(3) == 0 ? TRICKY[random.nextInt(TRICKY.length)] : random.nextInt(20) / 7.0;
            }
            double[] sorted = scores.clone();
            java.util.Arrays.sort(sorted); // -0.0 before 0.0, as the ranks' sort
            java.util.List<Double> firsts = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    firsts.add(sorted[i]);
                }
            }
            ScoreRanks ranks = ScoreRanks.of(scores);
            assertThat(ranks.distinct()).hasSize(firsts.size());
            for (int k = 0; k < firsts.size(); k++) {
                assertThat(Double.doubleToRawLongBits(ranks.distinct()[k])).as("round %d rank %d", round, k)
                        .isEqualTo(Double.doubleToRawLongBits(firsts.get(k)));
            }
            for (int r = 0; r < n; r++) {
                assertThat(ranks.distinct()[ranks.rank()[r]] == scores[r]).as("round %d row %d", round, r).isTrue();
            }
            // the count array handed between slices: each slice's counts as from a fresh one
            int[] label = new int[n];
            for (int r = 0; r < n; r++) {
                label[r] = random.nextInt(2);
            }
            for (SliceRows slice : slices(n, random)) {
                ScoreCounts again = ranks.counts(label, 1, slice, "yes");
                ScoreCounts fresh = ScoreRanks.of(scores).counts(label, 1, slice, "yes");
                assertThat(again).usingRecursiveComparison().isEqualTo(fresh);
            }
        }
    }

    @Test
    void countsGiveTheSameEstimatesAsTheExamples() {
        SplittableRandom random = new SplittableRandom(42);
        Resampling resampling = new Resampling(200, 7, "test");
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(400);
            double[] scores = new double[n];
            int[] label = new int[n];
            int levels = 1 + random.nextInt(round % 3 == 0 ? 5 : 1000);
            double positiveShare = round % 10 == 0 ? 0.0 : round % 10 == 1 ? 1.0 : random.nextDouble();
            for (int r = 0; r < n; r++) {
                scores[r] = random.nextInt(8) == 0 ? TRICKY[random.nextInt(TRICKY.length)]
                        : random.nextInt(levels) / (double) levels - 0.5;
                label[r] = random.nextDouble() < positiveShare ? 1 : random.nextInt(2) * 2; // 1 positive; 0, 2 not
            }
            ScoreRanks ranks = ScoreRanks.of(scores);
            for (SliceRows slice : slices(n, random)) {
                ScoreSample sample = RankingEvaluation.sample(slice, scores, label, 1, "yes");
                ScoreCounts counts = ranks.counts(label, 1, slice, "yes");
                assertThat(counts).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                        .ignoringFields("scores", "positiveName")
                        .isEqualTo(ScoreCounts.of(sample.positives(), sample.negatives(), "yes"));
                for (RankingMetric metric : new RankingMetric[] {BuiltInMetrics.ROC_AUC,
                    BuiltInMetrics.AVERAGE_PRECISION}) {
                    Estimate expected = metric.estimate(new ScoreSample(sample.positives().clone(),
                            sample.negatives().clone(), false, "yes"), resampling);
                    Estimate actual = metric.estimate(counts, resampling);
                    String as = metric + " round " + round + " slice " + slice.name();
                    assertThat(Double.doubleToLongBits(actual.value())).as(as)
                            .isEqualTo(Double.doubleToLongBits(expected.value()));
                    assertThat(actual.statistics()).as(as).isEqualTo(expected.statistics());
                    assertThat(actual.undefinedReason()).as(as).isEqualTo(expected.undefinedReason());
                    if (actual.isDefined()) {
                        assertThat(actual.intervals().at(0.95)).as(as).isEqualTo(expected.intervals().at(0.95));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    /** Every row, a random half, a random tenth, and one row. */
    private static SliceRows[] slices(int n, SplittableRandom random) {
        BitSet half = new BitSet();
        BitSet tenth = new BitSet();
        for (int r = 0; r < n; r++) {
            half.set(r, random.nextBoolean());
            tenth.set(r, random.nextInt(10) == 0);
        }
        BitSet one = new BitSet();
        one.set(random.nextInt(n));
        return new SliceRows[] {SliceRows.all(n), SliceRows.of("half", "half", half),
            SliceRows.of("tenth", "tenth", tenth), SliceRows.of("one", "one", one)};
    }
}
