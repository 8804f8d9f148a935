package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.ComparisonJudge;

import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.ComparisonEvaluator;
import dev.touchstone.metric.internal.MetricEvaluator;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.Reference;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Expectation.Kind;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Multiplicity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.DoubleUnaryOperator;

/**
 * A comparison statement being evaluated: every slice compared with the reference, p-values
 * adjusted over the statement's slices, each slice judged.
 */
final class ComparisonStatement {

    private final Statement statement;
    private final Kind kind;
    private final Reference reference;
    private final OptionalDouble confidence;
    private final double tolerance;
    private final double relativeTolerance;
    private final Optional<String> description;

    ComparisonStatement(Statement statement, Kind kind, Reference reference, Stance stance) {
        this.statement = statement;
        this.kind = kind;
        this.reference = reference;
        this.confidence = stance.confidence();
        this.tolerance = stance.tolerance();
        this.relativeTolerance = stance.relativeTolerance();
        this.description = statement.description();
    }

    /**
     * What a comparison produced: the judged slices (maybe none), and the slices whose baseline
     * had no entry, if any.
     */
    record Evaluated(StatementResult judged, Optional<MissingBaseline> missing) {
    }

    Evaluated evaluate(QualityScope scope) {
        TouchstoneSettings settings = scope.settings();
        CheckId check = reference instanceof Reference.Recorded
                ? scope.requireCheck("a comparison with a recorded baseline") : null;
        double level = confidence.orElse(settings.confidence());
        Outcomes outcomes = statement.outcomes(settings);
        List<SliceRows> rows = statement.selection().resolve(outcomes);
        // Each statement's p-value tests its own question: "worse" fails isNotSignificantlyWorseThan,
        // "better" passes isSignificantlyBetterThan, and non-inferiority (withConfidence(c).isNotWorseThan)
        // is shown by a small p of "non-inferior", never by a large p of "worse".
        boolean nonInferiority = kind == Kind.NOT_WORSE_THAN && confidence.isPresent();
        Alternative alternative = kind == Kind.SIGNIFICANTLY_BETTER_THAN || nonInferiority ? Alternative.GREATER
                : Alternative.LESS;
        String hypothesis = kind == Kind.SIGNIFICANTLY_BETTER_THAN ? ComparisonResult.BETTER
                : nonInferiority ? ComparisonResult.NON_INFERIOR : ComparisonResult.WORSE;
        double absolute = tolerance;
        double relative = relativeTolerance;
        DoubleUnaryOperator margin = kind == Kind.SIGNIFICANTLY_BETTER_THAN ? ref -> 0.0
                : ref -> Double.isNaN(relative) ? absolute : relative * Math.abs(ref);
        List<ComparisonEvaluator.SliceComparison> compared = new ArrayList<>();
        List<SliceRows> withoutEntry = new ArrayList<>();
        List<ComparisonEvaluator.MissingBaselineException> missing = new ArrayList<>();
        for (SliceRows slice : rows) {
            try {
                compared.add(ComparisonEvaluator.compare(outcomes, slice, statement.metric(), reference, settings,
                        alternative, margin, level, check, scope.baselines()));
            } catch (ComparisonEvaluator.MissingBaselineException e) {
                // one new slice does not keep the others from being compared
                withoutEntry.add(slice);
                missing.add(e);
            }
        }
        boolean significance = kind != Kind.NOT_WORSE_THAN;
        double[] adjusted = significance ? adjust(compared, settings) : null;
        String family = statement.metric().name() + " on " + (statement.selection().single() ? "one slice"
                : rows.size() + " slices");
        String correction = significance ? settings.multiplicity().name().toLowerCase(Locale.ROOT) : null;
        List<SliceResult> slices = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            ComparisonEvaluator.SliceComparison c = compared.get(i);
            MetricValue value = c.model().at(level);
            Expectation expectation = Expectation.comparison(kind, kind == Kind.NOT_WORSE_THAN ? confidence
                    : OptionalDouble.empty(), c.margin(), Double.isNaN(relative) ? Double.NaN : relative);
            Optional<ComparisonResult> result = Optional.empty();
            if (c.isDefined() && c.test().isDefined()) {
                var test = c.test();
                double sign = statement.metric().higherIsBetter() ? 1 : -1;
                Interval raw = sign > 0 ? test.interval()
                        : new Interval(-test.interval().high(), -test.interval().low(), test.interval().level(),
                                test.interval().method());
                int familySize = significance ? compared.size() : 1;
                double mdd = ComparisonResult.minimumDetectable(c.power(), settings.alpha(), correction, familySize,
                        settings.power());
                result = Optional.of(new ComparisonResult(c.source(), c.referenceValue(), c.referenceN(), c.paired(),
                        c.pairing(), sign * test.difference(), raw, test.name(), test.statistic(), test.pValue(),
                        significance ? adjusted[i] : test.pValue(), settings.alpha(), correction, family, mdd, c.margin(),
                        statement.metric().higherIsBetter(), settings.power(), c.power(), familySize,
                        c.referenceStandardError(), hypothesis));
            }
            String why = c.isDefined() ? "the comparison cannot be computed on this slice" : c.undefinedReason();
            slices.add(ComparisonJudge.judge(statement.model().name(), statement.datasetName(),
                    c.model().sliceDefinition(), value, expectation, result, why));
        }
        StatementResult judged = new StatementResult(description, slices, !statement.selection().single(),
                Optional.of(outcomes.asSource()));
        return new Evaluated(judged, missing.isEmpty() ? Optional.empty()
                : Optional.of(missing(missing, values(outcomes, withoutEntry, settings, level))));
    }

    // "no baseline entry K in D (no baseline was recorded there); record ... with ..."
    private static MissingBaseline missing(List<ComparisonEvaluator.MissingBaselineException> missing,
            StatementResult values) {
        ComparisonEvaluator.MissingBaselineException first = missing.get(0);
        List<String> keys = missing.stream().map(ComparisonEvaluator.MissingBaselineException::key).toList();
        List<String> others = missing.stream().flatMap(m -> m.otherModels().stream()).distinct().toList();
        String message = (keys.size() == 1 ? "no baseline entry " : "no baseline entries ") + String.join(", ", keys)
                + " in " + first.directory().toAbsolutePath().normalize()
                + (first.baselineExists() ? "" : " (no baseline was recorded there)")
                + (others.isEmpty() ? "" : " (it has entries of this check for " + String.join(", ", others)
                        + ": entries are kept by model and dataset name, so a new version compared with the last "
                        + "keeps their names)")
                + "; record missing entries with mvn verify -D" + ConfigKeys.BASELINE_MISSING + "=record";
        return new MissingBaseline(first.directory(), keys, message, values);
    }

    // The model's values on slices without a baseline entry: what recording them keeps.
    private StatementResult values(Outcomes outcomes, List<SliceRows> rows, TouchstoneSettings settings, double level) {
        List<SliceResult> values = new ArrayList<>();
        for (SliceRows slice : rows) {
            SliceEstimate estimate = MetricEvaluator.evaluate(outcomes, slice, statement.metric(), settings);
            values.add(new SliceResult(statement.model().name(), statement.datasetName(), estimate.sliceDefinition(),
                    estimate.at(level), Expectation.comparison(Kind.NOT_WORSE_THAN, OptionalDouble.empty(), 0, Double.NaN),
                    Verdict.INCONCLUSIVE, "no baseline to compare with", OptionalLong.empty(), ""));
        }
        return new StatementResult(description, values, !statement.selection().single(),
                Optional.of(outcomes.asSource()));
    }

    // Holm (or the configured correction) over the slices of this statement. A larger family
    // (touchstone.multiplicity.scope=spec|run) is adjusted again by the engine.
    private static double[] adjust(List<ComparisonEvaluator.SliceComparison> compared, TouchstoneSettings settings) {
        double[] raw = new double[compared.size()];
        int defined = 0;
        for (ComparisonEvaluator.SliceComparison c : compared) {
            if (c.isDefined() && c.test().isDefined()) {
                raw[defined++] = c.test().pValue();
            }
        }
        double[] adjustedDefined = Multiplicity.adjust(java.util.Arrays.copyOf(raw, defined),
                Multiplicity.Method.valueOf(settings.multiplicity().name()));
        double[] adjusted = new double[compared.size()];
        int j = 0;
        for (int i = 0; i < compared.size(); i++) {
            ComparisonEvaluator.SliceComparison c = compared.get(i);
            adjusted[i] = c.isDefined() && c.test().isDefined() ? adjustedDefined[j++] : 1.0;
        }
        return adjusted;
    }
}
