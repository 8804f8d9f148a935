package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.builtin.ScoreCounts;
import dev.touchstone.stats.internal.DeLong;
import java.util.Arrays;

/**
 * The dense rank of every row's score in one sort of the whole score column: rows with equal
 * scores ({@code ==}, so {@code -0.0} and {@code 0.0} too) share a rank, ranks ascend with the
 * score. Computed once per evaluation and shared by every slice and statement.
 *
 * <p>Why: ROC AUC, its DeLong variance and average precision depend on a slice's scores only
 * through how many positives and negatives it has at each distinct score. With the ranks, a
 * slice's counts take one pass over its rows in row order and one over the distinct scores,
 * instead of a sort per slice or a walk of the whole file's score order per slice with random
 * reads of scores and labels (three cache misses per row of the file, for every slice).
 *
 * @param rank     by row, the index of its score in {@code distinct}
 * @param distinct the distinct scores, ascending (of a tie of {@code -0.0} and {@code 0.0}, the first)
 */
record ScoreRanks(int[] rank, double[] distinct) {

    /** Above this many distinct scores, the cells of {@link #counts} would not fit one array. */
    static final int MAX_DISTINCT = 1 << 30;

    /** The ranks of {@code scores}, which hold no NaN. */
    static ScoreRanks of(double[] scores) {
        int[] order = DeLong.sortingPermutation(scores);
        int[] rank = new int[scores.length];
        double[] distinct = new double[scores.length];
        int k = -1;
        double previous = Double.NaN;
        for (int r : order) {
            double score = scores[r];
            if (k < 0 || score != previous) {
                distinct[++k] = score;
                previous = score;
            }
            rank[r] = k;
        }
        return new ScoreRanks(rank, Arrays.copyOf(distinct, k + 1));
    }

    /**
     * The score histogram of the slice's rows: at each distinct score it holds, the rows whose
     * {@code label} is {@code positive} and the others. Reads ranks and labels in row order; memory
     * eight bytes per distinct score of the column, then 24 per distinct score of the slice.
     */
    ScoreCounts counts(int[] label, int positive, SliceRows slice, String positiveName) {
        int[] cells = new int[2 * distinct.length]; // positives at 2k, negatives at 2k + 1
        for (int i = 0; i < slice.size(); i++) {
            int r = slice.row(i);
            cells[2 * rank[r] + (label[r] == positive ? 0 : 1)]++;
        }
        int used = 0;
        for (int k = 0; k < distinct.length; k++) {
            if ((cells[2 * k] | cells[2 * k + 1]) != 0) {
                used++;
            }
        }
        double[] scores = new double[used];
        long[] positives = new long[used];
        long[] negatives = new long[used];
        int j = 0;
        for (int k = 0; k < distinct.length; k++) {
            if ((cells[2 * k] | cells[2 * k + 1]) != 0) {
                scores[j] = distinct[k];
                positives[j] = cells[2 * k];
                negatives[j++] = cells[2 * k + 1];
            }
        }
        return new ScoreCounts(scores, positives, negatives, positiveName);
    }
}
