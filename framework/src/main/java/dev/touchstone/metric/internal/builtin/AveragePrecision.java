package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.internal.Bootstrap;
import dev.touchstone.stats.internal.BootstrapComparison;
import dev.touchstone.stats.internal.ComparisonTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scikit-learn's average precision (no interpolation). Its sufficient statistic is the score
 * histogram (positives and negatives per distinct score), which the bootstrap resamples as
 * multinomial cells; paired comparisons resample the examples.
 */
final class AveragePrecision extends RankingMetric {

    AveragePrecision() {
        super("average_precision", EnumSet.of(Kind.DEFAULT));
    }

    @Override
    public Estimate estimate(ScoreSample sample, Resampling r) {
        long[] cells = ScoreHistogram.descending(sample.positives(), sample.negatives());
        return of(cells, sample.positives().length, sample.positiveName(), r);
    }

    @Override
    public Estimate estimate(ScoreCounts counts, Resampling r) {
        return of(counts.descendingCells(), counts.positiveTotal(), counts.positiveName(), r);
    }

    private static Estimate of(long[] cells, long positives, String positiveName, Resampling r) {
        double ap = ScoreHistogram.averagePrecision(cells);
        if (positives == 0) {
            return Estimate.undefined(ap, "average precision needs positive examples ('" + positiveName
                    + "'), but the slice has none", "none");
        }
        return new Estimate(ap, Optional.empty(), List.of(), IntervalSource.bootstrap(Bootstrap.PERCENTILE,
                () -> Bootstrap.ofCells(cells, r.resamples(), r.seed(), r.stream(), AveragePrecision::orUndefined)),
                Map.of());
    }

    // A resample without a positive has no average precision (scikit-learn's 0 is a convention):
    // it is left out of the interval and counted, like every undefined replicate.
    private static double orUndefined(long[] cells) {
        for (int g = 0; g < cells.length; g += 2) {
            if (cells[g] > 0) {
                return ScoreHistogram.averagePrecision(cells);
            }
        }
        return Double.NaN;
    }

    @Override
    public ComparisonTest pairedTest(double[] model, double[] reference, boolean[] positive, double margin,
            Alternative alternative, double level, Resampling r) {
        int m = positive.length;
        double difference = value(model, positive, identity(m)) - value(reference, positive, identity(m));
        double[] replicates = Bootstrap.ofRows(m, r.resamples(), r.seed(), r.stream(),
                rows -> value(model, positive, rows) - value(reference, positive, rows));
        return BootstrapComparison.fromReplicates(difference, replicates, margin, alternative, level, true);
    }

    private static double value(double[] scores, boolean[] positive, int[] rows) {
        int p = 0;
        for (int row : rows) {
            if (positive[row]) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[rows.length - p];
        int i = 0;
        int j = 0;
        for (int row : rows) {
            if (positive[row]) {
                pos[i++] = scores[row];
            } else {
                neg[j++] = scores[row];
            }
        }
        return p == 0 ? Double.NaN : ScoreHistogram.averagePrecision(ScoreHistogram.descending(pos, neg));
    }

    private static int[] identity(int m) {
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
