package dev.touchstone.metric;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The confusion matrix of a classification slice, for reports: {@code count(t, p)} examples of
 * true class {@code classes.get(t)} were predicted as {@code classes.get(p)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ConfusionCounts(List<String> classes, long[] cells) {

    public ConfusionCounts {
        classes = List.copyOf(classes);
        Objects.requireNonNull(cells, "cells");
        if (cells.length != classes.size() * classes.size()) {
            throw new IllegalArgumentException("expected " + classes.size() * classes.size() + " cells but got " + cells.length);
        }
        cells = cells.clone();
    }

    public long count(int trueClass, int predictedClass) {
        return cells[trueClass * classes.size() + predictedClass];
    }

    @Override
    public long[] cells() {
        return cells.clone();
    }
}
