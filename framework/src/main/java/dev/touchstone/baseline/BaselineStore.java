package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.io.FileTrees;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The baseline store: directories laid out as {@code baseline.json} plus {@code outcomes/*.csv}.
 * Each run records a candidate under the results directory ({@value #CANDIDATE}); promoting it
 * replaces a baseline atomically ({@link AtomicFiles#replaceDirectory}: a sibling directory is
 * renamed into place), so a crash never leaves a half-written baseline.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineStore {

    /** The candidate baseline each run records, under the results directory. */
    public static final String CANDIDATE = "baseline-candidate";
    public static final String OUTCOMES = "outcomes";


    private BaselineStore() {
    }

    /**
     * Writes a run's candidate baseline under {@code resultsDir}, replacing the last one
     * atomically: the entries, and per-example outcomes of every evaluation with at most
     * {@code outcomesMaxRows} examples (larger ones keep values only and are handed to
     * {@code skipped}; their comparisons will be unpaired).
     *
     * @param sources the evaluations behind the entries, by the outcomes file each entry names
     */
    public static Path writeCandidate(Path resultsDir, List<BaselineEntry> entries, Map<String, EvaluationSource> sources,
            int outcomesMaxRows, Consumer<EvaluationSource> skipped) {
        Path candidate = resultsDir.resolve(CANDIDATE);
        try {
            AtomicFiles.replaceDirectory(candidate, staging -> {
                Files.createDirectories(staging.resolve(OUTCOMES));
                List<String> without = new ArrayList<>();
                for (Map.Entry<String, EvaluationSource> source : sources.entrySet()) {
                    if (source.getValue().size() <= outcomesMaxRows) {
                        source.getValue().writeOutcomes(staging.resolve(source.getKey()));
                    } else {
                        without.add(source.getKey());
                        skipped.accept(source.getValue());
                    }
                }
                List<BaselineEntry> kept = new ArrayList<>();
                for (BaselineEntry e : entries) {
                    kept.add(without.contains(e.outcomes()) ? withoutOutcomes(e) : e);
                }
                BaselineFile.write(staging.resolve(BaselineFile.FILE_NAME), "candidate", Instant.now().toString(),
                        TouchstoneVersion.current(), kept);
            });
            return candidate;
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write the baseline candidate " + candidate + ": "
                    + e.getMessage(), e);
        }
    }

    private static BaselineEntry withoutOutcomes(BaselineEntry e) {
        return new BaselineEntry(e.key(), e.spec(), e.check(), e.slice(), e.metric(), e.model(), e.dataset(), e.value(),
                e.n(), e.intervalLevel(), e.intervalLow(), e.intervalHigh(), e.intervalMethod(), e.statistics(),
                e.fingerprint(), null);
    }

    /**
     * Promotes the candidate recorded by the last run in {@code resultsDir} to the baseline
     * {@code name} under {@code baselineDir}, and says what changed.
     */
    public static BaselineChange promote(Path resultsDir, Path baselineDir, String name) {
        Path candidate = resultsDir.resolve(CANDIDATE);
        if (!Files.isRegularFile(candidate.resolve(BaselineFile.FILE_NAME))) {
            throw new QualityConfigurationException("no recorded run to promote: " + candidate.resolve(BaselineFile.FILE_NAME)
                    + " does not exist; run the quality specs first (mvn verify)");
        }
        return replace(candidate, baselineDir.resolve(name));
    }

    /** Replaces {@code target} with a copy of {@code source}, atomically; returns the change. */
    public static BaselineChange replace(Path source, Path target) {
        Map<String, BaselineEntry> before = Files.isRegularFile(target.resolve(BaselineFile.FILE_NAME))
                ? BaselineFile.read(target.resolve(BaselineFile.FILE_NAME)) : Map.of();
        Map<String, BaselineEntry> after = BaselineFile.read(source.resolve(BaselineFile.FILE_NAME));
        try {
            AtomicFiles.replaceDirectory(target, staging -> {
                FileTrees.copy(source, staging);
                // The copy is named after its new home (a candidate becomes "previous-run").
                BaselineFile.write(staging.resolve(BaselineFile.FILE_NAME), target.getFileName().toString(),
                        Instant.now().toString(), TouchstoneVersion.current(), new ArrayList<>(after.values()));
            });
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write baseline " + target + ": " + e.getMessage(), e);
        }
        return change(target, before, after);
    }

    static BaselineChange change(Path target, Map<String, BaselineEntry> before, Map<String, BaselineEntry> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> improved = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (BaselineEntry now : after.values()) {
            BaselineEntry old = before.get(now.key());
            if (old == null) {
                added.add(now.key());
                continue;
            }
            double delta = now.value() - old.value();
            if (!higherIsBetter(now.metric())) {
                delta = -delta;
            }
            (delta > 0 ? improved : delta < 0 ? degraded : unchanged).add(now.key());
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                removed.add(key);
            }
        }
        return new BaselineChange(target, added, removed, improved, degraded, unchanged);
    }

    /** Whether larger values of a result's metric are better; user metrics are taken as higher-is-better. */
    public static boolean higherIsBetter(String metric) {
        return BuiltInMetrics.forResultName(metric).map(BuiltInMetric::higherIsBetter).orElse(true);
    }
}
