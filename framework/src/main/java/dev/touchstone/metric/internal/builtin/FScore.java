package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Confusion.Counts;
import java.util.Optional;

/** F-beta: the weighted harmonic mean of precision and recall, recall weighted beta times as much. */
final class FScore extends PerClassMetric {

    private final double beta;

    private FScore(String id, double beta) {
        super(id);
        this.beta = beta;
    }

    static FScore f1() {
        return new FScore("f1", 1.0);
    }

    static FScore beta(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a positive number but was " + beta);
        }
        return new FScore("fbeta", beta);
    }

    @Override
    double fromCounts(Counts c) {
        double b2 = beta * beta;
        double denominator = (1 + b2) * c.tp() + b2 * c.fn() + c.fp();
        return denominator == 0 ? 0 : (1 + b2) * c.tp() / denominator;
    }

    @Override
    Optional<String> undefinedFor(Counts c, String name) {
        return c.tp() + c.fp() + c.fn() == 0 ? Optional.of("class " + name + " neither occurs nor is predicted in the slice")
                : Optional.empty();
    }

    /** {@code fbeta(2.0)}, {@code fbeta(2.0, macro)}; F1 keeps its own name. */
    @Override
    public String name(Averaging averaging) {
        if (id().equals("f1")) {
            return super.name(averaging);
        }
        String suffix = averaging.suffix();
        return "fbeta(" + beta + (suffix.isEmpty() ? "" : ", " + suffix) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FScore f && f.id().equals(id()) && Double.compare(f.beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return id().hashCode() * 31 + Double.hashCode(beta);
    }
}
