package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import dev.touchstone.wording.Digits;
import dev.touchstone.wording.Wording;
import java.util.OptionalLong;

/**
 * The verdict rules for absolute expectations. Without a confidence
 * level the point estimate decides; with one, the interval must lie wholly on one side of the
 * bound, otherwise the verdict is INCONCLUSIVE. An undefined metric is always INCONCLUSIVE.
 */
final class Judge {

    /** Intervals of fewer examples than this that do not vary at all cannot support a verdict. */
    static final int SMALL_SLICE = 30;

    record Decision(Verdict verdict, String reason, OptionalLong examplesNeeded) {
    }

    /** How many examples would let the interval at a level clear a bound; see {@code SliceEstimate#examplesToClear}. */
    interface ExamplesToClear {
        OptionalLong examplesToClear(double bound, double level);
    }

    private Judge() {
    }

    static Decision judge(MetricValue value, Expectation expectation, ExamplesToClear sizes) {
        if (!value.isDefined()) {
            return new Decision(Verdict.INCONCLUSIVE, value.metric() + " is undefined on this slice: "
                    + value.undefinedReason().orElse("no data"), OptionalLong.empty());
        }
        return expectation.confidence().isPresent()
                ? byInterval(value, expectation, sizes)
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
        Evidence facts = QualityMessages.evidence(value, e);
        String reason = "the estimate " + Digits.of(facts).value(x) + (pass ? " is " : " is not ") + Wording.bound(facts);
        return new Decision(pass ? Verdict.PASSED : Verdict.FAILED, reason, OptionalLong.empty());
    }

    /**
     * Each side of the interval decides on its own: an order-statistic interval of a p99 from
     * few answers has a lower bound but no upper one, which can still fail a bound below it. A
     * missing bound never passes or fails anything.
     */
    private static Decision byInterval(MetricValue value, Expectation e, ExamplesToClear sizes) {
        Interval ci = value.interval();
        String level = Expectation.percent(ci.level()) + " interval";
        double lo = ci.low();
        double hi = ci.high();
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            return new Decision(Verdict.INCONCLUSIVE, "the " + level + " cannot be computed on this slice",
                    OptionalLong.empty());
        }
        Evidence facts = QualityMessages.evidence(value, e);
        Digits digits = Digits.of(facts);
        if (ci.width() == 0 && !"exact".equals(ci.method()) && value.n() < SMALL_SLICE) {
            return new Decision(Verdict.INCONCLUSIVE, "the " + level + " has no width: on " + value.n()
                    + " examples every resample gives " + value.metric() + " = " + digits.value(lo)
                    + ", which says nothing of how much it varies", OptionalLong.empty());
        }
        double t = e.threshold();
        boolean loKnown = !Double.isNaN(lo);
        boolean hiKnown = !Double.isNaN(hi);
        Verdict verdict = switch (e.kind()) {
            case ABOVE -> loKnown && lo > t ? Verdict.PASSED : hiKnown && hi <= t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case AT_LEAST -> loKnown && lo >= t ? Verdict.PASSED : hiKnown && hi < t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case BELOW -> hiKnown && hi < t ? Verdict.PASSED : loKnown && lo >= t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case AT_MOST -> hiKnown && hi <= t ? Verdict.PASSED : loKnown && lo > t ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            case BETWEEN -> loKnown && hiKnown && lo >= t && hi <= e.upper() ? Verdict.PASSED
                    : hiKnown && hi < t || loKnown && lo > e.upper() ? Verdict.FAILED : Verdict.INCONCLUSIVE;
            default -> throw new IllegalArgumentException("not an absolute expectation: " + e.kind());
        };
        String range = "[" + (loKnown ? digits.low(lo) : "?") + ", " + (hiKnown ? digits.high(hi) : "?") + "]";
        String bound = Wording.bound(facts);
        String reason = switch (verdict) {
            case PASSED -> "the whole " + level + " " + range + " is " + bound;
            case FAILED -> "no value of the " + level + " " + range + " is " + bound;
            default -> (loKnown && hiKnown ? "the " + level + " " + range + " straddles the bound"
                    : "the " + level + " " + range + " has no " + (loKnown ? "upper" : "lower")
                            + " bound on " + value.n() + " examples")
                    + ": the data cannot tell whether " + value.metric() + " is " + bound;
        };
        OptionalLong needed = verdict == Verdict.INCONCLUSIVE
                ? sizes.examplesToClear(nearestBound(value.value(), e), ci.level()) : OptionalLong.empty();
        return new Decision(verdict, reason, needed);
    }

    private static double nearestBound(double x, Expectation e) {
        if (e.kind() != Expectation.Kind.BETWEEN) {
            return e.threshold();
        }
        return Math.abs(x - e.threshold()) <= Math.abs(x - e.upper()) ? e.threshold() : e.upper();
    }
}
