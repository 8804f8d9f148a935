package dev.touchstone.assertion.internal;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.stats.internal.NormalQuantiles;
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
                            if (verdict == Verdict.INCONCLUSIVE) {
                                needed = examplesToDecide(c, value.n(), Math.abs(delta + d));
                                if (needed.isEmpty() && !c.paired() && !Double.isNaN(c.referenceStandardError())) {
                                    reason += "; no number of the model's examples would decide: the reference's own "
                                            + "uncertainty (±" + fmt(z(c) * c.referenceStandardError())
                                            + ") is wider than the distance to the tolerance (" + fmt(Math.abs(delta + d))
                                            + "); record the baseline on more examples";
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
                            + (rejected ? "" : "; " + powerText(c));
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

    /**
     * How many of the model's examples would make the interval of the difference clear the
     * tolerance, if the difference stayed: paired, both sides shrink together (1/√n); unpaired,
     * only the model's share of the standard error does, so when the reference's alone is wider
     * than the distance no number decides (empty).
     */
    static OptionalLong examplesToDecide(ComparisonResult c, long n, double distance) {
        double z = z(c);
        double half = c.interval().width() / 2;
        if (distance == 0 || n == 0 || Double.isNaN(half)) {
            return OptionalLong.empty();
        }
        double needed;
        double seReference = c.referenceStandardError();
        if (c.paired() || Double.isNaN(seReference)) {
            needed = Math.ceil(n * Math.pow(half / distance, 2));
        } else {
            double seDifference = half / z;
            double seModel2 = Math.max(0, seDifference * seDifference - seReference * seReference);
            double room = Math.pow(distance / z, 2) - seReference * seReference;
            if (room <= 0) {
                return OptionalLong.empty();
            }
            needed = Math.ceil(n * seModel2 / room);
        }
        return Double.isFinite(needed) && needed > n ? OptionalLong.of((long) needed) : OptionalLong.empty();
    }

    private static double z(ComparisonResult c) {
        return NormalQuantiles.z(c.interval().level());
    }

    /** "the test detects a drop of 0.0231 or more with 80% power at α 0.0063 (0.05 over 8 comparisons, exact)". */
    static String powerText(ComparisonResult c) {
        if (Double.isNaN(c.minimumDetectableDifference())) {
            return "the test cannot detect any drop with " + Expectation.percent(c.power()) + " power on these examples";
        }
        String alpha = c.decidingAlpha() == c.alpha() ? "α " + fmt(c.alpha())
                : "α " + p(c.decidingAlpha()) + " (" + fmt(c.alpha()) + " over " + c.familySize() + " comparisons)";
        return "the test detects a drop of " + fmt(c.minimumDetectableDifference()) + " or more with "
                + Expectation.percent(c.power()) + " power at " + alpha
                + (c.powerCurve().isExact() ? ", exactly" : ", by a normal approximation");
    }

    /** Judges again with a p-value adjusted over a larger family. */
    public static SliceResult rejudge(SliceResult result, double adjustedPValue, String multiplicity, String family,
            int familySize) {
        if (result.comparison().isEmpty()) {
            return result;
        }
        ComparisonResult adjusted = result.comparison().get().withAdjusted(adjustedPValue, multiplicity, family,
                familySize);
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
