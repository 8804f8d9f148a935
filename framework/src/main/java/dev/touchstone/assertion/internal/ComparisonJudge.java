package dev.touchstone.assertion.internal;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.stats.internal.NormalQuantiles;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.internal.text.Numerals;
import dev.touchstone.result.Evidence;
import dev.touchstone.wording.Digits;
import dev.touchstone.wording.Wording;
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
            Evidence facts = QualityMessages.evidence(value, expectation, comparison);
            Digits digits = Digits.of(facts);
            double delta = c.orientedDifference();
            double d = c.margin();
            String gap = describeGap(c, digits);
            String alpha = "α " + Numerals.plain(c.alpha());
            switch (expectation.kind()) {
                case NOT_WORSE_THAN -> {
                    if (expectation.confidence().isEmpty()) {
                        boolean pass = delta >= -d;
                        verdict = pass ? Verdict.PASSED : Verdict.FAILED;
                        reason = gap + (pass ? ", within" : ", beyond") + " the tolerance " + digits.tolerance(d);
                    } else {
                        double[] ci = c.orientedInterval();
                        if (Double.isNaN(ci[0]) || Double.isNaN(ci[1])) {
                            verdict = Verdict.INCONCLUSIVE;
                            reason = "the interval of the difference cannot be computed";
                        } else {
                            verdict = ci[0] > -d ? Verdict.PASSED : ci[1] < -d ? Verdict.FAILED : Verdict.INCONCLUSIVE;
                            String range = Expectation.percent(c.interval().level()) + " interval of the difference ["
                                    + digits.signedLow(c.interval().low()) + ", " + digits.signedHigh(c.interval().high())
                                    + "]";
                            String edge = digits.signed(c.higherIsBetter() ? -d : d);
                            String side = c.higherIsBetter() ? "above " : "below ";
                            String other = c.higherIsBetter() ? "below " : "above ";
                            reason = switch (verdict) {
                                case PASSED -> "non-inferiority shown: the whole " + range + " is " + side + edge;
                                case FAILED -> "inferior: the whole " + range + " is " + other + edge;
                                default -> "the " + range + " contains " + edge
                                        + ": the data cannot tell whether the model is within the tolerance";
                            };
                            if (verdict == Verdict.INCONCLUSIVE) {
                                needed = examplesToDecide(c, value.n(), Math.abs(delta + d));
                                if (needed.isEmpty() && !c.paired() && !Double.isNaN(c.referenceStandardError())) {
                                    reason += "; no number of the model's examples would decide: the reference's own "
                                            + "uncertainty (±" + digits.number(z(c) * c.referenceStandardError())
                                            + ") is wider than the distance to the tolerance ("
                                            + digits.number(Math.abs(delta + d)) + "); record the baseline on more examples";
                                }
                            }
                        }
                    }
                }
                case NOT_SIGNIFICANTLY_WORSE_THAN -> {
                    boolean rejected = c.adjustedPValue() <= c.alpha();
                    verdict = rejected ? Verdict.FAILED : Verdict.PASSED;
                    reason = (rejected ? "significantly worse: " : "no significant degradation: ") + gap + "; "
                            + Wording.pValue(facts) + (rejected ? " ≤ " : " > ") + alpha;
                }
                case SIGNIFICANTLY_BETTER_THAN -> {
                    boolean rejected = c.adjustedPValue() <= c.alpha();
                    verdict = rejected ? Verdict.PASSED : Verdict.FAILED;
                    reason = (rejected ? "significantly better: " : "not significantly better: ") + gap + "; "
                            + Wording.pValue(facts) + (rejected ? " ≤ " : " > ") + alpha;
                }
                default -> throw new IllegalArgumentException("not a comparison: " + expectation.kind());
            }
        }
        return QualityMessages.rendered(new SliceResult(model, dataset, sliceDefinition, value, expectation, verdict,
                reason, needed, "", comparison));
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

    // "the model is 0.140 worse than previous-run 0.900 (paired)"
    private static String describeGap(ComparisonResult c, Digits digits) {
        double delta = c.orientedDifference();
        String versus = " " + c.source() + " " + digits.number(c.referenceValue()) + (c.paired() ? " (paired)" : " (unpaired)");
        if (digits.signed(c.difference()).matches("[+-]0\\.?0*")) {
            return "the model equals" + versus;
        }
        return "the model is " + digits.number(Math.abs(c.difference())) + (delta > 0 ? " better" : " worse") + " than"
                + versus;
    }
}
