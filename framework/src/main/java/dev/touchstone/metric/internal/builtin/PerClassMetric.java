package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.metric.internal.builtin.Confusion.Counts;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A metric of one class against the rest (precision, recall, F-scores, specificity), reduced
 * over classes as scikit-learn does: for the positive or a named class, macro (unweighted mean
 * over the classes present in the slice, true or predicted), weighted (by true-class support)
 * or micro (counts pooled over classes).
 */
abstract class PerClassMetric extends ConfusionMetric {

    PerClassMetric(String id) {
        super(id, Range.UNIT, EnumSet.of(Kind.DEFAULT, Kind.CLASS, Kind.MACRO, Kind.MICRO, Kind.WEIGHTED));
    }

    /** The metric from one class's counts; 0 where scikit-learn divides by zero. */
    abstract double fromCounts(Counts counts);

    /** Why the metric of class {@code name} is only a convention on these counts. */
    abstract Optional<String> undefinedFor(Counts counts, String name);

    /** Successes and trials when the metric of one class is a proportion. */
    Optional<Proportion> proportionOf(Counts counts) {
        return Optional.empty();
    }

    /** What one example counts for the metric of class {@code target}, when it is a proportion over labels. */
    Optional<PairedOutcome> pairedFor(int target) {
        return Optional.empty();
    }

    /** Whether micro averaging equals accuracy (true of precision, recall and F on single-label data). */
    boolean microIsAccuracy() {
        return true;
    }

    @Override
    public final double value(Confusion cm, Kind kind, int target) {
        int k = cm.classCount();
        switch (kind) {
            case DEFAULT, CLASS:
                return fromCounts(cm.oneVsRest(target));
            case MACRO: {
                double sum = 0;
                int present = 0;
                for (int c = 0; c < k; c++) {
                    if (cm.present(c)) {
                        sum += fromCounts(cm.oneVsRest(c));
                        present++;
                    }
                }
                return sum / present;
            }
            case WEIGHTED: {
                double sum = 0;
                long support = 0;
                for (int c = 0; c < k; c++) {
                    long s = cm.support(c);
                    sum += s * fromCounts(cm.oneVsRest(c));
                    support += s;
                }
                return support == 0 ? 0 : sum / support;
            }
            case MICRO:
                return fromCounts(cm.pooled());
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * The metric of a class is only a convention when its denominator is 0; an average is only a
     * convention when it takes such a class with a weight above 0 (macro: every class present in
     * the slice; weighted: every class with examples; micro: the pooled counts).
     */
    @Override
    public final Optional<String> undefinedReason(Confusion cm, Kind kind, int target) {
        switch (kind) {
            case DEFAULT, CLASS:
                return undefinedFor(cm.oneVsRest(target), quoted(cm, target));
            case MICRO:
                return undefinedFor(cm.pooled(), "").map(why -> "pooled over the classes of the slice, " + id()
                        + " has a zero denominator (only one class occurs)");
            default:
                java.util.List<String> conventional = new java.util.ArrayList<>();
                String first = null;
                for (int c = 0; c < cm.classCount(); c++) {
                    boolean weighted = kind == Kind.MACRO ? cm.present(c) : cm.support(c) > 0;
                    Optional<String> why = weighted ? undefinedFor(cm.oneVsRest(c), quoted(cm, c)) : Optional.empty();
                    if (why.isPresent()) {
                        conventional.add(quoted(cm, c));
                        first = first == null ? why.get() : first;
                    }
                }
                return conventional.isEmpty() ? Optional.empty() : Optional.of("the " + kind.name().toLowerCase(
                        java.util.Locale.ROOT) + " average takes " + id() + " of " + String.join(", ", conventional)
                        + " at scikit-learn's convention of 0 (" + first + ")");
        }
    }

    @Override
    public final Optional<Proportion> proportion(Confusion cm, Kind kind, int target) {
        return switch (kind) {
            case DEFAULT, CLASS -> proportionOf(cm.oneVsRest(target));
            // Pooled one-vs-rest counts of specificity count each example once per class: they are
            // not independent trials, so micro specificity gets a bootstrap, not Wilson's interval.
            case MICRO -> microIsAccuracy() ? Optional.of(new Proportion(cm.trace(), cm.total())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public final Optional<PairedOutcome> pairedOutcome(Kind kind, int target) {
        return switch (kind) {
            case DEFAULT, CLASS -> pairedFor(target);
            case MICRO -> microIsAccuracy() ? Optional.of(CORRECT) : Optional.empty();
            default -> Optional.empty();
        };
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
