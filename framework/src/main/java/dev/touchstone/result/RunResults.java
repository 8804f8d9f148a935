package dev.touchstone.result;

import java.util.List;
import org.apiguardian.api.API;

/** The whole results file: schema version, run facts and one entry per statement and slice. */
@API(status = API.Status.STABLE, since = "0.1")
public record RunResults(int schemaVersion, RunInfo run, List<CheckEntry> checks) {

    public static final int SCHEMA_VERSION = 1;

    public RunResults {
        checks = List.copyOf(checks);
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }
}
