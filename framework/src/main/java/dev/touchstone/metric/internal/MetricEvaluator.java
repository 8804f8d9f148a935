package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.ConfusionCounts;
import dev.touchstone.metric.internal.Averaging.Kind;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.stats.Bootstrap;
import java.util.List;

/**
 * Evaluates one metric on one slice: point estimate, definedness and interval source. Results
 * are memoised per outcomes, slice, metric and bootstrap settings, so statements that repeat a
 * metric (or ask at another confidence level) reuse the work.
 */
public final class MetricEvaluator {

    private MetricEvaluator() {
    }

    public static SliceEstimate evaluate(Outcomes outcomes, SliceRows slice, MetricDefinition metric,
            TouchstoneSettings settings) {
        Key key = new Key(outcomes.dataset().name(), slice.name(), slice.definition(), slice.size(), metric,
                settings.seed(), settings.resamples());
        return outcomes.memo(key, k -> compute(outcomes, slice, metric, settings));
    }

    private record Key(String dataset, String slice, String definition, int size, MetricDefinition metric, long seed,
            int resamples) {
    }

    /** The name of the random stream of a statement: stable, independent of execution order. */
    static String streamKey(Outcomes outcomes, SliceRows slice, String metric) {
        return outcomes.model().name() + '\u0000' + outcomes.dataset().name() + '\u0000' + slice.name()
                + '\u0000' + slice.definition() + '\u0000' + metric;
    }

    private static SliceEstimate compute(Outcomes outcomes, SliceRows slice, MetricDefinition metric,
            TouchstoneSettings settings) {
        if (metric instanceof MetricDefinition.Custom custom) {
            return CustomMetrics.estimate(outcomes, slice, custom, settings);
        }
        BuiltIn builtIn = (BuiltIn) metric;
        return switch (builtIn.metric().family()) {
            case SIZE -> new SliceEstimate(metric.name(), slice, slice.size(), null, List.of(),
                    IntervalSource.exact(slice.size()));
            case CONFUSION -> confusion(outcomes, slice, builtIn, settings);
            case SCORE -> ScoreMetrics.estimate(outcomes, slice, builtIn, settings);
            case REGRESSION -> RegressionMetrics.estimate(outcomes, slice, builtIn, settings);
            case OPERATIONAL -> OperationalMetrics.estimate(outcomes, slice, builtIn, settings);
        };
    }

    private static SliceEstimate confusion(Outcomes outcomes, SliceRows slice, BuiltIn metric, TouchstoneSettings settings) {
        ClassOutcomes classes = outcomes.classification();
        int k = classes.classCount();
        int target = targetClass(classes, metric, outcomes);
        long[] cells = outcomes.memo(new CellsKey(slice.name(), slice.definition(), slice.size()),
                key -> ConfusionMatrix.count(classes, slice));
        long n = ConfusionMatrix.total(cells);
        Kind kind = metric.averaging().kind();
        double value = ConfusionMetrics.value(metric.metric(), metric.beta(), kind, target, cells, k);
        String undefined = ConfusionReasons.undefined(metric, kind, target, cells, classes, n);
        List<String> notes = sliceNotes(cells, classes);
        ConfusionCounts confusion = new ConfusionCounts(classes.classes(), cells);
        if (undefined != null) {
            // The value keeps scikit-learn's zero-division convention; the verdict ignores it.
            return new SliceEstimate(metric.name(), slice, value, undefined, notes, IntervalSource.undefined("none"),
                    confusion);
        }
        long[] proportion = ConfusionReasons.proportion(metric, kind, target, cells, k, n);
        IntervalSource intervals;
        java.util.Map<String, Double> statistics = java.util.Map.of();
        if (proportion != null) {
            intervals = IntervalSource.wilson(proportion[0], proportion[1]);
            statistics = java.util.Map.of("successes", (double) proportion[0], "trials", (double) proportion[1]);
        } else {
            String stream = streamKey(outcomes, slice, metric.name());
            intervals = IntervalSource.bootstrap(Bootstrap.PERCENTILE, () -> Bootstrap.ofCells(cells,
                    settings.resamples(), settings.seed(), stream,
                    draw -> ConfusionMetrics.value(metric.metric(), metric.beta(), kind, target, draw, k)));
        }
        return new SliceEstimate(metric.name(), slice, value, null, notes, intervals, confusion, statistics);
    }

    /** Classes of the slice that occur only as labels or only as predictions: worth a note. */
    static List<String> sliceNotes(long[] cells, ClassOutcomes classes) {
        int k = classes.classCount();
        List<String> notes = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            long asLabel = ConfusionMatrix.rowSum(cells, k, c);
            long asPrediction = ConfusionMatrix.columnSum(cells, k, c);
            if (asLabel > 0 && asPrediction == 0) {
                notes.add("class '" + classes.classes[c] + "' occurs in labels (" + asLabel + " rows) but is never predicted");
            } else if (asPrediction > 0 && asLabel == 0) {
                notes.add("class '" + classes.classes[c] + "' is predicted (" + asPrediction
                        + " rows) but never occurs in labels");
            }
        }
        return notes;
    }

    private record CellsKey(String slice, String definition, int size) {
    }

    /** The class a per-class metric is about, or -1 for metrics over all classes. */
    private static int targetClass(ClassOutcomes classes, BuiltIn metric, Outcomes outcomes) {
        if (!metric.metric().perClass()) {
            return -1;
        }
        Averaging averaging = metric.averaging();
        return switch (averaging.kind()) {
            case CLASS -> {
                int code = classes.classCode(averaging.className());
                if (code < 0) {
                    throw new QualityConfigurationException(metric.name() + ": class '" + averaging.className()
                            + "' does not occur in the labels or predictions of dataset '" + outcomes.dataset().name()
                            + "'; the classes are " + classes.classes());
                }
                yield code;
            }
            case DEFAULT -> binaryPositive(classes, metric.metric().id(), outcomes);
            default -> -1;
        };
    }

    static int binaryPositive(ClassOutcomes classes, String metric, Outcomes outcomes) {
        if (classes.classCount() > 2) {
            throw new QualityConfigurationException(metric + " is a binary metric, but dataset '"
                    + outcomes.dataset().name() + "' has " + classes.classCount() + " classes " + classes.classes()
                    + "; choose an averaging: ." + "macro(), .micro(), .weighted() or .forClass(\""
                    + classes.classes().get(0) + "\")");
        }
        if (!classes.hasPositive()) {
            throw new QualityConfigurationException(metric + " needs to know the positive class of dataset '"
                    + outcomes.dataset().name() + "' (classes " + classes.classes()
                    + "); call withPositiveClass(\"...\") on the dataset");
        }
        return classes.positive;
    }
}
