package dev.touchstone.assertion;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.Metric;
import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.slice.TimeWindows;
import dev.touchstone.stats.internal.Cbpe;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

/** A model on one or more slices: pick the metric to judge. */
@API(status = API.Status.STABLE, since = "0.1")
public final class SliceAssert implements Descriptable<SliceAssert> {

    private final Statement statement;

    SliceAssert(Statement statement) {
        this.statement = statement;
    }

    /**
     * Each slice chosen so far, cut into time windows ({@code onEachSliceOf("segment").onEachWindowOf(...)}):
     * slices named {@code segment=a & timestamp@2026-12-01T00:00Z/P1D}. One slice per time window of {@code length} over the timestamp {@code column} (ISO-8601
     * text or epoch seconds or milliseconds), named {@code column@2026-12-01T00:00Z/P1D}; see
     * {@link TimeWindows} for how windows are aligned. Windows run from the first timestamp to
     * the last, empty ones included; rows without a timestamp form a last slice.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Calendar windows (days, weeks, months) in UTC; see {@link TimeWindows}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Windows as described by {@code windows}, e.g. {@code TimeWindows.of("ts", Period.ofMonths(1)).inZone(zone)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(TimeWindows windows) {
        return windowed(Objects.requireNonNull(windows, "windows"), false);
    }

    /** Only the window that holds the dataset's last timestamp. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the calendar window that holds the dataset's last timestamp. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the last of {@code windows}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(TimeWindows windows) {
        return windowed(Objects.requireNonNull(windows, "windows"), true);
    }

    public MetricAssert accuracy() {
        return metric(BuiltInMetrics.ACCURACY);
    }

    public ClassMetricAssert precision() {
        return perClass(BuiltInMetrics.PRECISION);
    }

    public ClassMetricAssert recall() {
        return perClass(BuiltInMetrics.RECALL);
    }

    public ClassMetricAssert f1() {
        return perClass(BuiltInMetrics.F1);
    }

    /** F-beta: recall weighted {@code beta} times as much as precision. */
    public ClassMetricAssert fBeta(double beta) {
        return perClass(BuiltInMetrics.fBeta(beta));
    }

    /** True negative rate. */
    public ClassMetricAssert specificity() {
        return perClass(BuiltInMetrics.SPECIFICITY);
    }

    public MetricAssert balancedAccuracy() {
        return metric(BuiltInMetrics.BALANCED_ACCURACY);
    }

    /** Matthews correlation coefficient (multi-class generalisation on multi-class data). */
    public MetricAssert mcc() {
        return metric(BuiltInMetrics.MCC);
    }

    public MetricAssert cohenKappa() {
        return metric(BuiltInMetrics.COHEN_KAPPA);
    }

    /**
     * Area under the ROC curve of the positive-class score, with DeLong's interval. On
     * multi-class data with a score per class ({@code withClassScore}), one class against the
     * rest: {@code .forClass("cat")}, {@code .macro()} or {@code .weighted()}.
     */
    public OneVsRestMetricAssert rocAuc() {
        return new OneVsRestMetricAssert(statement(MetricSpec.of(BuiltInMetrics.ROC_AUC)), Stance.POINT_ESTIMATE);
    }

    public MetricAssert averagePrecision() {
        return metric(BuiltInMetrics.AVERAGE_PRECISION);
    }

    /** Lower is better. Needs probabilities of the positive class in [0, 1]. */
    public MetricAssert logLoss() {
        return metric(BuiltInMetrics.LOG_LOSS);
    }

    /** Lower is better. Needs probabilities of the positive class in [0, 1]. */
    public MetricAssert brierScore() {
        return metric(BuiltInMetrics.BRIER_SCORE);
    }

    public MetricAssert mae() {
        return metric(BuiltInMetrics.MAE);
    }

    public MetricAssert mse() {
        return metric(BuiltInMetrics.MSE);
    }

    public MetricAssert rmse() {
        return metric(BuiltInMetrics.RMSE);
    }

    public MetricAssert r2() {
        return metric(BuiltInMetrics.R2);
    }

    public MetricAssert mape() {
        return metric(BuiltInMetrics.MAPE);
    }

    /** The number of examples in the slice: {@code size().isAtLeast(200)} guards against thin slices. */
    public MetricAssert size() {
        return metric(BuiltInMetrics.SIZE);
    }

    /** The share of examples the endpoint did not answer (Wilson interval); lower is better. */
    public MetricAssert errorRate() {
        return metric(BuiltInMetrics.ERROR_RATE);
    }

    /** Latency quantiles of the examples the endpoint answered: {@code latency().p95().isBelow(...)}. */
    public LatencyAssert latency() {
        return new LatencyAssert(statement);
    }

    /** Examples answered per second over the whole run. */
    public MetricAssert throughput() {
        return metric(BuiltInMetrics.THROUGHPUT);
    }

    /**
     * Accuracy estimated without labels from the calibrated scores (CBPE), after checking the
     * scores' calibration on {@code labelledReference}; see {@link EstimatedMetricAssert}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public EstimatedMetricAssert estimatedAccuracy(Dataset labelledReference) {
        return estimated(Cbpe.Kind.ACCURACY, labelledReference);
    }

    /** Precision estimated without labels (CBPE); see {@link #estimatedAccuracy(Dataset)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public EstimatedMetricAssert estimatedPrecision(Dataset labelledReference) {
        return estimated(Cbpe.Kind.PRECISION, labelledReference);
    }

    /** Recall estimated without labels (CBPE); see {@link #estimatedAccuracy(Dataset)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public EstimatedMetricAssert estimatedRecall(Dataset labelledReference) {
        return estimated(Cbpe.Kind.RECALL, labelledReference);
    }

    /** F1 estimated without labels (CBPE); see {@link #estimatedAccuracy(Dataset)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public EstimatedMetricAssert estimatedF1(Dataset labelledReference) {
        return estimated(Cbpe.Kind.F1, labelledReference);
    }

    /** A user-defined metric. */
    public MetricAssert metric(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        return new MetricAssert(statement(new MetricSpec.Custom(metric)), Stance.POINT_ESTIMATE);
    }

    @Override
    public SliceAssert describedAs(Description description) {
        return new SliceAssert(statement.withDescription(description == null ? null : description.value()));
    }

    private EstimatedMetricAssert estimated(Cbpe.Kind kind, Dataset labelledReference) {
        return new EstimatedMetricAssert(statement, kind, Objects.requireNonNull(labelledReference, "labelled reference"),
                java.util.OptionalDouble.empty());
    }

    private SliceAssert windowed(TimeWindows windows, boolean lastOnly) {
        if (statement.selection() instanceof Selection.Windowed) {
            throw new IllegalStateException("the statement is already cut into time windows ("
                    + ((Selection.Windowed) statement.selection()).windows() + ")");
        }
        return new SliceAssert(statement.withSelection(new Selection.Windowed(statement.selection(), windows, lastOnly)));
    }

    private MetricAssert metric(BuiltInMetric metric) {
        return new MetricAssert(statement(MetricSpec.of(metric)), Stance.POINT_ESTIMATE);
    }

    private ClassMetricAssert perClass(BuiltInMetric metric) {
        return new ClassMetricAssert(statement(MetricSpec.of(metric)), Stance.POINT_ESTIMATE);
    }

    private Statement statement(MetricSpec metric) {
        return statement.withMetric(metric);
    }
}
