package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.CallSite;
import dev.touchstone.assertion.internal.QualityErrors;
import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.assertion.internal.VacuousBounds;
import dev.touchstone.baseline.Baseline;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.Reference;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.model.Model;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.slice.PreviousWindows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

/**
 * Expectations on a metric over the slices of a statement. Every slice is evaluated and judged
 * before anything is thrown, so one error reports all slices that did not pass. Each step
 * returns a new immutable stage; only the steps that make sense next are offered.
 *
 * @param <SELF> the concrete assertion type, for fluent chaining
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class AbstractMetricAssert<SELF extends AbstractMetricAssert<SELF>> implements Descriptable<SELF> {

    private static final System.Logger LOG = System.getLogger(AbstractMetricAssert.class.getName());

    final Statement statement;
    final Stance stance;

    AbstractMetricAssert(Statement statement, Stance stance) {
        this.statement = Objects.requireNonNull(statement, "statement");
        this.stance = Objects.requireNonNull(stance, "stance");
    }

    abstract SELF copy(Statement newStatement, Stance newStance);

    /**
     * Judge by the {@code level} confidence interval instead of the point estimate: PASSED only
     * when the whole interval meets the bound, FAILED only when none of it does, otherwise
     * INCONCLUSIVE.
     */
    public SELF withConfidence(double level) {
        return copy(statement, stance.withConfidence(level));
    }

    /**
     * How much worse than the reference the model may be, in the metric's units (0.01 = one
     * point of accuracy). For {@code isNotWorseThan} and {@code isNotSignificantlyWorseThan}.
     */
    public SELF withTolerance(double absolute) {
        return copy(statement, stance.withTolerance(absolute));
    }

    /** The tolerance as a fraction of the reference's value: {@code withRelativeTolerance(0.01)} allows 1% worse. */
    public SELF withRelativeTolerance(double fraction) {
        return copy(statement, stance.withRelativeTolerance(fraction));
    }

    /** Describes the statement; the description heads its messages and results. */
    @Override
    public SELF describedAs(Description description) {
        return copy(statement.withDescription(description == null ? null : description.value()), stance);
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

    /**
     * The judged time window is not worse than the {@code previous} windows before it, beyond
     * their own window-to-window variation: FAILED when the one-sided prediction t-test of the
     * window's value against theirs rejects at α ({@code touchstone.alpha}), after the
     * multiplicity correction over the statement's slices. Needs time windows:
     * {@code onLastWindowOf("timestamp", Period.ofDays(1)).recall().isNotAnomalousComparedTo(previousWindows(14))}.
     * Windows where the metric is undefined are left out of the reference; fewer than 3 left is
     * INCONCLUSIVE.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SELF isNotAnomalousComparedTo(PreviousWindows previous) {
        Objects.requireNonNull(previous, "previous windows");
        QualityScope scope = QualityScope.current();
        double level = stance.confidence().orElse(scope.settings().confidence());
        return publish(new AnomalyStatement(statement, previous, level).evaluate(scope.settings()), scope);
    }

    public SELF isAbove(double threshold) {
        return check(Expectation.of(Kind.ABOVE, requireFinite(threshold), stance.confidence()));
    }

    /** The metric must be at least {@code threshold}. */
    public SELF isAtLeast(double threshold) {
        return check(Expectation.of(Kind.AT_LEAST, requireFinite(threshold), stance.confidence()));
    }

    /** The metric must be smaller than {@code threshold}. */
    public SELF isBelow(double threshold) {
        return check(Expectation.of(Kind.BELOW, requireFinite(threshold), stance.confidence()));
    }

    /** The metric must be at most {@code threshold}. */
    public SELF isAtMost(double threshold) {
        return check(Expectation.of(Kind.AT_MOST, requireFinite(threshold), stance.confidence()));
    }

    /** The metric must lie in {@code [low, high]}. */
    public SELF isBetween(double low, double high) {
        requireFinite(low);
        requireFinite(high);
        if (low > high) {
            throw new IllegalArgumentException("isBetween needs low <= high but got " + low + " and " + high);
        }
        return check(Expectation.between(low, high, stance.confidence()));
    }

    /**
     * The evaluated metric of a single-slice statement, with its interval at the statement's
     * confidence level (or the default level).
     */
    public MetricValue actual() {
        if (!statement.selection().single()) {
            throw new IllegalStateException("this statement covers several slices (" + statement.selection()
                    + "); use actuals() to get the value of each");
        }
        return actuals().values().iterator().next();
    }

    /** The evaluated metric of every slice of the statement, by slice name, in slice order. */
    public Map<String, MetricValue> actuals() {
        TouchstoneSettings settings = QualityScope.current().settings();
        double level = stance.confidence().orElse(settings.confidence());
        statement.open().finish();
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (SliceEstimate estimate : statement.evaluate(settings)) {
            values.put(estimate.sliceName(), estimate.at(level));
        }
        return Collections.unmodifiableMap(values);
    }

    @SuppressWarnings("unchecked")
    private SELF myself() {
        return (SELF) this;
    }

    private Model requireModel(Model champion) {
        Objects.requireNonNull(champion, "champion");
        if (champion == statement.model()) {
            throw new IllegalArgumentException("a model cannot be compared with itself: '" + champion.name() + "'");
        }
        return champion;
    }

    private SELF compare(Kind kind, Reference reference) {
        QualityScope scope = QualityScope.current();
        ComparisonStatement.Evaluated evaluated = new ComparisonStatement(statement, kind, reference, stance)
                .evaluate(scope);
        if (!evaluated.judged().slices().isEmpty()) {
            publish(evaluated.judged(), scope);
        }
        statement.open().finish();
        evaluated.missing().ifPresent(scope::missingBaseline);
        return myself();
    }

    private SELF check(Expectation expectation) {
        QualityScope scope = QualityScope.current();
        TouchstoneSettings settings = scope.settings();
        double level = stance.confidence().orElse(settings.confidence());
        Optional<String> vacuous = VacuousBounds.warning(statement.metric().name(), expectation);
        if (vacuous.isPresent() && scope.failures() == QualityScope.Failures.THROW) {
            // a plain test has no console report of its own: the engine prints this line itself
            LOG.log(System.Logger.Level.WARNING, "touchstone: " + statement.metric().name() + " on "
                    + Printable.escape(statement.datasetName()) + ": " + vacuous.get());
        }
        List<SliceResult> slices = new ArrayList<>();
        for (SliceEstimate estimate : statement.evaluate(settings)) {
            MetricValue value = estimate.at(level);
            Judge.Decision decision = Judge.judge(value, expectation, estimate::examplesToClear);
            slices.add(QualityMessages.rendered(new SliceResult(statement.model().name(), statement.datasetName(),
                    estimate.sliceDefinition(), value, expectation, decision.verdict(), decision.reason(),
                    decision.examplesNeeded(), "", Optional.empty(), vacuous)));
        }
        return publish(new StatementResult(statement.description(), slices, !statement.selection().single(),
                Optional.of(statement.outcomes(settings).asSource())), scope);
    }

    private SELF publish(StatementResult judged, QualityScope scope) {
        statement.open().finish();
        StatementResult result = judged.withCallSite(CallSite.here());
        scope.judged(result);
        if (scope.failures() == QualityScope.Failures.THROW) {
            Optional<Throwable> failure = QualityErrors.toThrowable(result, scope.settings().inconclusive());
            if (failure.isPresent()) {
                throw QualityErrors.sneaky(failure.get());
            }
        }
        return myself();
    }

    private static double requireFinite(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number but was " + threshold);
        }
        return threshold;
    }
}
