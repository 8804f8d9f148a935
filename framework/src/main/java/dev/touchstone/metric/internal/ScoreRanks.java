package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.builtin.ScoreCounts;
import dev.touchstone.stats.internal.DeLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>Memory: the ten-million-row arrays here are fresh heap, which costs system time on first
 * touch; so the distinct scores are written once at their exact size, and the per-slice count
 * array is handed from one slice to the next (zeroed as it is read) instead of made anew.
 */
final class ScoreRanks {

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private final int[] rank;
    private final double[] distinct;
    private final AtomicReference<int[]> spareCells = new AtomicReference<>();

    /**
     * @param rank     by row, the index of its score in {@code distinct}
     * @param distinct the distinct scores, ascending (of a tie of {@code -0.0} and {@code 0.0}, the first)
     */
    ScoreRanks(int[] rank, double[] distinct) {
        this.rank = rank;
        this.distinct = distinct;
    }

    int[] rank() {
        return rank;
    }

    double[] distinct() {
        return distinct;
    }

    /** Above this many distinct scores, the cells of {@link #counts} would not fit one array. */
    static final int MAX_DISTINCT = 1 << 30;

    /** The ranks of {@code scores}, which hold no NaN. */
    static ScoreRanks of(double[] scores) {
        int[] order = DeLong.sortingPermutation(scores);
        int[] rank = new int[scores.length];
        int k = -1;
        double previous = Double.NaN;
        for (int r : order) {
            double score = scores[r];
            if (k < 0 || score != previous) {
                ++k;
                previous = score;
            }
            rank[r] = k;
        }
        double[] distinct = new double[k + 1];
        int negativeZero = -1;
        for (int r = 0; r < rank.length; r++) {
            double score = scores[r];
            distinct[rank[r]] = score; // equal scores: any one, except that -0.0 sorts before its tie 0.0
            if (Double.doubleToRawLongBits(score) == NEGATIVE_ZERO) {
                negativeZero = rank[r];
            }
        }
        if (negativeZero >= 0) {
            distinct[negativeZero] = -0.0;
        }
        return new ScoreRanks(rank, distinct);
    }

    /**
     * The score histogram of the slice's rows: at each distinct score it holds, the rows whose
     * {@code label} is {@code positive} and the others. Reads ranks and labels in row order; memory
     * eight bytes per distinct score of the column, then 24 per distinct score of the slice.
     */
    ScoreCounts counts(int[] label, int positive, SliceRows slice, String positiveName) {
        int[] spare = spareCells.getAndSet(null); // all zero; null while another slice uses it
        int[] cells = spare != null ? spare : new int[2 * distinct.length]; // positives at 2k, negatives at 2k + 1
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
                cells[2 * k] = 0;
                cells[2 * k + 1] = 0;
            }
        }
        spareCells.set(cells);
        return new ScoreCounts(scores, positives, negatives, positiveName);
    }
}
