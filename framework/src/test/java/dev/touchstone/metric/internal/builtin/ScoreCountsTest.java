package dev.touchstone.metric.internal.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.touchstone.stats.internal.Randomness;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** A slice's score histogram gives the ranking metrics the same numbers as its examples. */
class ScoreCountsTest {

    private static final Resampling RESAMPLING = new Resampling(200, 42, "ScoreCountsTest");

    @Test
    void histogramOfExamplesMergesTiesAcrossClassesAndSignedZeros() {
        ScoreCounts counts = ScoreCounts.of(new double[] {0.5, -0.0, 0.5, 1}, new double[] {0.0, 0.2, 1}, "yes");

        assertThat(counts.scores()).containsExactly(-0.0, 0.2, 0.5, 1.0);
        assertThat(counts.positives()).containsExactly(1, 0, 2, 1);
        assertThat(counts.negatives()).containsExactly(1, 1, 0, 1);
        assertThat(counts.positiveTotal()).isEqualTo(4);
        assertThat(counts.descendingCells())
                .containsExactly(ScoreHistogram.descending(new double[] {0.5, -0.0, 0.5, 1}, new double[] {0.0, 0.2, 1}));
    }

    @Test
    void rankingMetricsFromCountsEqualThoseFromExamples() {
        UniformRandomProvider rng = Randomness.stream(3, "ScoreCountsTest");
        for (int trial = 0; trial < 200; trial++) {
            double[] positives = scores(rng, rng.nextInt(50));
            double[] negatives = scores(rng, rng.nextInt(50));
            ScoreCounts counts = ScoreCounts.of(positives, negatives, "yes");
            for (RankingMetric metric : new RankingMetric[] {BuiltInMetrics.ROC_AUC, BuiltInMetrics.AVERAGE_PRECISION}) {
                Estimate fromExamples = metric.estimate(
                        new ScoreSample(positives.clone(), negatives.clone(), false, "yes"), RESAMPLING);
                Estimate fromCounts = metric.estimate(counts, RESAMPLING);
                assertThat(Double.valueOf(fromCounts.value())).as("%s trial %d", metric, trial)
                        .isEqualTo(Double.valueOf(fromExamples.value()));
                assertThat(fromCounts.undefinedReason()).isEqualTo(fromExamples.undefinedReason());
                if (fromExamples.isDefined()) {
                    assertThat(fromCounts.intervals().at(0.95)).as("%s trial %d", metric, trial)
                            .isEqualTo(fromExamples.intervals().at(0.95));
                }
            }
        }
    }

    @Test
    void rejectsScoresOutOfOrderNaNAndMismatchedCounts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScoreCounts(new double[] {0.2, 0.1}, new long[2], new long[2], "yes"))
                .withMessageContaining("score 1 is 0.1 after 0.2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScoreCounts(new double[] {Double.NaN}, new long[1], new long[1], "yes"))
                .withMessageContaining("score 0 is NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScoreCounts(new double[] {0.1}, new long[2], new long[1], "yes"))
                .withMessageContaining("1 scores, 2 positive and 1 negative counts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScoreCounts(new double[] {0.1}, new long[] {-1}, new long[1], "yes"))
                .withMessageContaining("negative count");
    }

    private static double[] scores(UniformRandomProvider rng, int size) {
        int distinct = 1 + rng.nextInt(20);
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            scores[i] = rng.nextInt(distinct) / (double) distinct;
        }
        return scores;
    }
}
