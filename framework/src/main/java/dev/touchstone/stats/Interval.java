package dev.touchstone.stats;

import org.apiguardian.api.API;

/**
 * A two-sided confidence interval: {@code [low, high]} at confidence {@code level}, computed by
 * {@code method} ({@code wilson}, {@code clopper-pearson}, {@code delong},
 * {@code bootstrap-percentile}). Bounds are NaN when the interval is undefined (no data).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Interval(double low, double high, double level, String method) {

    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + level);
        }
    }

    /** An interval that could not be computed, for example on an empty slice. */
    public static Interval undefined(double level, String method) {
        return new Interval(Double.NaN, Double.NaN, level, method);
    }

    public boolean isDefined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public double width() {
        return high - low;
    }
}
