package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.Optional;
import java.util.Set;

/**
 * A metric that is a function of the slice's confusion matrix, with scikit-learn's definitions.
 * Its interval is Wilson's when the metric is a plain proportion on the cells, otherwise a
 * bootstrap that resamples the cells (multinomial), whose cost does not grow with the rows.
 * Paired comparisons use McNemar's test when {@link #pairedOutcome} says what one example
 * counts, otherwise a bootstrap of the joint (label, model, reference) cells.
 *
 * <p>{@code target} is the class a per-class metric is about (for {@link Kind#DEFAULT} on binary
 * data the positive class, for {@link Kind#CLASS} the named one); other kinds ignore it.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract non-sealed class ConfusionMetric extends BuiltInMetric {

    ConfusionMetric(String id, Range range, Set<Kind> averagings) {
        super(id, true, range, averagings);
    }

    @Override
    public final Input input(Averaging averaging) {
        return Input.CLASSES;
    }

    /** The value on the cells of a non-empty slice (scikit-learn's zero-division conventions included). */
    public abstract double value(Confusion cm, Kind kind, int target);

    /** Why {@link #value} is only a convention on these cells (a ratio of zero to zero); empty when defined. */
    public abstract Optional<String> undefinedReason(Confusion cm, Kind kind, int target);

    /** Successes and trials when the metric is a plain proportion on these cells; empty otherwise. */
    public Optional<Proportion> proportion(Confusion cm, Kind kind, int target) {
        return Optional.empty();
    }

    /** What one example counts, when the metric is a proportion over examples defined by their label. */
    public Optional<PairedOutcome> pairedOutcome(Kind kind, int target) {
        return Optional.empty();
    }

    @Override
    public final <R> R accept(Family<R> family) {
        return family.confusion(this);
    }

    /** Every example counts; a success is a correct prediction. */
    static final PairedOutcome CORRECT = new PairedOutcome() {
        @Override
        public boolean counts(int label) {
            return true;
        }

        @Override
        public boolean success(int label, int predicted) {
            return label == predicted;
        }
    };

    static String quoted(Confusion cm, int c) {
        return "'" + cm.className(c) + "'";
    }
}
