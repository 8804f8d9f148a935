package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.MonitoringJudge;
import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.EstimatedPerformance;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Cbpe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

/**
 * A metric estimated without labels by confidence-based performance estimation (CBPE, as
 * NannyML's): from the positive-class probabilities of a binary model's logged predictions,
 * the confusion matrix the labels are expected to give; the interval is that of the metric the
 * labels will give if the scores are calibrated. Named {@code estimated_accuracy},
 * {@code estimated_precision}, {@code estimated_recall}, {@code estimated_f1}.
 *
 * <p>Everything rests on calibration, so every statement first checks it on the labelled
 * {@code reference} (logged predictions with labels, scores and the same positive class): when
 * the metric its labels give lies outside the interval CBPE estimates on it, the scores are not
 * calibrated enough to trust, and the verdict is INCONCLUSIVE with both numbers and the
 * reference's expected calibration error.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class EstimatedMetricAssert implements Descriptable<EstimatedMetricAssert> {

    /** Simulated label draws behind each interval. */
    static final int DRAWS = 2000;

    private final Statement statement;
    private final Cbpe.Kind kind;
    private final Dataset reference;
    private final OptionalDouble confidence;

    EstimatedMetricAssert(Statement statement, Cbpe.Kind kind, Dataset reference, OptionalDouble confidence) {
        this.statement = statement;
        this.kind = kind;
        this.reference = Objects.requireNonNull(reference, "labelled reference");
        this.confidence = confidence;
    }

    /** Judge by the {@code level} interval instead of the point estimate. */
    public EstimatedMetricAssert withConfidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + level);
        }
        return new EstimatedMetricAssert(statement, kind, reference, OptionalDouble.of(level));
    }

    @Override
    public EstimatedMetricAssert describedAs(Description description) {
        return new EstimatedMetricAssert(statement.withDescription(description == null ? null : description.value()), kind,
                reference, confidence);
    }

    public EstimatedMetricAssert isAbove(double threshold) {
        return check(Expectation.of(Kind.ABOVE, threshold, confidence));
    }

    public EstimatedMetricAssert isAtLeast(double threshold) {
        return check(Expectation.of(Kind.AT_LEAST, threshold, confidence));
    }

    public EstimatedMetricAssert isBelow(double threshold) {
        return check(Expectation.of(Kind.BELOW, threshold, confidence));
    }

    public EstimatedMetricAssert isAtMost(double threshold) {
        return check(Expectation.of(Kind.AT_MOST, threshold, confidence));
    }

    /** The estimate on every slice of the statement, by slice name. */
    public Map<String, MetricValue> actuals() {
        TouchstoneSettings settings = QualityScope.current().settings();
        statement.open().finish();
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (Estimated e : estimate(settings)) {
            values.put(e.value().slice(), e.value());
        }
        return Collections.unmodifiableMap(values);
    }

    /** The estimate of a single-slice statement. */
    public MetricValue actual() {
        if (!statement.selection().single()) {
            throw new IllegalStateException("this statement covers several slices; use actuals()");
        }
        return actuals().values().iterator().next();
    }

    private String metricName() {
        return "estimated_" + kind.name().toLowerCase(Locale.ROOT);
    }

    private record Estimated(SliceRows slice, MetricValue value) {
    }

    private record CalibrationCheck(boolean trusted, String text) {
    }

    private List<Estimated> estimate(TouchstoneSettings settings) {
        double level = confidence.orElse(settings.confidence());
        Outcomes outcomes = statement.outcomes(settings);
        List<Estimated> list = new ArrayList<>();
        for (SliceRows slice : statement.selection().resolve(outcomes)) {
            String name = metricName();
            if (slice.isEmpty()) {
                list.add(new Estimated(slice, new MetricValue(name, slice.name(), Double.NaN, 0,
                        Interval.undefined(level, "cbpe"), Optional.of("the slice has no examples"), List.of(),
                        Optional.empty())));
                continue;
            }
            EstimatedPerformance data = EstimatedPerformance.of(outcomes, slice);
            Cbpe.Estimate e = Cbpe.estimate(data.scores(), data.predictedPositive(), kind, level, DRAWS, settings.seed(),
                    "cbpe\u0000" + statement.model().name() + '\u0000' + slice.name() + '\u0000' + name);
            Optional<String> undefined = Double.isFinite(e.value()) ? Optional.empty()
                    : Optional.of("no example is expected to count for " + kind.name().toLowerCase(Locale.ROOT));
            String note = String.format(Locale.ROOT, "expected confusion matrix without labels: TP %.1f, FP %.1f, "
                    + "FN %.1f, TN %.1f", e.tp(), e.fp(), e.fn(), e.tn());
            list.add(new Estimated(slice, new MetricValue(name, slice.name(), e.value(), slice.size(),
                    new Interval(e.low(), e.high(), level, e.method()), undefined, List.of(note), Optional.empty())));
        }
        return list;
    }

    private CalibrationCheck calibration(TouchstoneSettings settings, double level) {
        Outcomes labelled = Outcomes.of(DatasetAssert.asModel(reference), reference, settings);
        EstimatedPerformance data = EstimatedPerformance.of(labelled, new SliceRows("overall", "all rows", null,
                labelled.size()));
        if (data.positive() == null) {
            throw new dev.touchstone.config.QualityConfigurationException("the calibration reference '"
                    + reference.name() + "' needs labels: call withLabel(\"column\") on it");
        }
        Cbpe.Calibration c = Cbpe.calibration(data.scores(), data.predictedPositive(), data.positive(), kind, level,
                DRAWS, settings.seed(), "cbpe-calibration\u0000" + reference.name() + '\u0000' + metricName());
        String text = String.format(Locale.ROOT, "on the labelled reference '%s' (n = %,d) CBPE estimates %s %.4f, "
                + "%s [%.4f, %.4f], and the labels give %.4f; expected calibration error %.4f", reference.name(),
                data.scores().length, kind.name().toLowerCase(Locale.ROOT), c.estimated().value(),
                Expectation.percent(level), c.estimated().low(), c.estimated().high(), c.realized(),
                c.expectedCalibrationError());
        return new CalibrationCheck(c.consistent(), text);
    }

    private EstimatedMetricAssert check(Expectation expectation) {
        if (!Double.isFinite(expectation.threshold())) {
            throw new IllegalArgumentException("threshold must be a finite number but was " + expectation.threshold());
        }
        statement.open().finish();
        QualityScope scope = QualityScope.current();
        TouchstoneSettings settings = scope.settings();
        double level = confidence.orElse(settings.confidence());
        CalibrationCheck calibration = calibration(settings, level);
        List<SliceResult> slices = new ArrayList<>();
        for (Estimated e : estimate(settings)) {
            MetricValue value = e.value();
            List<String> notes = new ArrayList<>(value.notes());
            notes.add("calibration: " + calibration.text());
            value = new MetricValue(value.metric(), value.slice(), value.value(), value.n(), value.interval(),
                    value.undefinedReason(), notes, value.confusion(), value.statistics());
            Verdict verdict;
            String reason;
            if (!calibration.trusted()) {
                verdict = Verdict.INCONCLUSIVE;
                reason = "the scores are not calibrated enough to trust an estimate without labels: "
                        + calibration.text() + "; recalibrate the scores (e.g. isotonic regression on labelled data) "
                        + "or wait for labels";
            } else {
                Judge.Decision decision = Judge.judge(value, expectation, (bound, l) -> OptionalLong.empty());
                verdict = decision.verdict();
                reason = decision.reason();
            }
            slices.add(QualityMessages.rendered(new SliceResult(statement.model().name(), statement.datasetName(),
                    e.slice().definition(), value, expectation, verdict, reason, OptionalLong.empty(), "")));
        }
        MonitoringJudge.publish(new StatementResult(statement.description(), slices, !statement.selection().single(),
                Optional.empty()), scope);
        return this;
    }
}
