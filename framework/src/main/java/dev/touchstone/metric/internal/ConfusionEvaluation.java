package dev.touchstone.metric.internal;

import dev.touchstone.metric.ConfusionCounts;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.metric.internal.builtin.Confusion;
import dev.touchstone.metric.internal.builtin.ConfusionMetric;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.IntervalSource;
import dev.touchstone.metric.internal.builtin.Proportion;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.stats.internal.Bootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confusion-matrix metrics on a slice: the cells are counted once per slice (shared by every
 * statement on it), the metric's definition gives the value, and the interval is Wilson's for
 * proportions, else a multinomial bootstrap of the cells.
 */
final class ConfusionEvaluation {

    private ConfusionEvaluation() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, ConfusionMetric metric, Averaging averaging,
            String name, Resampling resampling) {
        ClassOutcomes classes = outcomes.classification();
        classes.requirePredicted(name);
        int target = MetricEvaluator.targetClass(classes, metric, averaging, outcomes, name);
        long[] cells = outcomes.memo(new CellsKey(slice.name(), slice.definition(), slice.size()),
                key -> count(classes, slice));
        return fromCells(classes, cells, target, slice, metric, averaging, name, resampling);
    }

    /** The estimate from the slice's confusion cells, however they were counted (in memory, in an engine). */
    static SliceEstimate fromCells(ClassOutcomes classes, long[] cells, int target, SliceRows slice,
            ConfusionMetric metric, Averaging averaging, String name, Resampling resampling) {
        Confusion cm = new Confusion(cells, classes.classes());
        ConfusionCounts counts = new ConfusionCounts(classes.classes(), cells);
        List<String> notes = notes(cm);
        Kind kind = averaging.kind();
        if (cm.total() == 0) {
            return new SliceEstimate(name, slice, Estimate.undefined(Double.NaN, "the slice has no examples", "none")
                    .withNotes(notes), counts);
        }
        double value = metric.value(cm, kind, target);
        Optional<String> undefined = metric.undefinedReason(cm, kind, target);
        if (undefined.isPresent()) {
            // The value keeps scikit-learn's zero-division convention; the verdict ignores it.
            return new SliceEstimate(name, slice, Estimate.undefined(value, undefined.get(), "none").withNotes(notes),
                    counts);
        }
        Optional<Proportion> proportion = metric.proportion(cm, kind, target);
        Estimate estimate = proportion.isPresent()
                ? Estimate.proportion(value, proportion.get())
                : Estimate.defined(value, IntervalSource.bootstrap(Bootstrap.PERCENTILE, () -> Bootstrap.ofCells(cells,
                        resampling.resamples(), resampling.seed(), resampling.stream(),
                        draw -> metric.value(cm.withCells(draw), kind, target))));
        return new SliceEstimate(name, slice, estimate.withNotes(notes), counts);
    }

    private record CellsKey(String slice, String definition, int size) {
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

    /** Classes of the slice that occur only as labels or only as predictions: worth a note. */
    private static List<String> notes(Confusion cm) {
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < cm.classCount(); c++) {
            long asLabel = cm.support(c);
            long asPrediction = cm.predicted(c);
            if (asLabel > 0 && asPrediction == 0) {
                notes.add("class '" + cm.className(c) + "' occurs in labels (" + asLabel + " rows) but is never predicted");
            } else if (asPrediction > 0 && asLabel == 0) {
                notes.add("class '" + cm.className(c) + "' is predicted (" + asPrediction
                        + " rows) but never occurs in labels");
            }
        }
        return notes;
    }
}
