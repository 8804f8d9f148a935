package dev.touchstone.metric;

import org.apiguardian.api.API;

/**
 * A user-defined metric: a function of one slice's examples. Touchstone computes its point
 * estimate on the slice and a percentile-bootstrap interval by resampling the slice's rows.
 *
 * <pre>{@code
 * Metric falseAlarmsPer100 = Metric.of("false_alarms_per_100", false, in -> {
 *     long alarms = 0;
 *     for (int i = 0; i < in.size(); i++) {
 *         if (!in.label(i).equals("person") && in.predicted(i).equals("person")) alarms++;
 *     }
 *     return 100.0 * alarms / in.size();
 * });
 * assertThat(model).overall().metric(falseAlarmsPer100).isBelow(2.0);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Metric {

    /** The name in results and messages; snake_case by convention. */
    String name();

    /** Whether larger values are better (accuracy) or worse (error rates). */
    default boolean higherIsBetter() {
        return true;
    }

    /** The metric on {@code input}; return NaN when it is undefined (e.g. no examples). */
    double compute(MetricInput input);

    static Metric of(String name, boolean higherIsBetter, java.util.function.ToDoubleFunction<MetricInput> compute) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean higherIsBetter() {
                return higherIsBetter;
            }

            @Override
            public double compute(MetricInput input) {
                return compute.applyAsDouble(input);
            }
        };
    }
}
