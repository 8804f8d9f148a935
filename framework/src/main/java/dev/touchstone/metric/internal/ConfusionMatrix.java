package dev.touchstone.metric.internal;

/**
 * Counts of (true class, predicted class) pairs over a slice, row-major: {@code cells[t * k + p]}.
 * The sufficient statistic of every confusion-matrix metric.
 */
final class ConfusionMatrix {

    private ConfusionMatrix() {
    }

    static long[] count(ClassOutcomes outcomes, SliceRows slice) {
        int k = outcomes.classCount();
        long[] cells = new long[k * k];
        int[] label = outcomes.label;
        int[] predicted = outcomes.predicted;
        int[] rows = slice.rows();
        if (rows == null) {
            for (int i = 0; i < slice.size(); i++) {
                cells[label[i] * k + predicted[i]]++;
            }
        } else {
            for (int r : rows) {
                cells[label[r] * k + predicted[r]]++;
            }
        }
        return cells;
    }

    static long total(long[] cells) {
        long n = 0;
        for (long c : cells) {
            n += c;
        }
        return n;
    }

    static long trace(long[] cells, int k) {
        long t = 0;
        for (int c = 0; c < k; c++) {
            t += cells[c * k + c];
        }
        return t;
    }

    static long rowSum(long[] cells, int k, int c) {
        long s = 0;
        for (int p = 0; p < k; p++) {
            s += cells[c * k + p];
        }
        return s;
    }

    static long columnSum(long[] cells, int k, int c) {
        long s = 0;
        for (int t = 0; t < k; t++) {
            s += cells[t * k + c];
        }
        return s;
    }
}
