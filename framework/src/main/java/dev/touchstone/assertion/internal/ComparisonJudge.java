package dev.touchstone.assertion.internal;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The verdict rules for comparisons with a reference. A pure function of
 * the recorded evidence, so that an engine can judge again after adjusting p-values over a
 * larger family (a spec, a run).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ComparisonJudge {

    private ComparisonJudge() {
    }

    /** Judges one slice; {@code comparison} empty when it could not be computed ({@code why}). */
    public static SliceResult judge(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, Optional<ComparisonResult> comparison, String why) {
        Verdict verdict;
        String reason;
        OptionalLong needed = OptionalLong.empty();
        if (!value.isDefined()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = value.metric() + " is undefined on this slice: " + value.undefinedReason().orElse("no data");
        } else if (comparison.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = why;
        } else {
            ComparisonResult c = comparison.get();
            double delta = c.orientedDifference();
            double d = c.margin();
            String gap = describeGap(c);
            switch (expectation.kind()) {
                case NOT_WORSE_THAN -> {
                    if (expectation.confidence().isEmpty()) {
                        boolean pass = delta >= -d;
                        verdict = pass ? Verdict.PASSED : Verdict.FAILED;
                        reason = gap + (pass ? ", within" : ", beyond") + " the tolerance " + fmt(d);
                    } else {
                        double[] ci = c.orientedInterval();
                        if (Double.isNaN(ci[0]) || Double.isNaN(ci[1])) {
                            verdict = Verdict.INCONCLUSIVE;
                            reason = "the interval of the difference cannot be computed";
                        } else {
                            verdict = ci[0] > -d ? Verdict.PASSED : ci[1] < -d ? Verdict.FAILED : Verdict.INCONCLUSIVE;
                            String range = Expectation.percent(c.interval().level()) + " interval of the difference ["
                                    + fmt(c.interval().low()) + ", " + fmt(c.interval().high()) + "]";
                            reason = switch (verdict) {
                                case PASSED -> "non-inferiority shown: the whole " + range + " is above −" + fmt(d);
                                case FAILED -> "inferior: the whole " + range + " is below −" + fmt(d);
                                default -> "the " + range + " contains −" + fmt(d)
                                        + ": the data cannot tell whether the model is within the tolerance";
                            };
                            if (verdict == Verdict.INCONCLUSIVE && delta + d != 0) {
                                double half = (ci[1] - ci[0]) / 2;
                                double n = Math.ceil(value.n() * Math.pow(half / Math.abs(delta + d), 2));
                                if (Double.isFinite(n) && n > value.n()) {
                                    needed = OptionalLong.of((long) n);
                                }
                            }
                        }
                    }
                }
                case NOT_SIGNIFICANTLY_WORSE_THAN -> {
                    boolean rejected = c.adjustedPValue() <= c.alpha();
                    verdict = rejected ? Verdict.FAILED : Verdict.PASSED;
                    reason = (rejected ? "significantly worse: " : "no significant degradation: ") + gap + "; "
                            + pText(c) + (rejected ? " ≤ " : " > ") + "α " + fmt(c.alpha())
                            + (rejected || Double.isNaN(c.minimumDetectableDifference()) ? ""
                                    : "; the test detects a drop of " + fmt(c.minimumDetectableDifference())
                                            + " or more with " + Expectation.percent(c.power()) + " power");
                }
                case SIGNIFICANTLY_BETTER_THAN -> {
                    boolean rejected = c.adjustedPValue() <= c.alpha();
                    verdict = rejected ? Verdict.PASSED : Verdict.FAILED;
                    reason = (rejected ? "significantly better: " : "not significantly better: ") + gap + "; "
                            + pText(c) + (rejected ? " ≤ " : " > ") + "α " + fmt(c.alpha());
                }
                default -> throw new IllegalArgumentException("not a comparison: " + expectation.kind());
            }
        }
        String message = QualityMessages.formatComparison(model, dataset, sliceDefinition, value, expectation,
                comparison, verdict, reason, needed);
        return new SliceResult(model, dataset, sliceDefinition, value, expectation, verdict, reason, needed, message,
                comparison);
    }

    /** Judges again with a p-value adjusted over a larger family. */
    public static SliceResult rejudge(SliceResult result, double adjustedPValue, String multiplicity, String family) {
        if (result.comparison().isEmpty()) {
            return result;
        }
        ComparisonResult adjusted = result.comparison().get().withAdjusted(adjustedPValue, multiplicity, family);
        return judge(result.model(), result.dataset(), result.sliceDefinition(), result.value(), result.expectation(),
                Optional.of(adjusted), result.reason());
    }

    private static String describeGap(ComparisonResult c) {
        double delta = c.orientedDifference();
        String versus = " the reference " + fmt(c.referenceValue()) + (c.paired() ? " (paired)" : " (unpaired)");
        if (delta == 0) {
            return "the model equals" + versus;
        }
        return "the model is " + fmt(Math.abs(c.difference())) + (delta > 0 ? " better" : " worse") + " than" + versus;
    }

    private static String pText(ComparisonResult c) {
        return c.multiplicity() == null || "none".equals(c.multiplicity()) || c.adjustedPValue() == c.pValue()
                ? "p = " + p(c.pValue())
                : "p = " + p(c.pValue()) + ", " + c.multiplicity() + "-adjusted " + p(c.adjustedPValue());
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

}
