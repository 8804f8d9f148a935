package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Confusion.Counts;
import java.util.Optional;

/** The true negative rate: of the examples not of the class, the share not predicted as it. */
final class Specificity extends PerClassMetric {

    Specificity() {
        super("specificity");
    }

    @Override
    double fromCounts(Counts c) {
        return ratio(c.tn(), c.tn() + c.fp());
    }

    @Override
    Optional<String> undefinedFor(Counts c, String name) {
        return c.tn() + c.fp() == 0 ? Optional.of("every example of the slice has the true class " + name)
                : Optional.empty();
    }

    @Override
    Optional<Proportion> proportionOf(Counts c) {
        return Optional.of(new Proportion(c.tn(), c.tn() + c.fp()));
    }

    @Override
    boolean microIsAccuracy() {
        return false;
    }

    // The examples not of the class count; a success is not predicting it.
    @Override
    Optional<PairedOutcome> pairedFor(int target) {
        return Optional.of(new PairedOutcome() {
            @Override
            public boolean counts(int label) {
                return label != target;
            }

            @Override
            public boolean success(int label, int predicted) {
                return predicted != target;
            }
        });
    }
}
