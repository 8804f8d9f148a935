package dev.touchstone.engine;

import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.baseline.Baselines;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collects what a run produced: the entries of the results file, the statements from which the
 * run's baseline candidate is recorded, and the baseline entries to record because a comparison
 * found none. Everything the run writes carries its id.
 */
final class RunCollector {

    private final String runId = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final List<CheckEntry> entries = new ArrayList<>();
    private final Map<String, BaselineStore.Recorded> candidate = new LinkedHashMap<>();
    private final Map<Path, Set<String>> toRecord = new LinkedHashMap<>();
    private final Baselines baselines = new Baselines();

    String runId() {
        return runId;
    }

    /** The baselines this run has read: each read once per run. */
    Baselines baselines() {
        return baselines;
    }

    synchronized void add(List<CheckEntry> checkEntries) {
        entries.addAll(checkEntries);
    }

    /** Remembers the statements of a check for the baseline candidate (first statement per key wins). */
    synchronized void record(CheckId check, List<StatementResult> statements) {
        for (StatementResult statement : statements) {
            if (statement.source().isEmpty()) {
                continue;
            }
            for (SliceResult slice : statement.slices()) {
                MetricValue value = slice.value();
                if (!value.isDefined()) {
                    continue;
                }
                BaselineEntry entry = new BaselineEntry(check.spec(), check.check(), slice.model(), slice.dataset(),
                        value.slice(), value.metric(), value.value(), value.n(), value.interval().level(),
                        value.interval().low(), value.interval().high(), value.interval().method(), value.statistics(),
                        statement.source().get().fingerprint(), null, runId);
                candidate.putIfAbsent(entry.key(), new BaselineStore.Recorded(entry, statement.source().get()));
            }
        }
    }

    /** Entries a comparison found missing, to add to their baseline at the end of the run. */
    synchronized void toRecord(MissingBaseline missing) {
        toRecord.computeIfAbsent(missing.directory(), d -> new LinkedHashSet<>()).addAll(missing.keys());
    }

    synchronized Map<Path, Set<String>> toRecord() {
        return Map.copyOf(toRecord);
    }

    synchronized RunResults results(long seed) {
        return new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(startedAt, Instant.now(), seed,
                TouchstoneVersion.current(), runId), entries);
    }

    RunResults write(Path resultsDir, long seed) {
        RunResults results = results(seed);
        ResultsJson.write(resultsDir.resolve(ResultsJson.FILE_NAME), results);
        return results;
    }

    /** Writes the run's baseline candidate (values and per-example outcomes) under the results directory. */
    synchronized Path writeCandidate(BaselineStore store, Path resultsDir, int outcomesMaxRows) {
        return store.writeCandidate(resultsDir, runId, new ArrayList<>(candidate.values()), outcomesMaxRows,
                ConsoleReport::notice);
    }
}
