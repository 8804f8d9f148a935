package dev.touchstone.report;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Slice results built directly from the public records. */
final class Fixtures {

    static final Expectation AT_LEAST_080_95 = Expectation.of(Expectation.Kind.AT_LEAST, 0.8, OptionalDouble.of(0.95));

    private Fixtures() {
    }

    static SliceResult result(String slice, String metric, double value, double low, double high, long n,
            Expectation expectation, Verdict verdict) {
        MetricValue v = new MetricValue(metric, slice, value, n, new Interval(low, high, 0.95, "wilson"),
                Optional.empty(), List.of(), Optional.empty());
        return new SliceResult("detector-v7", "detections", slice, v, expectation, verdict,
                "reason for " + slice, OptionalLong.empty(), "message for " + slice);
    }

    static SliceResult recall(String slice, double value, double low, double high, long n, Verdict verdict) {
        return result(slice, "recall", value, low, high, n, AT_LEAST_080_95, verdict);
    }

    /** A slice on which the metric is undefined (conventional value 0, no interval). */
    static SliceResult undefined(String slice, String reason) {
        MetricValue v = new MetricValue("recall", slice, 0.0, 3, Interval.undefined(0.95, "wilson"),
                Optional.of(reason), List.of(), Optional.empty());
        return new SliceResult("detector-v7", "detections", slice, v, AT_LEAST_080_95, Verdict.INCONCLUSIVE,
                "recall is undefined on this slice: " + reason, OptionalLong.empty(), "message");
    }

    /** A defined value whose interval could not be computed. */
    static SliceResult withoutInterval(String slice, double value) {
        MetricValue v = new MetricValue("recall", slice, value, 7, Interval.undefined(0.95, "wilson"),
                Optional.empty(), List.of(), Optional.empty());
        return new SliceResult("detector-v7", "detections", slice, v, AT_LEAST_080_95, Verdict.INCONCLUSIVE,
                "the 95% interval cannot be computed on this slice", OptionalLong.empty(), "message");
    }
}
