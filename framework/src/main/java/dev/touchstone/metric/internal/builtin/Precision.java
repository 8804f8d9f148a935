package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Confusion.Counts;
import java.util.Optional;

/** Of the examples predicted as the class, the share that are of it: tp / (tp + fp). */
final class Precision extends PerClassMetric {

    Precision() {
        super("precision");
    }

    @Override
    double fromCounts(Counts c) {
        return ratio(c.tp(), c.tp() + c.fp());
    }

    @Override
    Optional<String> undefinedFor(Counts c, String name) {
        return c.tp() + c.fp() == 0 ? Optional.of("no example of the slice is predicted as " + name) : Optional.empty();
    }

    @Override
    Optional<Proportion> proportionOf(Counts c) {
        return Optional.of(new Proportion(c.tp(), c.tp() + c.fp()));
    }
}
