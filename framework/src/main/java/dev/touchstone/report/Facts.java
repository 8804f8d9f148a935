package dev.touchstone.report;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.stats.Interval;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What every document says about a slice result, worded and rounded the same way everywhere. */
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

    /** At least four decimals; more when the expectation's bounds are written with more. */
    static int decimals(Expectation expectation) {
        return expectation == null ? DECIMALS : Math.max(DECIMALS, expectation.decimals());
    }

    /**
     * The point estimate, rounded away from meeting the bound (down next to a minimum, up next
     * to a maximum) so that a shown value never seems to meet a bound that the real one misses.
     */
    static String value(SliceResult result) {
        Expectation e = result.expectation();
        RoundingMode mode = e == null ? RoundingMode.HALF_EVEN : switch (e.kind()) {
            case ABOVE, AT_LEAST -> RoundingMode.FLOOR;
            case BELOW, AT_MOST -> RoundingMode.CEILING;
            default -> RoundingMode.HALF_EVEN;
        };
        return Markup.number(result.value().value(), decimals(e), mode);
    }

    /** The lower bound, rounded down: shown intervals never look narrower than they are. */
    static String low(SliceResult result) {
        return Markup.number(result.value().interval().low(), decimals(result.expectation()), RoundingMode.FLOOR);
    }

    /** The upper bound, rounded up. */
    static String high(SliceResult result) {
        return Markup.number(result.value().interval().high(), decimals(result.expectation()), RoundingMode.CEILING);
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
