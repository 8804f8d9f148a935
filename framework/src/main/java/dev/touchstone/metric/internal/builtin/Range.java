package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.math.BigDecimal;

/**
 * The closed range of values a metric can take; an infinite end is unbounded.
 *
 * @param low  the smallest possible value, or negative infinity
 * @param high the largest possible value, or positive infinity
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Range(double low, double high) {

    public static final Range UNIT = new Range(0, 1);
    public static final Range CORRELATION = new Range(-1, 1);
    public static final Range NON_NEGATIVE = new Range(0, Double.POSITIVE_INFINITY);
    /** R²: at most 1, unbounded below. */
    public static final Range AT_MOST_ONE = new Range(Double.NEGATIVE_INFINITY, 1);
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** Compared as the decimal was written: {@code 1.0000000000000001} is outside [0, 1]. */
    public boolean contains(BigDecimal value) {
        return (Double.isInfinite(low) || value.compareTo(BigDecimal.valueOf(low)) >= 0)
                && (Double.isInfinite(high) || value.compareTo(BigDecimal.valueOf(high)) <= 0);
    }

    public boolean isBoundedAbove() {
        return !Double.isInfinite(high);
    }

    /** The value clipped into the range: what an interval bound must respect. */
    public double clip(double value) {
        return Math.max(low, Math.min(high, value));
    }

    @Override
    public String toString() {
        return "[" + end(low) + ", " + end(high) + "]";
    }

    private static String end(double value) {
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "inf";
        }
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
