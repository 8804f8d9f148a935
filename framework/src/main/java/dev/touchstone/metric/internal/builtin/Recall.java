package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Confusion.Counts;
import java.util.Optional;

/** Of the examples of the class, the share predicted as it: tp / (tp + fn). */
final class Recall extends PerClassMetric {

    Recall() {
        super("recall");
    }

    @Override
    double fromCounts(Counts c) {
        return ratio(c.tp(), c.tp() + c.fn());
    }

    @Override
    Optional<String> undefinedFor(Counts c, String name) {
        return c.tp() + c.fn() == 0 ? Optional.of("no example of the slice has the true class " + name) : Optional.empty();
    }

    @Override
    Optional<Proportion> proportionOf(Counts c) {
        return Optional.of(new Proportion(c.tp(), c.tp() + c.fn()));
    }

    // The examples of the class count; a success is predicting it.
    @Override
    Optional<PairedOutcome> pairedFor(int target) {
        return Optional.of(new PairedOutcome() {
            @Override
            public boolean counts(int label) {
                return label == target;
            }

            @Override
            public boolean success(int label, int predicted) {
                return predicted == target;
            }
        });
    }
}
