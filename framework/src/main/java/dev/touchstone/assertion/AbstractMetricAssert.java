package dev.touchstone.assertion;

import dev.touchstone.assertion.error.QualityErrors;
import dev.touchstone.assertion.error.QualityMessages;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.ResultSinks;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Expectations on a metric over the slices of a statement. Every slice is evaluated and judged
 * before anything is thrown, so one error reports all slices that did not pass.
 *
 * @param <SELF> the concrete assertion type, for fluent chaining
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class AbstractMetricAssert<SELF extends AbstractMetricAssert<SELF>>
        extends AbstractAssert<SELF, MetricValue> {

    final Statement statement;
    final OptionalDouble confidence;

    AbstractMetricAssert(Statement statement, OptionalDouble confidence, Class<?> selfType) {
        super(null, selfType);
        this.statement = statement;
        this.confidence = confidence;
        statement.description().ifPresent(this::as);
    }

    abstract SELF copy(Statement newStatement, OptionalDouble newConfidence);

    /**
     * Judge by the {@code level} confidence interval instead of the point estimate: PASSED only
     * when the whole interval meets the bound, FAILED only when none of it does, otherwise
     * INCONCLUSIVE.
     */
    public SELF withConfidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + level);
        }
        return copy(statement.withDescription(description()), OptionalDouble.of(level));
    }

    /** The metric must be greater than {@code threshold}. */
    public SELF isAbove(double threshold) {
        return check(Expectation.of(Kind.ABOVE, requireFinite(threshold), confidence));
    }

    /** The metric must be at least {@code threshold}. */
    public SELF isAtLeast(double threshold) {
        return check(Expectation.of(Kind.AT_LEAST, requireFinite(threshold), confidence));
    }

    /** The metric must be smaller than {@code threshold}. */
    public SELF isBelow(double threshold) {
        return check(Expectation.of(Kind.BELOW, requireFinite(threshold), confidence));
    }

    /** The metric must be at most {@code threshold}. */
    public SELF isAtMost(double threshold) {
        return check(Expectation.of(Kind.AT_MOST, requireFinite(threshold), confidence));
    }

    /** The metric must lie in {@code [low, high]}. */
    public SELF isBetween(double low, double high) {
        requireFinite(low);
        requireFinite(high);
        if (low > high) {
            throw new IllegalArgumentException("isBetween needs low <= high but got " + low + " and " + high);
        }
        return check(Expectation.between(low, high, confidence));
    }

    /**
     * The evaluated metric of a single-slice statement, with its interval at the statement's
     * confidence level (or the default level).
     */
    @Override
    public MetricValue actual() {
        if (!statement.selection().single()) {
            throw new IllegalStateException("this statement covers several slices (" + statement.selection()
                    + "); use actuals() to get the value of each");
        }
        return actuals().values().iterator().next();
    }

    /** The evaluated metric of every slice of the statement, by slice name, in slice order. */
    public Map<String, MetricValue> actuals() {
        TouchstoneSettings settings = TouchstoneSettings.current();
        double level = confidence.orElse(settings.confidence());
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (SliceEstimate estimate : statement.evaluate(settings)) {
            values.put(estimate.sliceName(), estimate.at(level));
        }
        return Collections.unmodifiableMap(values);
    }

    private SELF check(Expectation expectation) {
        TouchstoneSettings settings = TouchstoneSettings.current();
        double level = confidence.orElse(settings.confidence());
        List<SliceResult> slices = new ArrayList<>();
        for (SliceEstimate estimate : statement.evaluate(settings)) {
            MetricValue value = estimate.at(level);
            Judge.Decision decision = Judge.judge(value, expectation);
            String message = QualityMessages.format(statement.model().name(), statement.datasetName(),
                    estimate.sliceDefinition(), value, expectation, decision.verdict(), decision.reason(),
                    decision.examplesNeeded());
            slices.add(new SliceResult(statement.model().name(), statement.datasetName(), estimate.sliceDefinition(),
                    value, expectation, decision.verdict(), decision.reason(), decision.examplesNeeded(), message));
        }
        StatementResult result = new StatementResult(description(), slices, !statement.selection().single());
        ResultSinks.publish(result);
        if (ResultSinks.defersFailures()) {
            return myself;
        }
        Optional<Throwable> failure = QualityErrors.toThrowable(result, settings.inconclusive());
        if (failure.isPresent()) {
            throw QualityErrors.sneaky(failure.get());
        }
        return myself;
    }

    private Optional<String> description() {
        String text = descriptionText();
        return text == null || text.isEmpty() ? statement.description() : Optional.of(text);
    }

    private static double requireFinite(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number but was " + threshold);
        }
        return threshold;
    }
}
