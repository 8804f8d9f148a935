package dev.touchstone.stats.internal;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * ROC AUC and its variance by DeLong, DeLong and Clarke-Pearson (1988), computed in
 * O(n log n) by sorting instead of comparing every positive with every negative.
 *
 * <p><b>Definitions.</b> With {@code m} positive scores {@code X_i} and {@code n} negative scores
 * {@code Y_j}, and {@code ψ(x, y) = 1} if {@code x > y}, {@code 1/2} if {@code x = y}, else 0:
 * <ul>
 *   <li>{@code AUC = Σ_i Σ_j ψ(X_i, Y_j) / (m n)};
 *   <li>the placement (structural component) of a positive, {@code V10_i = Σ_j ψ(X_i, Y_j) / n},
 *       and of a negative, {@code V01_j = Σ_i ψ(X_i, Y_j) / m}; both average to the AUC;
 *   <li>{@code Var(AUC) = S10 / m + S01 / n}, where {@code S10} and {@code S01} are the sample
 *       variances (denominator {@code m - 1}, {@code n - 1}) of the placements.
 * </ul>
 * This is exactly what R's pROC computes for {@code auc()}, {@code var(roc, method="delong")} and
 * {@code ci.auc(method="delong")} with {@code direction="<"} (higher scores mean positive; pROC's
 * default {@code direction="auto"} would silently flip a worse-than-random model to AUC above 0.5,
 * which a quality gate must never do).
 *
 * <p><b>Algorithm.</b> Sort both classes; one merge-like sweep then gives, for every run of equal
 * positive scores, how many negatives are below it and how many tie with it (and symmetrically
 * for negatives). The sweep is linear, so the cost is the two sorts plus O(m + n): about a
 * second for 10 million scores. Placements are counted in half-units as exact integers, so the
 * AUC is exact up to one final rounding.
 *
 * <p><b>Paired comparisons.</b> DeLong's test of two models on the same examples needs the
 * per-example placements of both models, aligned by example. {@link #placements} returns them in
 * the caller's original order (plus the same {@link AucEstimate}), so the covariance of the two
 * models' placements, {@code S = S10(A, B) / m + S01(A, B) / n}, is a single pass over aligned
 * arrays.
 *
 * <p>Scores may be any non-NaN doubles, including infinities; {@code -0.0} and {@code 0.0} tie.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DeLong {

    private DeLong() {
    }

    /**
     * Per-example DeLong placements in the caller's original order, and the resulting estimate.
     * Immutable: accessors that return arrays return copies.
     */
    public static final class Placements {
        private final double[] positive;
        private final double[] negative;
        private final AucEstimate estimate;

        Placements(double[] positive, double[] negative, AucEstimate estimate) {
            this.positive = positive;
            this.negative = negative;
            this.estimate = estimate;
        }

        /** The AUC and DeLong variance, identical to {@link DeLong#estimate} on the same scores. */
        public AucEstimate estimate() {
            return estimate;
        }

        /** {@code V10_i}: the share of negatives that positive {@code i} outranks (ties count 1/2). */
        public double positive(int i) {
            return positive[i];
        }

        /** {@code V01_j}: the share of positives that outrank negative {@code j} (ties count 1/2). */
        public double negative(int j) {
            return negative[j];
        }

        /** A copy of all {@code V10} placements, in the order the positive scores were given. */
        public double[] positivePlacements() {
            return positive.clone();
        }

        /** A copy of all {@code V01} placements, in the order the negative scores were given. */
        public double[] negativePlacements() {
            return negative.clone();
        }

        /** The {@code V10} array itself, for package-internal computations; do not modify. */
        double[] positiveView() {
            return positive;
        }

        /** The {@code V01} array itself, for package-internal computations; do not modify. */
        double[] negativeView() {
            return negative;
        }
    }

    /**
     * AUC and DeLong variance of the given scores.
     *
     * <p><b>Sorts both arrays in place</b> (ascending), so that 10 million scores need no copy.
     * Pass copies if the order matters to you.
     *
     * @param positiveScores scores of the positive examples (sorted in place)
     * @param negativeScores scores of the negative examples (sorted in place)
     * @return the estimate; its AUC is NaN when either class is empty, and its variance is NaN when
     *     either class has fewer than two examples
     * @throws IllegalArgumentException if a score is NaN
     */
    public static AucEstimate estimate(double[] positiveScores, double[] negativeScores) {
        checkScores(positiveScores, "positive");
        checkScores(negativeScores, "negative");
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);
        return estimateSorted(positiveScores, negativeScores);
    }

    /**
     * Per-example placements in the original order, with the estimate; the arguments are not
     * modified.
     *
     * <p>Cost: each class is arg-sorted by a stable least-significant-digit radix sort of the
     * order-preserving bit patterns of its scores (linear, no comparisons; about a second for 10
     * million scores, against several seconds for a binary search per example, whose memory
     * accesses are random), then one sweep computes the placement of every run of tied scores
     * and writes it to the original positions. Memory: 24 bytes per score of the class being
     * sorted, transiently, plus 20 bytes per score for the permutations, sorted copies and result.
     *
     * @throws IllegalArgumentException if a score is NaN
     */
    public static Placements placements(double[] positiveScores, double[] negativeScores) {
        checkScores(positiveScores, "positive");
        checkScores(negativeScores, "negative");
        int m = positiveScores.length;
        int n = negativeScores.length;
        int[] positiveOrder = sortingPermutation(positiveScores);
        int[] negativeOrder = sortingPermutation(negativeScores);
        double[] sortedPositives = gather(positiveScores, positiveOrder);
        double[] sortedNegatives = gather(negativeScores, negativeOrder);
        AucEstimate estimate = estimateSorted(sortedPositives, sortedNegatives);
        double[] positive = new double[m];
        double[] negative = new double[n];
        if (m == 0 || n == 0) {
            // A placement relative to an empty class is undefined.
            Arrays.fill(positive, Double.NaN);
            Arrays.fill(negative, Double.NaN);
            return new Placements(positive, negative, estimate);
        }
        double twiceN = 2.0 * n;
        int below = 0;
        int notAbove = 0;
        for (int i = 0; i < m; ) {
            double x = sortedPositives[i];
            int end = i + 1;
            while (end < m && sortedPositives[end] == x) {
                end++;
            }
            while (below < n && sortedNegatives[below] < x) {
                below++;
            }
            if (notAbove < below) {
                notAbove = below;
            }
            while (notAbove < n && sortedNegatives[notAbove] <= x) {
                notAbove++;
            }
            double placement = (below + (double) notAbove) / twiceN;
            for (; i < end; i++) {
                positive[positiveOrder[i]] = placement;
            }
        }
        double twiceM = 2.0 * m;
        below = 0;
        notAbove = 0;
        for (int j = 0; j < n; ) {
            double y = sortedNegatives[j];
            int end = j + 1;
            while (end < n && sortedNegatives[end] == y) {
                end++;
            }
            while (below < m && sortedPositives[below] < y) {
                below++;
            }
            if (notAbove < below) {
                notAbove = below;
            }
            while (notAbove < m && sortedPositives[notAbove] <= y) {
                notAbove++;
            }
            // positives above y count 1, tied count 1/2: 2 (m - notAbove) + (notAbove - below)
            double placement = (twiceM - notAbove - below) / twiceM;
            for (; j < end; j++) {
                negative[negativeOrder[j]] = placement;
            }
        }
        return new Placements(positive, negative, estimate);
    }

    /**
     * The permutation that sorts {@code scores} ascending, stable ({@code -0.0} lands right before
     * {@code 0.0}, which the sweeps treat as tied). The bit pattern of a double, with the sign bit flipped for non-negative values and
     * all bits flipped for negative ones, orders like the double when compared as an unsigned
     * integer; an LSD radix sort on bytes sorts those keys, skipping bytes that are the same for
     * every key (such as the exponent of scores in [0.5, 1)).
     */
    public static int[] sortingPermutation(double[] scores) {
        int size = scores.length;
        long[] keys = new long[size];
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            long bits = Double.doubleToRawLongBits(scores[i]);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            order[i] = i;
        }
        long[] keyBuffer = new long[size];
        int[] orderBuffer = new int[size];
        int[] offsets = new int[256];
        for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
            Arrays.fill(offsets, 0);
            for (int i = 0; i < size; i++) {
                offsets[(int) (keys[i] >>> shift) & 0xFF]++;
            }
            boolean constantDigit = false;
            int sum = 0;
            for (int digit = 0; digit < offsets.length; digit++) {
                int count = offsets[digit];
                constantDigit |= count == size;
                offsets[digit] = sum;
                sum += count;
            }
            if (constantDigit) {
                continue; // this pass would not move anything
            }
            for (int i = 0; i < size; i++) {
                long key = keys[i];
                int target = offsets[(int) (key >>> shift) & 0xFF]++;
                keyBuffer[target] = key;
                orderBuffer[target] = order[i];
            }
            long[] swapKeys = keys;
            keys = keyBuffer;
            keyBuffer = swapKeys;
            int[] swapOrder = order;
            order = orderBuffer;
            orderBuffer = swapOrder;
        }
        return order;
    }

    private static double[] gather(double[] values, int[] order) {
        double[] result = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = values[order[i]];
        }
        return result;
    }

    /**
     * The estimate from ascending arrays without NaN. Three linear sweeps: the AUC as an exact
     * half-unit count, then the squared deviations of the positive and of the negative placements
     * from it (two passes rather than a sum of squares, which would cancel catastrophically when
     * the AUC is close to 0 or 1).
     */
    public static AucEstimate estimateSorted(double[] positives, double[] negatives) {
        int m = positives.length;
        int n = negatives.length;
        if (m == 0 || n == 0) {
            return new AucEstimate(Double.NaN, Double.NaN, m, n);
        }
        // Σ over positives of (2 · #negatives below + #negatives tied): at most 2 m n < 2^63.
        long halfUnits = 0;
        int below = 0;
        int notAbove = 0;
        for (int i = 0; i < m; ) {
            double x = positives[i];
            int end = i + 1;
            while (end < m && positives[end] == x) {
                end++;
            }
            while (below < n && negatives[below] < x) {
                below++;
            }
            if (notAbove < below) {
                notAbove = below;
            }
            while (notAbove < n && negatives[notAbove] <= x) {
                notAbove++;
            }
            halfUnits += (long) (end - i) * ((long) below + notAbove);
            i = end;
        }
        double auc = halfUnits / (2.0 * m * (double) n);
        if (m < 2 || n < 2) {
            return new AucEstimate(auc, Double.NaN, m, n);
        }

        double twiceN = 2.0 * n;
        double squaresPositive = 0;
        below = 0;
        notAbove = 0;
        for (int i = 0; i < m; ) {
            double x = positives[i];
            int end = i + 1;
            while (end < m && positives[end] == x) {
                end++;
            }
            while (below < n && negatives[below] < x) {
                below++;
            }
            if (notAbove < below) {
                notAbove = below;
            }
            while (notAbove < n && negatives[notAbove] <= x) {
                notAbove++;
            }
            double deviation = (below + (double) notAbove) / twiceN - auc;
            squaresPositive += (end - i) * (deviation * deviation);
            i = end;
        }

        double twiceM = 2.0 * m;
        double squaresNegative = 0;
        below = 0;
        notAbove = 0;
        for (int j = 0; j < n; ) {
            double y = negatives[j];
            int end = j + 1;
            while (end < n && negatives[end] == y) {
                end++;
            }
            while (below < m && positives[below] < y) {
                below++;
            }
            if (notAbove < below) {
                notAbove = below;
            }
            while (notAbove < m && positives[notAbove] <= y) {
                notAbove++;
            }
            double deviation = (twiceM - notAbove - below) / twiceM - auc;
            squaresNegative += (end - j) * (deviation * deviation);
            j = end;
        }
        double variance = squaresPositive / ((m - 1.0) * m) + squaresNegative / ((n - 1.0) * n);
        return new AucEstimate(auc, variance, m, n);
    }

    /**
     * The estimate from a score histogram: {@code scores} distinct and ascending, with
     * {@code positives[k]} and {@code negatives[k]} examples at {@code scores[k]}. The same sweeps
     * as {@link #estimateSorted} over groups of tied scores, in the same order, so the result is
     * the same to the last bit as for the expanded arrays; memory grows with distinct scores, not
     * examples (an engine's {@code GROUP BY score, label} is all it needs).
     */
    public static AucEstimate estimateCounts(double[] scores, long[] positives, long[] negatives) {
        long mTotal = 0;
        long nTotal = 0;
        for (int k = 0; k < scores.length; k++) {
            mTotal += positives[k];
            nTotal += negatives[k];
        }
        if (mTotal > Integer.MAX_VALUE || nTotal > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than 2^31 - 1 examples of one class: " + mTotal + " positives, "
                    + nTotal + " negatives");
        }
        int m = (int) mTotal;
        int n = (int) nTotal;
        if (m == 0 || n == 0) {
            return new AucEstimate(Double.NaN, Double.NaN, m, n);
        }
        long halfUnits = 0;
        long below = 0;
        for (int k = 0; k < scores.length; k++) {
            if (positives[k] > 0) {
                halfUnits += positives[k] * (below + below + negatives[k]);
            }
            below += negatives[k];
        }
        double auc = halfUnits / (2.0 * m * (double) n);
        if (m < 2 || n < 2) {
            return new AucEstimate(auc, Double.NaN, m, n);
        }
        double twiceN = 2.0 * n;
        double squaresPositive = 0;
        below = 0;
        for (int k = 0; k < scores.length; k++) {
            if (positives[k] > 0) {
                long notAbove = below + negatives[k];
                double deviation = (below + (double) notAbove) / twiceN - auc;
                squaresPositive += positives[k] * (deviation * deviation);
            }
            below += negatives[k];
        }
        double twiceM = 2.0 * m;
        double squaresNegative = 0;
        below = 0;
        for (int k = 0; k < scores.length; k++) {
            if (negatives[k] > 0) {
                long notAbove = below + positives[k];
                double deviation = (twiceM - notAbove - below) / twiceM - auc;
                squaresNegative += negatives[k] * (deviation * deviation);
            }
            below += positives[k];
        }
        double variance = squaresPositive / ((m - 1.0) * m) + squaresNegative / ((n - 1.0) * n);
        return new AucEstimate(auc, variance, m, n);
    }

    private static void checkScores(double[] scores, String which) {
        Objects.requireNonNull(scores, which + " scores must not be null");
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException(which + " score at index " + i
                        + " is NaN; DeLong needs every score to be a number");
            }
        }
    }
}
