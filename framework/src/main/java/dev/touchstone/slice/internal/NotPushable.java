package dev.touchstone.slice.internal;

import org.apiguardian.api.API;

/**
 * A slice condition that has no exact SQL equivalent here (an order comparison on a text column,
 * an unknown column, a NaN bound): the slice is selected in memory instead, which also gives the
 * usual error where the condition does not fit the data.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class NotPushable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotPushable(String reason) {
        super(reason, null, false, false);
    }
}
