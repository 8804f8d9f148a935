package dev.touchstone.report;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.stats.Interval;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import dev.touchstone.wording.Wording;

/**
 * What every document says about a slice result: its value, interval and expectation come from
 * the one wording layer ({@link Wording}), so they read as in the message, the console and the gate.
 */
final class Facts {

    static final int DECIMALS = 4;

    private Facts() {
    }

    static boolean hasValue(MetricValue value) {
        return value.isDefined() && Double.isFinite(value.value());
    }

    static boolean hasInterval(MetricValue value) {
        Interval interval = value.interval();
        return interval.isDefined() && Double.isFinite(interval.low()) && Double.isFinite(interval.high());
    }

    /** Why the value is not shown: the metric's own reason, or that it is not a finite number. */
    static String undefinedReason(MetricValue value) {
        if (!value.isDefined()) {
            return value.undefinedReason().orElse("undefined on this slice");
        }
        return "the value is not a finite number (" + value.value() + ")";
    }

    /** Why the interval is not shown. */
    static String undefinedIntervalReason(MetricValue value) {
        if (!value.isDefined()) {
            return undefinedReason(value);
        }
        return "the " + Markup.percent(value.interval().level()) + " interval cannot be computed on this slice";
    }

    /** Decimals of numbers that have no statement to decide them (a confusion matrix's rates). */
    static int decimals(Expectation expectation) {
        return expectation == null ? DECIMALS : Math.max(DECIMALS, expectation.decimals());
    }

    /**
     * The point estimate, in the digits of every other output ({@link Wording}): rounded away
     * from meeting the bound, so that a shown value never seems to meet a bound the real one misses.
     */
    static String value(SliceResult result) {
        return Wording.value(Evidence.of(result));
    }

    /** The lower bound, rounded down: shown intervals never look narrower than they are. */
    static String low(SliceResult result) {
        return Wording.low(Evidence.of(result)).orElse("");
    }

    /** The upper bound, rounded up. */
    static String high(SliceResult result) {
        return Wording.high(Evidence.of(result)).orElse("");
    }

    /** What the slice was expected to be, with the reference's value for comparisons: "not worse than previous-run 0.900". */
    static String expectation(SliceResult result) {
        return result.expectation() == null ? "" : Wording.expected(Evidence.of(result));
    }

    /** "at least 0.800 with 95% confidence", or "" when there is no expectation. */
    static String expectation(Expectation expectation) {
        return expectation == null ? "" : expectation.describe(expectation.decimals());
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The distinct non-blank values of {@code field}, in order, joined by ", ". */
    static String distinct(List<SliceResult> slices, Function<SliceResult, String> field) {
        Set<String> seen = new LinkedHashSet<>();
        for (SliceResult slice : slices) {
            String value = field.apply(slice);
            if (value != null && !value.isBlank()) {
                seen.add(value);
            }
        }
        return String.join(", ", seen);
    }
}
