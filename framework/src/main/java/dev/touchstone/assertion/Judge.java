package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import java.util.OptionalLong;

/**
 * The verdict rules for absolute expectations. Without a confidence
 * level the point estimate decides; with one, the interval must lie wholly on one side of the
 * bound, otherwise the verdict is INCONCLUSIVE. An undefined metric is always INCONCLUSIVE.
 */
final class Judge {

    record Decision(Verdict verdict, String reason, OptionalLong examplesNeeded) {
    }

    private Judge() {
    }

    static Decision judge(MetricValue value, Expectation expectation) {
        if (!value.isDefined()) {
            return new Decision(Verdict.INCONCLUSIVE, value.metric() + " is undefined on this slice: "
                    + value.undefinedReason().orElse("no data"), OptionalLong.empty());
        }
        return expectation.confidence().isPresent()
                ? byInterval(value, expectation)
                : byEstimate(value, expectation);
    }

    private static Decision byEstimate(MetricValue value, Expectation e) {
        double x = value.value();
        double t = e.threshold();
        boolean pass = switch (e.kind()) {
            case ABOVE -> x > t;
            case AT_LEAST -> x >= t;
            case BELOW -> x < t;
            case AT_MOST -> x <= t;
            case BETWEEN -> x >= t && x <= e.upper();
            default -> throw new IllegalArgumentException("not an absolute expectation: " + e.kind());
        };
        String bound = e.describe(decimals(e));
        String reason = "the estimate " + QualityMessages.estimate(x, e) + (pass ? " is " : " is not ") + bound;
        return new Decision(pass ? Verdict.PASSED : Verdict.FAILED, reason, OptionalLong.empty());
    }

    private static Decision byInterval(MetricValue value, Expectation e) {
        Interval ci = value.interval();
        String level = Expectation.percent(ci.level()) + " interval";
        if (!ci.isDefined()) {
            return new Decision(Verdict.INCONCLUSIVE, "the " + level + " cannot be computed on this slice",
                    OptionalLong.empty());
        }
        double lo = ci.low();
        double hi = ci.high();
        double t = e.threshold();
        Verdict verdict = switch (e.kind()) {
            case ABOVE -> lo > t ? Verdict.PASSED : hi <= t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case AT_LEAST -> lo >= t ? Verdict.PASSED : hi < t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case BELOW -> hi < t ? Verdict.PASSED : lo >= t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case AT_MOST -> hi <= t ? Verdict.PASSED : lo > t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case BETWEEN -> lo >= t && hi <= e.upper() ? Verdict.PASSED
                    : hi < t || lo > e.upper() ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            default -> throw new IllegalArgumentException("not an absolute expectation: " + e.kind());
        };
        String range = "[" + QualityMessages.bound(lo, e, true) + ", " + QualityMessages.bound(hi, e, false) + "]";
        String bound = boundText(e);
        String reason = switch (verdict) {
            case PASSED -> "the whole " + level + " " + range + " is " + bound;
            case FAILED -> "no value of the " + level + " " + range + " is " + bound;
            default -> "the " + level + " " + range + " straddles the bound: the data cannot tell whether "
                    + value.metric() + " is " + bound;
        };
        return new Decision(verdict, reason, verdict == Verdict.INCONCLUSIVE ? examplesNeeded(value, e) : OptionalLong.empty());
    }

    private static String boundText(Expectation e) {
        return new Expectation(e.kind(), e.threshold(), e.upper(), java.util.OptionalDouble.empty()).describe(decimals(e));
    }

    /**
     * Interval half-widths shrink like 1/√n, so the interval clears the bound at about
     * n · (half-width / distance from the estimate to the bound)² examples, if the estimate stays.
     */
    static OptionalLong examplesNeeded(MetricValue value, Expectation e) {
        double x = value.value();
        Interval ci = value.interval();
        double bound = nearestBound(x, e);
        double distance = Math.abs(x - bound);
        if (distance == 0 || value.n() == 0) {
            return OptionalLong.empty();
        }
        double halfWidth = x >= bound ? x - ci.low() : ci.high() - x;
        double needed = Math.ceil(value.n() * Math.pow(halfWidth / distance, 2));
        return needed > value.n() && Double.isFinite(needed) ? OptionalLong.of((long) needed) : OptionalLong.empty();
    }

    private static double nearestBound(double x, Expectation e) {
        if (e.kind() != Expectation.Kind.BETWEEN) {
            return e.threshold();
        }
        return Math.abs(x - e.threshold()) <= Math.abs(x - e.upper()) ? e.threshold() : e.upper();
    }

    private static int decimals(Expectation e) {
        return QualityMessages.decimals(e);
    }

}
