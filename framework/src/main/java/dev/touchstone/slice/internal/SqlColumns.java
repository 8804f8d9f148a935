package dev.touchstone.slice.internal;

import org.apiguardian.api.API;

/** What a slice needs to know of a SQL source's columns to become a {@code WHERE} condition. */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface SqlColumns {

    /** How a column compares: as numbers (floating point ones may hold NaN), as text, or not at all. */
    enum Kind { NUMBER, FLOATING, TEXT, ABSENT }

    Kind kind(String column);

    /** The column as an identifier in the engine's SQL. */
    String identifier(String column);
}
