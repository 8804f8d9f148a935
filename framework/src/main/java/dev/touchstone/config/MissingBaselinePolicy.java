package dev.touchstone.config;

import org.apiguardian.api.API;

/** What a comparison with a baseline that has no entry does ({@code touchstone.baseline.missing}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum MissingBaselinePolicy {
    /** An error that says how to record the baseline (default). */
    FAIL,
    /** The check is reported as skipped (aborted). */
    SKIP,
    /**
     * The run records the missing entries in the baseline (adding only: existing entries never
     * change) and the check is reported as skipped, saying so: the first baseline in one run.
     */
    RECORD
}
