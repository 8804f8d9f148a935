package dev.touchstone.slice;

import org.apiguardian.api.API;

/**
 * The time windows just before the one judged, as a reference: {@code previousWindows(14)}.
 * Windows where the metric is undefined (an empty window) are left out of the reference.
 *
 * @param count how many earlier windows, at least 3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record PreviousWindows(int count) {

    public PreviousWindows {
        if (count < 3) {
            throw new IllegalArgumentException("a reference of previous windows needs at least 3 windows but was " + count);
        }
    }

    /** {@code previous-windows(14)}: how the reference is named in results. */
    public String source() {
        return "previous-windows(" + count + ")";
    }
}
