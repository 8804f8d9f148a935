package dev.touchstone.result;

import java.time.Instant;
import org.apiguardian.api.API;

/** {@code "run": {"startedAt", "finishedAt", "seed", "touchstoneVersion"}}. */
@API(status = API.Status.STABLE, since = "0.1")
public record RunInfo(Instant startedAt, Instant finishedAt, long seed, String touchstoneVersion) {
}
