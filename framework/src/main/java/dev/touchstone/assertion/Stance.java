package dev.touchstone.assertion;

import java.util.OptionalDouble;

/**
 * How a statement judges, set before its expectation: by the point estimate or by a confidence
 * interval at {@code confidence}, and how much worse than a reference the model may be
 * (absolute {@code tolerance}, or {@code relativeTolerance} of the reference's value; NaN when
 * not given).
 */
record Stance(OptionalDouble confidence, double tolerance, double relativeTolerance) {

    static final Stance POINT_ESTIMATE = new Stance(OptionalDouble.empty(), 0.0, Double.NaN);

    Stance withConfidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1) but was " + level);
        }
        return new Stance(OptionalDouble.of(level), tolerance, relativeTolerance);
    }

    Stance withTolerance(double absolute) {
        if (!(absolute >= 0) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0 but was " + absolute);
        }
        return new Stance(confidence, absolute, Double.NaN);
    }

    Stance withRelativeTolerance(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [0, 1) but was " + fraction);
        }
        return new Stance(confidence, 0.0, fraction);
    }
}
