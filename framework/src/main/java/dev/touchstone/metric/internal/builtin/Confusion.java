package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * A slice's confusion matrix, the sufficient statistic of every confusion-matrix metric:
 * {@code cells[t * k + p]} examples of true class {@code t} predicted as {@code p}. The class
 * names are for messages.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Confusion {

    private final long[] cells;
    private final int k;
    private final List<String> classes;
    private final long total;

    public Confusion(long[] cells, List<String> classes) {
        this.cells = Objects.requireNonNull(cells, "cells");
        this.classes = List.copyOf(classes);
        this.k = classes.size();
        if (cells.length != k * k) {
            throw new IllegalArgumentException("expected " + k * k + " cells but got " + cells.length);
        }
        long n = 0;
        for (long c : cells) {
            n += c;
        }
        this.total = n;
    }

    /** The same classes with other counts (a bootstrap resample). */
    public Confusion withCells(long[] newCells) {
        return new Confusion(newCells, classes);
    }

    public int classCount() {
        return k;
    }

    public String className(int c) {
        return classes.get(c);
    }

    public List<String> classes() {
        return classes;
    }

    public long cell(int trueClass, int predicted) {
        return cells[trueClass * k + predicted];
    }

    public long total() {
        return total;
    }

    /** Examples predicted correctly. */
    public long trace() {
        long t = 0;
        for (int c = 0; c < k; c++) {
            t += cells[c * k + c];
        }
        return t;
    }

    /** Examples whose true class is {@code c}. */
    public long support(int c) {
        long s = 0;
        for (int p = 0; p < k; p++) {
            s += cells[c * k + p];
        }
        return s;
    }

    /** Examples predicted as {@code c}. */
    public long predicted(int c) {
        long s = 0;
        for (int t = 0; t < k; t++) {
            s += cells[t * k + c];
        }
        return s;
    }

    /** Whether class {@code c} occurs in the slice, as a true or a predicted class. */
    public boolean present(int c) {
        return support(c) + predicted(c) > 0;
    }

    /** Class {@code c} against the rest. */
    public Counts oneVsRest(int c) {
        long tp = cells[c * k + c];
        long fp = predicted(c) - tp;
        long fn = support(c) - tp;
        return new Counts(tp, fp, fn, total - tp - fp - fn);
    }

    /**
     * One-vs-rest counts summed over the classes present in the slice, true or predicted (micro
     * averaging). A class that occurs only elsewhere in the dataset would add every example of the
     * slice as a true negative.
     */
    public Counts pooled() {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int c = 0; c < k; c++) {
            if (!present(c)) {
                continue;
            }
            Counts one = oneVsRest(c);
            tp += one.tp();
            fp += one.fp();
            fn += one.fn();
            tn += one.tn();
        }
        return new Counts(tp, fp, fn, tn);
    }

    /** True and false positives and negatives of one class against the rest. */
    public record Counts(long tp, long fp, long fn, long tn) {
    }
}
