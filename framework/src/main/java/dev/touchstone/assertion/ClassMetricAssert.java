package dev.touchstone.assertion;

import dev.touchstone.metric.internal.Averaging;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A per-class metric (precision, recall, F1, F-beta, specificity). On binary data it is about
 * the positive class; on multi-class data choose how to reduce it: {@link #macro()},
 * {@link #micro()}, {@link #weighted()} or {@link #forClass(String)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ClassMetricAssert extends AbstractMetricAssert<ClassMetricAssert> {

    ClassMetricAssert(Statement statement, OptionalDouble confidence) {
        super(statement, confidence, ClassMetricAssert.class);
    }

    @Override
    ClassMetricAssert copy(Statement newStatement, OptionalDouble newConfidence) {
        return new ClassMetricAssert(newStatement, newConfidence);
    }

    /** The unweighted mean over all classes (true or predicted), as scikit-learn's {@code average="macro"}. */
    public MetricAssert macro() {
        return averaged(Averaging.MACRO);
    }

    /** Counts pooled over classes, as scikit-learn's {@code average="micro"}. */
    public MetricAssert micro() {
        return averaged(Averaging.MICRO);
    }

    /** The mean over classes weighted by true-class support, as scikit-learn's {@code average="weighted"}. */
    public MetricAssert weighted() {
        return averaged(Averaging.WEIGHTED);
    }

    /** The metric for one class against the rest. */
    public MetricAssert forClass(String className) {
        return averaged(Averaging.forClass(className));
    }

    private MetricAssert averaged(Averaging averaging) {
        BuiltIn metric = (BuiltIn) statement.metric();
        String description = descriptionText();
        Statement averaged = statement.withMetric(metric.with(averaging));
        return new MetricAssert(description == null || description.isEmpty() ? averaged
                : averaged.withDescription(java.util.Optional.of(description)), confidence);
    }
}
