package dev.touchstone.result;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code "run": {"startedAt", "finishedAt", "seed", "touchstoneVersion", "runId"}}.
 *
 * @param runId a fresh id per run, also recorded in the run's baseline candidate, so that
 *              promotion never takes another run's candidate for this one; null in files written
 *              before it existed
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunInfo(Instant startedAt, Instant finishedAt, long seed, String touchstoneVersion,
        @Nullable String runId) {

    /** Run facts without a run id. */
    public RunInfo(Instant startedAt, Instant finishedAt, long seed, String touchstoneVersion) {
        this(startedAt, finishedAt, seed, touchstoneVersion, null);
    }
}
