package dev.touchstone.config;

import org.apiguardian.api.API;

/** Which comparisons form one family for the multiplicity correction ({@code touchstone.multiplicity.scope}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum MultiplicityScope {
    /** The slices of one statement (default). */
    STATEMENT,
    /** Every comparison of one spec class. */
    SPEC,
    /** Every comparison of the run. */
    RUN
}
