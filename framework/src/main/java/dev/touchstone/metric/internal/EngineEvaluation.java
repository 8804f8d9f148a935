package dev.touchstone.metric.internal;

import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.ConfusionMetric;
import dev.touchstone.metric.internal.builtin.CountMetric;
import dev.touchstone.metric.internal.builtin.EndpointMetric;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.SumsMetric;
import java.util.Optional;

/**
 * Metrics of a slice that stays in an engine, from the statistics the engine aggregates: the
 * confusion cells for confusion-matrix metrics, positives and negatives per distinct score for
 * ROC AUC and average precision. Empty (with a line that says why) for metrics that need the
 * examples themselves; the caller then computes them in memory.
 */
final class EngineEvaluation {

    private EngineEvaluation() {
    }

    static Optional<SliceEstimate> estimate(Outcomes outcomes, EngineOutcomes engine, SliceRows slice,
            MetricSpec.BuiltIn metric, Resampling resampling) {
        String name = metric.name();
        Averaging averaging = metric.averaging();
        return metric.metric().accept(new BuiltInMetric.Family<Optional<SliceEstimate>>() {
            @Override
            public Optional<SliceEstimate> confusion(ConfusionMetric m) {
                Optional<ClassOutcomes> classes = engine.classes();
                if (classes.isEmpty()) {
                    return Optional.empty();
                }
                int target = MetricEvaluator.targetClass(classes.get(), m, averaging, outcomes, name);
                long[] cells = engine.cells(slice.pushed().where(), classes.get());
                return Optional.of(ConfusionEvaluation.fromCells(classes.get(), cells, target, slice, m, averaging, name,
                        resampling));
            }

            @Override
            public Optional<SliceEstimate> ranking(RankingMetric m) {
                Optional<ClassOutcomes> classes = engine.classes();
                if (averaging.kind() != Averaging.Kind.DEFAULT || classes.isEmpty() || !engine.hasScore()
                        || !engine.scoresAreFinite()) {
                    if (averaging.kind() != Averaging.Kind.DEFAULT) {
                        engine.say(engine.source() + ": " + name + " is computed in memory: the engine aggregates"
                                + " binary ranking metrics only");
                    }
                    return Optional.empty();
                }
                int positive = MetricEvaluator.binaryPositive(classes.get(), m, outcomes);
                if (slice.isEmpty()) {
                    return Optional.of(SliceEstimate.empty(name, slice, classes.get().notes()));
                }
                return Optional.of(SliceEstimate.of(name, slice, m.estimate(engine.scoreCounts(slice.pushed().where(),
                        classes.get(), positive), resampling).withNotes(classes.get().notes())));
            }

            @Override
            public Optional<SliceEstimate> count(CountMetric m) {
                return Optional.of(SliceEstimate.of(name, slice, m.estimate(slice.size())));
            }

            @Override
            public Optional<SliceEstimate> sums(SumsMetric m) {
                engine.say(engine.source() + ": " + name + " is computed in memory: its bootstrap interval resamples"
                        + " examples, which the engine's sums cannot reproduce");
                return Optional.empty();
            }

            @Override
            public Optional<SliceEstimate> endpoint(EndpointMetric m) {
                return Optional.empty();
            }
        });
    }
}
