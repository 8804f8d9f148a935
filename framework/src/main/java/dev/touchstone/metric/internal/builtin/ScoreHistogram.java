package dev.touchstone.metric.internal.builtin;

import java.util.Arrays;

/**
 * Scores reduced to their sufficient statistic for ranking metrics: for each distinct score,
 * in descending order, the number of positive and negative examples with that score. Stored
 * interleaved, {@code [pos0, neg0, pos1, neg1, ...]}, so that a bootstrap can resample it as
 * multinomial cell counts.
 */
final class ScoreHistogram {

    private ScoreHistogram() {
    }

    static long[] descending(double[] positives, double[] negatives) {
        double[] pos = positives.clone();
        double[] neg = negatives.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        long[] cells = new long[2 * (pos.length + neg.length)];
        int i = pos.length - 1;
        int j = neg.length - 1;
        int groups = 0;
        while (i >= 0 || j >= 0) {
            double top = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            long p = 0;
            long q = 0;
            while (i >= 0 && pos[i] == top) {
                p++;
                i--;
            }
            while (j >= 0 && neg[j] == top) {
                q++;
                j--;
            }
            cells[2 * groups] = p;
            cells[2 * groups + 1] = q;
            groups++;
        }
        return Arrays.copyOf(cells, 2 * groups);
    }

    /**
     * scikit-learn's average precision: the sum over thresholds (distinct scores, descending) of
     * the recall gained times the precision at that threshold, without interpolation.
     */
    static double averagePrecision(long[] cells) {
        long positives = 0;
        for (int g = 0; g < cells.length; g += 2) {
            positives += cells[g];
        }
        if (positives == 0) {
            return 0; // scikit-learn's value when recall is undefined; the caller marks it undefined
        }
        long tp = 0;
        long fp = 0;
        double ap = 0;
        for (int g = 0; g < cells.length; g += 2) {
            if (cells[g] == 0 && cells[g + 1] == 0) {
                continue;
            }
            tp += cells[g];
            fp += cells[g + 1];
            if (cells[g] > 0) {
                ap += ((double) cells[g] / positives) * ((double) tp / (tp + fp));
            }
        }
        return ap;
    }
}
