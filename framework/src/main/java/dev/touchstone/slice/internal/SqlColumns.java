package dev.touchstone.slice.internal;

import org.apiguardian.api.API;

/** What a slice needs to know of a SQL source's columns to become a {@code WHERE} condition. */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface SqlColumns {

    /**
     * How a column compares: as numbers (FLOATING ones may hold NaN or infinities), as text, not
     * at all (ABSENT), or only in memory (OTHER: dates, times, booleans and other types whose
     * text in memory is the driver's spelling, which SQL literals need not match).
     */
    enum Kind { NUMBER, FLOATING, TEXT, OTHER, ABSENT }

    Kind kind(String column);

    /** The column as an identifier in the engine's SQL. */
    String identifier(String column);
}
