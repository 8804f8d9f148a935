package dev.touchstone.engine;

import dev.touchstone.Touchstone;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the entries of the results file during a run; writes the file once, at the end. */
final class RunCollector {

    private final Instant startedAt = Instant.now();
    private final List<CheckEntry> entries = new ArrayList<>();

    synchronized void add(List<CheckEntry> checkEntries) {
        entries.addAll(checkEntries);
    }

    synchronized RunResults results(long seed) {
        return new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(startedAt, Instant.now(), seed, Touchstone.version()),
                entries);
    }

    Path write(Path resultsDir, long seed) {
        Path file = resultsDir.resolve(ResultsJson.FILE_NAME);
        ResultsJson.write(file, results(seed));
        return file;
    }
}
