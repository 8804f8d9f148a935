package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.metric.Metric;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import java.util.Objects;

/** The metric a statement asks for: a built-in one with its averaging, or a user-defined one. */
@API(status = API.Status.INTERNAL, since = "0.2")
public sealed interface MetricSpec {

    /** The result name: {@code recall}, {@code f1(macro)}, {@code fbeta(2.0)}, {@code recall(class=3)}. */
    String name();

    boolean higherIsBetter();

    static BuiltIn of(BuiltInMetric metric) {
        return new BuiltIn(metric, Averaging.DEFAULT);
    }

    record BuiltIn(BuiltInMetric metric, Averaging averaging) implements MetricSpec {

        public BuiltIn {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(averaging, "averaging");
            if (!metric.supports(averaging.kind())) {
                throw new IllegalArgumentException(metric.id() + " has no averaging " + averaging.kind());
            }
        }

        public BuiltIn with(Averaging newAveraging) {
            return new BuiltIn(metric, newAveraging);
        }

        @Override
        public String name() {
            return metric.name(averaging);
        }

        @Override
        public boolean higherIsBetter() {
            return metric.higherIsBetter();
        }
    }

    record Custom(Metric metric) implements MetricSpec {

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
