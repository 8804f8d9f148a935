package dev.touchstone.metric.internal.builtin;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The positive-class scores of one slice reduced to a histogram, as an engine's
 * {@code GROUP BY score, label} gives them: distinct scores in ascending order (0.0 and -0.0 are
 * one score, as {@code ==} has it), with the number of positive and negative examples at each.
 *
 * @param positiveName the positive class, for messages
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record ScoreCounts(double[] scores, long[] positives, long[] negatives, String positiveName) {

    public ScoreCounts {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(positives, "positives");
        Objects.requireNonNull(negatives, "negatives");
        if (positives.length != scores.length || negatives.length != scores.length) {
            throw new IllegalArgumentException("score counts need one positive and one negative count per score: "
                    + scores.length + " scores, " + positives.length + " positive and " + negatives.length
                    + " negative counts");
        }
        for (int k = 0; k < scores.length; k++) {
            // a NaN fails this too: it is not above the score before it
            if (!(k == 0 ? !Double.isNaN(scores[k]) : scores[k] > scores[k - 1])) {
                throw new IllegalArgumentException("score counts need distinct ascending scores without NaN, but score "
                        + k + " is " + scores[k] + (k == 0 ? "" : " after " + scores[k - 1]));
            }
            if (positives[k] < 0 || negatives[k] < 0) {
                throw new IllegalArgumentException("negative count at score " + scores[k] + ": " + positives[k]
                        + " positive, " + negatives[k] + " negative");
            }
        }
    }

    /** The histogram of examples in memory (no NaN): what an engine's aggregate would give for them. */
    public static ScoreCounts of(double[] positiveScores, double[] negativeScores, String positiveName) {
        double[] pos = positiveScores.clone();
        double[] neg = negativeScores.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] scores = new double[pos.length + neg.length];
        long[] p = new long[scores.length];
        long[] q = new long[scores.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < pos.length || j < neg.length) {
            double low = i == pos.length ? neg[j] : j == neg.length ? pos[i] : Math.min(pos[i], neg[j]);
            while (i < pos.length && pos[i] == low) {
                p[k]++;
                i++;
            }
            while (j < neg.length && neg[j] == low) {
                q[k]++;
                j++;
            }
            scores[k++] = low;
        }
        return new ScoreCounts(Arrays.copyOf(scores, k), Arrays.copyOf(p, k), Arrays.copyOf(q, k), positiveName);
    }

    public long positiveTotal() {
        long total = 0;
        for (long p : positives) {
            total += p;
        }
        return total;
    }

    /** {@code [pos, neg]} per distinct score, highest score first: {@link ScoreHistogram}'s cells. */
    long[] descendingCells() {
        int k = scores.length;
        long[] cells = new long[2 * k];
        for (int i = 0; i < k; i++) {
            cells[2 * i] = positives[k - 1 - i];
            cells[2 * i + 1] = negatives[k - 1 - i];
        }
        return cells;
    }
}
