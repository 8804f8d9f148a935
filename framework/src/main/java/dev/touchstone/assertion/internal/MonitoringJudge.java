package dev.touchstone.assertion.internal;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.PowerCurve;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The verdict rules of monitoring statements: drift of a column from a reference (significant
 * after the multiplicity correction <em>and</em> at least the minimum effect), and the latest
 * time window against earlier ones (significantly worse after the correction). Their evidence is
 * a {@link ComparisonResult}, so that results files, reports and exports show it as they show
 * any comparison: reference, test, p-value and adjusted p-value.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class MonitoringJudge {

    /** A power curve for tests whose power Touchstone does not compute. */
    private static final PowerCurve UNKNOWN_POWER = new PowerCurve() {
        @Override
        public double at(double shortfall, double alpha) {
            return Double.NaN;
        }

        @Override
        public boolean isExact() {
            return false;
        }
    };

    private MonitoringJudge() {
    }

    /**
     * The evidence of a monitoring test on one slice.
     *
     * @param difference for drift the effect size, for anomalies latest − reference mean
     * @param interval   for anomalies the interval a stable window's difference would fall in
     */
    public record Test(String source, double referenceValue, long referenceN, String name, double statistic,
            double pValue, double adjustedPValue, double alpha, String multiplicity, String family, int familySize,
            double difference, Interval interval) {

        ComparisonResult asComparison(boolean higherIsBetter, String hypothesis) {
            return new ComparisonResult(source, referenceValue, referenceN, false, "independent samples", difference,
                    interval, name, statistic, pValue, adjustedPValue, alpha, multiplicity, family, Double.NaN, 0.0,
                    higherIsBetter, 0.8, UNKNOWN_POWER, familySize, Double.NaN, hypothesis);
        }
    }

    /** Drift of one column on one slice; its model is {@code data:<dataset>}. */
    public static SliceResult drift(String dataset, String sliceDefinition, MetricValue value, Expectation expectation,
            Optional<Test> test, String why, String method) {
        Verdict verdict;
        String reason;
        if (test.isEmpty() || !value.isDefined()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = why.isEmpty() ? value.undefinedReason().orElse("no data") : why;
        } else {
            Test t = test.get();
            double effect = value.value();
            double minimum = expectation.threshold();
            boolean significant = t.adjustedPValue() <= t.alpha();
            boolean large = effect >= minimum;
            verdict = significant && large ? Verdict.FAILED : Verdict.PASSED;
            String effectText = "effect " + num(effect) + (large ? " ≥ " : " < ") + "the minimum " + num(minimum);
            String pText = "p = " + p(t.pValue()) + (t.adjustedPValue() != t.pValue() ? ", " + t.multiplicity()
                    + "-adjusted " + p(t.adjustedPValue()) : "") + (significant ? " ≤ " : " > ") + "α " + t.alpha();
            reason = significant && large ? "drift: " + effectText + " and " + pText
                    : significant ? "no drift that matters: " + pText + ", but " + effectText
                    : "no significant drift: " + pText + " (" + effectText + ")";
        }
        StringBuilder message = new StringBuilder();
        message.append(value.metric()).append(" on slice ").append(value.slice()).append(" is ")
                .append(value.isDefined() ? num(value.value()) : "undefined").append(", expected ")
                .append(expectation.describe(3)).append(": ").append(verdict);
        fact(message, "dataset", dataset);
        fact(message, "slice", sliceDefinition.equals(value.slice()) ? value.slice()
                : value.slice() + " (" + sliceDefinition + ")");
        fact(message, "metric", value.metric() + " (effect size)");
        fact(message, "value", value.isDefined() ? num(value.value()) : "undefined");
        fact(message, "n", String.format(Locale.ROOT, "%,d", value.n()));
        test.ifPresent(t -> {
            fact(message, "reference", t.source() + String.format(Locale.ROOT, " (n = %,d)", t.referenceN()));
            fact(message, "test", t.name() + " (" + method + "), statistic " + num(t.statistic()) + ", p = "
                    + p(t.pValue()) + ", adjusted p = " + p(t.adjustedPValue()) + " (" + t.multiplicity() + " over "
                    + t.family() + ")");
        });
        fact(message, "expected", expectation.describe(3));
        fact(message, "reason", reason);
        value.notes().forEach(n -> fact(message, "note", n));
        // no model is judged: results name the data ("data:logs"), so that every channel has a model to show
        return new SliceResult("data:" + dataset, dataset, sliceDefinition, value, expectation, verdict, reason,
                OptionalLong.empty(), message.toString(), test.map(t -> t.asComparison(false, ComparisonResult.DRIFT)));
    }

    /** The latest window of a metric against the earlier windows. */
    public static SliceResult anomaly(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, Optional<Test> test, String why, boolean higherIsBetter, String details) {
        Verdict verdict;
        String reason;
        if (test.isEmpty() || !value.isDefined()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = !value.isDefined() ? value.metric() + " is undefined on this window: "
                    + value.undefinedReason().orElse("no data") : why;
        } else {
            Test t = test.get();
            boolean rejected = t.adjustedPValue() <= t.alpha();
            verdict = rejected ? Verdict.FAILED : Verdict.PASSED;
            String gap = value.metric() + " " + num(value.value()) + " against " + num(t.referenceValue()) + " on average in "
                    + t.source();
            reason = (rejected ? "anomalous: " : "not anomalous: ") + gap + "; p = " + p(t.pValue())
                    + (t.adjustedPValue() != t.pValue() ? ", " + t.multiplicity() + "-adjusted " + p(t.adjustedPValue()) : "")
                    + (rejected ? " ≤ " : " > ") + "α " + t.alpha();
        }
        String message = QualityMessages.rendered(new SliceResult(model, dataset, sliceDefinition, value, expectation,
                verdict, reason, OptionalLong.empty(), "")).message();
        StringBuilder out = new StringBuilder(message);
        test.ifPresent(t -> {
            fact(out, "reference", t.source() + ": mean " + num(t.referenceValue()) + ", " + details);
            fact(out, "test", t.name() + String.format(Locale.ROOT, ", statistic %.4f, p = %s", t.statistic(),
                    p(t.pValue())) + ", adjusted p = " + p(t.adjustedPValue()) + " (" + t.multiplicity() + " over "
                    + t.family() + ")");
            fact(out, "stable", "a stable window would differ by " + String.format(Locale.ROOT, "[%.4f, %.4f]", t.interval().low(), t.interval().high()));
        });
        return new SliceResult(model, dataset, sliceDefinition, value, expectation, verdict, reason, OptionalLong.empty(),
                out.toString(), test.map(t -> t.asComparison(higherIsBetter, ComparisonResult.WORSE)));
    }

    /** Hands the result to the scope and, for a throwing scope, throws when it did not pass. */
    public static void publish(StatementResult result, QualityScope scope) {
        scope.judged(result);
        if (scope.failures() == QualityScope.Failures.THROW) {
            Optional<Throwable> failure = QualityErrors.toThrowable(result, scope.settings().inconclusive());
            if (failure.isPresent()) {
                throw QualityErrors.sneaky(failure.get());
            }
        }
    }

    private static void fact(StringBuilder out, String key, String value) {
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-10s: %s", key, value));
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
