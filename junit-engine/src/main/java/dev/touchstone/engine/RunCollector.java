package dev.touchstone.engine;

import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.baseline.Baselines;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.baseline.EvaluationSource;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a run produced: the entries of the results file, and the statements from which
 * the run's baseline candidate is recorded. Writes both once, at the end.
 */
final class RunCollector {

    private final Instant startedAt = Instant.now();
    private final List<CheckEntry> entries = new ArrayList<>();
    private final Map<String, BaselineEntry> baseline = new LinkedHashMap<>();
    private final Map<String, EvaluationSource> sources = new LinkedHashMap<>();
    private final Baselines baselines = new Baselines();

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
            EvaluationSource source = statement.source().get();
            String outcomes = BaselineStore.OUTCOMES + "/" + source.outcomesFileName();
            for (SliceResult slice : statement.slices()) {
                MetricValue value = slice.value();
                String key = BaselineEntry.key(check.spec(), check.check(), value.slice(), value.metric());
                if (baseline.containsKey(key) || !value.isDefined()) {
                    continue;
                }
                sources.putIfAbsent(outcomes, source);
                baseline.put(key, new BaselineEntry(key, check.spec(), check.check(), value.slice(), value.metric(),
                        slice.model(), slice.dataset(), value.value(), value.n(), value.interval().level(),
                        value.interval().low(), value.interval().high(), value.interval().method(), value.statistics(),
                        source.fingerprint(), outcomes));
            }
        }
    }

    synchronized RunResults results(long seed) {
        return new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(startedAt, Instant.now(), seed, TouchstoneVersion.current()),
                entries);
    }

    Path write(Path resultsDir, long seed) {
        Path file = resultsDir.resolve(ResultsJson.FILE_NAME);
        ResultsJson.write(file, results(seed));
        return file;
    }

    /** Writes the run's baseline candidate (values and per-example outcomes) under the results directory. */
    synchronized Path writeCandidate(Path resultsDir, int outcomesMaxRows) {
        return BaselineStore.writeCandidate(resultsDir, new ArrayList<>(baseline.values()), sources, outcomesMaxRows,
                source -> ConsoleReport.outcomesSkipped(source, outcomesMaxRows));
    }
}
