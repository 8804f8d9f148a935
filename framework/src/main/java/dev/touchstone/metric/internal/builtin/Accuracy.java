package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.EnumSet;
import java.util.Optional;

/** The share of examples predicted correctly. */
final class Accuracy extends ConfusionMetric {

    Accuracy() {
        super("accuracy", Range.UNIT, EnumSet.of(Kind.DEFAULT));
    }

    @Override
    public double value(Confusion cm, Kind kind, int target) {
        return (double) cm.trace() / cm.total();
    }

    @Override
    public Optional<String> undefinedReason(Confusion cm, Kind kind, int target) {
        return Optional.empty();
    }

    @Override
    public Optional<Proportion> proportion(Confusion cm, Kind kind, int target) {
        return Optional.of(new Proportion(cm.trace(), cm.total()));
    }

    @Override
    public Optional<PairedOutcome> pairedOutcome(Kind kind, int target) {
        return Optional.of(CORRECT);
    }
}
