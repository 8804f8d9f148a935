package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/** The number of examples in the slice: {@code size().isAtLeast(200)} guards against thin slices. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class CountMetric extends BuiltInMetric {

    CountMetric() {
        super("size", true, Range.NON_NEGATIVE);
    }

    @Override
    public Input input(Averaging averaging) {
        return Input.NONE;
    }

    /** The count is exact: its interval is the count itself. */
    public Estimate estimate(int examples) {
        return Estimate.defined(examples, IntervalSource.exact(examples));
    }

    @Override
    public <R> R accept(Family<R> family) {
        return family.count(this);
    }
}
