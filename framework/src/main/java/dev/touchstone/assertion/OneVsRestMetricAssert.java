package dev.touchstone.assertion;

import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.builtin.Averaging;
import org.apiguardian.api.API;

/**
 * A metric of the positive-class score (ROC AUC). On multi-class data with a score column per
 * class ({@code withClassScore}), one class against the rest: {@link #forClass(String)}, or
 * averaged over all classes as scikit-learn's {@code roc_auc_score(multi_class="ovr")}:
 * {@link #macro()} or {@link #weighted()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class OneVsRestMetricAssert extends AbstractMetricAssert<OneVsRestMetricAssert> {

    OneVsRestMetricAssert(Statement statement, Stance stance) {
        super(statement, stance);
    }

    @Override
    OneVsRestMetricAssert copy(Statement newStatement, Stance newStance) {
        return new OneVsRestMetricAssert(newStatement, newStance);
    }

    /** The unweighted mean over the classes of each class against the rest ({@code average="macro"}). */
    public MetricAssert macro() {
        return averaged(Averaging.MACRO);
    }

    /** The mean over the classes weighted by their prevalence ({@code average="weighted"}). */
    public MetricAssert weighted() {
        return averaged(Averaging.WEIGHTED);
    }

    /** One class against the rest, scored by its own score column. */
    public MetricAssert forClass(String className) {
        return averaged(Averaging.forClass(className));
    }

    private MetricAssert averaged(Averaging averaging) {
        MetricSpec.BuiltIn metric = (MetricSpec.BuiltIn) statement.metric();
        return new MetricAssert(statement.withMetric(metric.with(averaging)), stance);
    }
}
