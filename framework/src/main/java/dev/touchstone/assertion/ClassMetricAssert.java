package dev.touchstone.assertion;

import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.builtin.Averaging;
import org.apiguardian.api.API;

/**
 * A per-class metric (precision, recall, F1, F-beta, specificity). On binary data it is about
 * the positive class; on multi-class data choose how to reduce it: {@link #macro()},
 * {@link #micro()}, {@link #weighted()} or {@link #forClass(String)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ClassMetricAssert extends AbstractMetricAssert<ClassMetricAssert> {

    ClassMetricAssert(Statement statement, Stance stance) {
        super(statement, stance);
    }

    @Override
    ClassMetricAssert copy(Statement newStatement, Stance newStance) {
        return new ClassMetricAssert(newStatement, newStance);
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
        MetricSpec.BuiltIn metric = (MetricSpec.BuiltIn) statement.metric();
        return new MetricAssert(statement.withMetric(metric.with(averaging)), stance);
    }
}
