package dev.touchstone.assertion;

import dev.touchstone.assertion.error.QualityErrors;
import dev.touchstone.assertion.error.QualityMessages;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.baseline.Baseline;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.Reference;
import dev.touchstone.model.Model;
import java.util.Objects;
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
    // Set only on fresh copies, before they are returned: the assertion stays effectively immutable.
    private double tolerance;
    private double relativeTolerance = Double.NaN;

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

    /**
     * How much worse than the reference the model may be, in the metric's units (0.01 = one
     * point of accuracy). For {@code isNotWorseThan} and {@code isNotSignificantlyWorseThan}.
     */
    public SELF withTolerance(double absolute) {
        if (!(absolute >= 0) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0 but was " + absolute);
        }
        SELF copy = copy(statement.withDescription(description()), confidence);
        ((AbstractMetricAssert<?>) copy).tolerance = absolute;
        return copy;
    }

    /** The tolerance as a fraction of the reference's value: {@code withRelativeTolerance(0.01)} allows 1% worse. */
    public SELF withRelativeTolerance(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [0, 1) but was " + fraction);
        }
        SELF copy = copy(statement.withDescription(description()), confidence);
        ((AbstractMetricAssert<?>) copy).relativeTolerance = fraction;
        return copy;
    }

    /**
     * Not worse than the champion model on the same examples, beyond the tolerance: judged on
     * the point estimates, or, after {@code withConfidence(c)}, by non-inferiority (the whole
     * c-interval of model − champion above −tolerance; INCONCLUSIVE when it straddles it).
     */
    public SELF isNotWorseThan(Model champion) {
        return compare(Kind.NOT_WORSE_THAN, new Reference.Champion(requireModel(champion)));
    }

    /** Not worse than the recorded baseline, as {@link #isNotWorseThan(Model)}. */
    public SELF isNotWorseThan(Baseline baseline) {
        return compare(Kind.NOT_WORSE_THAN, new Reference.Recorded(Objects.requireNonNull(baseline, "baseline")));
    }

    /**
     * FAILED only when a one-sided test shows the model worse than the champion by more than the
     * tolerance, at α ({@code touchstone.alpha}) after the multiplicity correction over the slices.
     */
    public SELF isNotSignificantlyWorseThan(Model champion) {
        return compare(Kind.NOT_SIGNIFICANTLY_WORSE_THAN, new Reference.Champion(requireModel(champion)));
    }

    /** As {@link #isNotSignificantlyWorseThan(Model)}, against a recorded baseline. */
    public SELF isNotSignificantlyWorseThan(Baseline baseline) {
        return compare(Kind.NOT_SIGNIFICANTLY_WORSE_THAN,
                new Reference.Recorded(Objects.requireNonNull(baseline, "baseline")));
    }

    /** PASSED only when a one-sided test shows the model better than the champion at α (adjusted). */
    public SELF isSignificantlyBetterThan(Model champion) {
        return compare(Kind.SIGNIFICANTLY_BETTER_THAN, new Reference.Champion(requireModel(champion)));
    }

    /** As {@link #isSignificantlyBetterThan(Model)}, against a recorded baseline. */
    public SELF isSignificantlyBetterThan(Baseline baseline) {
        return compare(Kind.SIGNIFICANTLY_BETTER_THAN, new Reference.Recorded(Objects.requireNonNull(baseline, "baseline")));
    }

    private Model requireModel(Model champion) {
        Objects.requireNonNull(champion, "champion");
        if (champion == statement.model()) {
            throw new IllegalArgumentException("a model cannot be compared with itself: '" + champion.name() + "'");
        }
        return champion;
    }

    private SELF compare(Kind kind, Reference reference) {
        TouchstoneSettings settings = TouchstoneSettings.current();
        ComparisonStatement comparison = new ComparisonStatement(statement, kind, reference, confidence, tolerance,
                relativeTolerance, description());
        return publish(comparison.evaluate(settings), settings);
    }

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
        return publish(new StatementResult(description(), slices, !statement.selection().single(),
                Optional.of(Outcomes.of(statement.model(), statement.resolveDataset(), settings).asSource())), settings);
    }

    private SELF publish(StatementResult result, TouchstoneSettings settings) {
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
