package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/**
 * The positive-class scores of one slice, split by true class. When {@code sorted}, both arrays
 * are in ascending order (read from one shared sort of a large score column).
 *
 * @param positiveName the positive class, for messages
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record ScoreSample(double[] positives, double[] negatives, boolean sorted, String positiveName) {

    public int size() {
        return positives.length + negatives.length;
    }
}
