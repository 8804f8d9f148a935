package dev.touchstone.assertion;

import dev.touchstone.metric.Metric;
import dev.touchstone.metric.internal.BuiltInMetric;
import dev.touchstone.metric.internal.MetricDefinition;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.model.Model;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** A model on one or more slices: pick the metric to judge. */
@API(status = API.Status.STABLE, since = "0.1")
public final class SliceAssert extends AbstractAssert<SliceAssert, Model> {

    private final Statement statement;

    SliceAssert(Statement statement) {
        super(statement.model(), SliceAssert.class);
        this.statement = statement;
        statement.description().ifPresent(this::as);
    }

    public MetricAssert accuracy() {
        return metric(BuiltInMetric.ACCURACY);
    }

    public ClassMetricAssert precision() {
        return perClass(BuiltIn.of(BuiltInMetric.PRECISION));
    }

    public ClassMetricAssert recall() {
        return perClass(BuiltIn.of(BuiltInMetric.RECALL));
    }

    public ClassMetricAssert f1() {
        return perClass(BuiltIn.of(BuiltInMetric.F1));
    }

    /** F-beta: recall weighted {@code beta} times as much as precision. */
    public ClassMetricAssert fBeta(double beta) {
        return perClass(BuiltIn.fBeta(beta));
    }

    /** True negative rate. */
    public ClassMetricAssert specificity() {
        return perClass(BuiltIn.of(BuiltInMetric.SPECIFICITY));
    }

    public MetricAssert balancedAccuracy() {
        return metric(BuiltInMetric.BALANCED_ACCURACY);
    }

    /** Matthews correlation coefficient (multi-class generalisation on multi-class data). */
    public MetricAssert mcc() {
        return metric(BuiltInMetric.MCC);
    }

    public MetricAssert cohenKappa() {
        return metric(BuiltInMetric.COHEN_KAPPA);
    }

    /** Area under the ROC curve of the positive-class score; DeLong interval. */
    public MetricAssert rocAuc() {
        return metric(BuiltInMetric.ROC_AUC);
    }

    public MetricAssert averagePrecision() {
        return metric(BuiltInMetric.AVERAGE_PRECISION);
    }

    /** Lower is better. Needs probabilities of the positive class in [0, 1]. */
    public MetricAssert logLoss() {
        return metric(BuiltInMetric.LOG_LOSS);
    }

    /** Lower is better. Needs probabilities of the positive class in [0, 1]. */
    public MetricAssert brierScore() {
        return metric(BuiltInMetric.BRIER_SCORE);
    }

    public MetricAssert mae() {
        return metric(BuiltInMetric.MAE);
    }

    public MetricAssert mse() {
        return metric(BuiltInMetric.MSE);
    }

    public MetricAssert rmse() {
        return metric(BuiltInMetric.RMSE);
    }

    public MetricAssert r2() {
        return metric(BuiltInMetric.R2);
    }

    public MetricAssert mape() {
        return metric(BuiltInMetric.MAPE);
    }

    /** The number of examples in the slice: {@code size().isAtLeast(200)} guards against thin slices. */
    public MetricAssert size() {
        return metric(BuiltInMetric.SIZE);
    }

    /** The share of examples the endpoint did not answer (Wilson interval); lower is better. */
    public MetricAssert errorRate() {
        return metric(BuiltInMetric.ERROR_RATE);
    }

    /** Latency quantiles of the examples the endpoint answered: {@code latency().p95().isBelow(...)}. */
    public LatencyAssert latency() {
        return new LatencyAssert(statement(BuiltIn.of(BuiltInMetric.LATENCY_P50)));
    }

    /** Examples answered per second over the whole run. */
    public MetricAssert throughput() {
        return metric(BuiltInMetric.THROUGHPUT);
    }

    /** A user-defined metric. */
    public MetricAssert metric(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        return new MetricAssert(statement(new MetricDefinition.Custom(metric)), OptionalDouble.empty());
    }

    private MetricAssert metric(BuiltInMetric metric) {
        return new MetricAssert(statement(BuiltIn.of(metric)), OptionalDouble.empty());
    }

    private ClassMetricAssert perClass(BuiltIn metric) {
        return new ClassMetricAssert(statement(metric), OptionalDouble.empty());
    }

    private Statement statement(MetricDefinition metric) {
        String description = descriptionText();
        Optional<String> inherited = description == null || description.isEmpty()
                ? statement.description() : Optional.of(description);
        return new Statement(statement.model(), statement.dataset(), statement.selection(), metric, inherited);
    }
}
