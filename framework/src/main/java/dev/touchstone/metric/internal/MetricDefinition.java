package dev.touchstone.metric.internal;

import dev.touchstone.metric.Metric;
import java.util.Objects;

/** Which metric a statement asks for: a built-in one (with its options) or a user-defined one. */
public sealed interface MetricDefinition {

    /** The result name: {@code recall}, {@code f1(macro)}, {@code fbeta(2.0)}, {@code recall(class=3)}. */
    String name();

    boolean higherIsBetter();

    record BuiltIn(BuiltInMetric metric, double beta, Averaging averaging) implements MetricDefinition {

        public BuiltIn {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(averaging, "averaging");
        }

        public static BuiltIn of(BuiltInMetric metric) {
            return new BuiltIn(metric, metric == BuiltInMetric.F1 ? 1.0 : Double.NaN, Averaging.DEFAULT);
        }

        public static BuiltIn fBeta(double beta) {
            if (!(beta > 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("beta must be a positive number but was " + beta);
            }
            return new BuiltIn(BuiltInMetric.FBETA, beta, Averaging.DEFAULT);
        }

        public BuiltIn with(Averaging newAveraging) {
            return new BuiltIn(metric, beta, newAveraging);
        }

        @Override
        public String name() {
            String suffix = averaging.suffix();
            if (metric == BuiltInMetric.FBETA) {
                return "fbeta(" + beta + (suffix.isEmpty() ? "" : ", " + suffix) + ")";
            }
            return suffix.isEmpty() ? metric.id() : metric.id() + "(" + suffix + ")";
        }

        @Override
        public boolean higherIsBetter() {
            return metric.higherIsBetter();
        }
    }

    record Custom(Metric metric) implements MetricDefinition {

        public Custom {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(metric.name(), "metric name");
        }

        @Override
        public String name() {
            return metric.name();
        }

        @Override
        public boolean higherIsBetter() {
            return metric.higherIsBetter();
        }
    }
}
