package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.io.DirectoryLock;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The baseline store: directories laid out as {@code baseline.json} plus {@code outcomes/*.csv}.
 * Each run records a candidate under the results directory ({@value #CANDIDATE}), stamped with
 * the run's id. Promoting it merges it into a baseline: entries the run measured are replaced,
 * the others kept unless pruning is asked for. Every write replaces its directory atomically
 * ({@link AtomicFiles#replaceDirectory}) while holding a lock on it, and first cleans up what a
 * killed writer left behind, so neither a crash nor a concurrent run leaves a half-written or
 * mixed baseline.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineStore {

    /** The candidate baseline each run records, under the results directory. */
    public static final String CANDIDATE = "baseline-candidate";
    public static final String OUTCOMES = "outcomes";

    /** One entry of a run's candidate, and the evaluation whose per-example outcomes it pairs on. */
    public record Recorded(BaselineEntry entry, EvaluationSource source) {

        public Recorded {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Decides whether a promotion may go ahead, seeing what it would change; refuses by throwing
     * (a {@link QualityConfigurationException} that says why and how to force it).
     */
    @FunctionalInterface
    public interface Approval {
        void approve(BaselineChange change);
    }

    private final Duration lockWait;

    private BaselineStore(Duration lockWait) {
        this.lockWait = lockWait;
    }

    /** The store as runs use it: a writer waits up to a minute for another to finish. */
    public static BaselineStore standard() {
        return new BaselineStore(DirectoryLock.DEFAULT_WAIT);
    }

    /** A store whose writers wait at most {@code wait} for each other. */
    public static BaselineStore waitingAtMost(Duration wait) {
        return new BaselineStore(wait);
    }

    /**
     * Writes a run's candidate baseline under {@code resultsDir}, replacing the last one: the
     * entries, stamped with {@code runId}, and the per-example outcomes of every evaluation with
     * at most {@code outcomesMaxRows} examples. Outcomes that cannot be written (too many rows, an
     * example without an id) cost only their own entries' pairing: those entries keep their
     * values, every other entry is recorded as usual, and {@code notices} says what happened.
     */
    public Path writeCandidate(Path resultsDir, String runId, List<Recorded> recorded, int outcomesMaxRows,
            Consumer<String> notices) {
        Path candidate = resultsDir.resolve(CANDIDATE);
        try (DirectoryLock ignored = lock(resultsDir)) {
            AtomicFiles.recover(candidate);
            AtomicFiles.replaceDirectory(candidate, staging -> {
                Map<EvaluationSource, String> files = new IdentityHashMap<>();
                for (Recorded r : recorded) {
                    if (!files.containsKey(r.source())) {
                        files.put(r.source(), writeOutcomes(staging, files.size(), r.source(), outcomesMaxRows, notices));
                    }
                }
                List<BaselineEntry> entries = new ArrayList<>();
                for (Recorded r : recorded) {
                    entries.add(r.entry().withOutcomes(files.get(r.source())).withRunId(runId));
                }
                BaselineFile.write(staging.resolve(BaselineFile.FILE_NAME), "candidate", runId, entries);
            });
            return candidate;
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write the baseline candidate " + candidate + ": " + e, e);
        }
    }

    // The file's name holds a hash of its content: written under a temporary name, then renamed.
    // (Not Files.createTempFile: its owner-only permissions would stick to the committed file.)
    private static String writeOutcomes(Path staging, int index, EvaluationSource source, int maxRows,
            Consumer<String> notices) throws IOException {
        String what = "per-example outcomes of " + source.model() + " on " + source.dataset();
        if (source.size() > maxRows) {
            notices.accept(what + " (" + source.size() + " rows) not recorded: more than touchstone.outcomes.max-rows="
                    + maxRows + "; comparisons with this baseline will be unpaired");
            return null;
        }
        Path temporary = Files.createDirectories(staging.resolve(OUTCOMES)).resolve(".writing-" + index + ".csv");
        try {
            source.writeOutcomes(temporary);
            String name = OutcomesFiles.name(source.model(), source.dataset(), OutcomesFiles.hash(temporary));
            Files.move(temporary, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return name;
        } catch (QualityConfigurationException e) {
            Files.deleteIfExists(temporary);
            notices.accept(what + " not recorded: " + e.getMessage() + "; its baseline entries keep their values, "
                    + "and comparisons with them will be unpaired");
            return null;
        }
    }

    /**
     * Merges the candidate in {@code candidateDir} into the baseline {@code target}: entries the
     * run measured replace theirs, the others are kept, or removed when {@code prune}. Refuses a
     * candidate that does not belong to run {@code runId} (a stale one, left by an earlier run),
     * and whatever {@code approval} refuses.
     */
    public BaselineChange promote(Path candidateDir, String runId, Path target, boolean prune, Approval approval) {
        return merge(candidateDir, runId, target, approval, (current, candidate) -> plan(target, current,
                candidate.entries(), prune));
    }

    /**
     * Adds the candidate's entries {@code keys} to the baseline {@code target} where it has none
     * (the first recording of a comparison); never changes an entry that exists.
     */
    public BaselineChange addMissing(Path candidateDir, String runId, Path target, Set<String> keys) {
        return merge(candidateDir, runId, target, change -> { }, (current, candidate) -> {
            Map<String, BaselineEntry> added = new java.util.TreeMap<>();
            for (String key : keys) {
                BaselineEntry entry = candidate.entries().get(key);
                if (entry != null && !current.containsKey(key)) {
                    added.put(key, entry);
                }
            }
            BaselineChange change = plan(target, current, added, false);
            // only what was missing is listed; the rest of the baseline is untouched
            return new BaselineChange(target, change.of(BaselineChange.Kind.ADDED));
        });
    }

    private interface Planner {
        BaselineChange plan(Map<String, BaselineEntry> current, BaselineFile.Contents candidate);
    }

    private BaselineChange merge(Path candidateDir, String runId, Path target, Approval approval, Planner planner) {
        Path candidateFile = candidateDir.resolve(BaselineFile.FILE_NAME);
        try (DirectoryLock results = lock(candidateDir.getParent()); DirectoryLock baseline = lock(target)) {
            if (!Files.exists(candidateFile)) {
                throw new QualityConfigurationException("no recorded run to promote: " + candidateFile
                        + " does not exist; run the quality specs first (mvn verify)");
            }
            BaselineFile.Contents candidate = BaselineFile.load(candidateFile);
            if (!runId.equals(candidate.runId())) {
                throw new QualityConfigurationException("the baseline candidate " + candidateDir + " was recorded by run "
                        + candidate.runId() + ", not by the last run (" + runId + "): that run stopped before it "
                        + "recorded its candidate. Run the quality specs again before promoting");
            }
            AtomicFiles.recover(target);
            Path currentFile = target.resolve(BaselineFile.FILE_NAME);
            Map<String, BaselineEntry> current = Files.exists(currentFile) ? BaselineFile.read(currentFile) : Map.of();
            BaselineChange change = planner.plan(current, candidate);
            approval.approve(change);
            write(target, candidateDir, runId, current, change);
            return change;
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write baseline " + target + ": " + e.getMessage(), e);
        }
    }

    static BaselineChange plan(Path target, Map<String, BaselineEntry> current, Map<String, BaselineEntry> incoming,
            boolean prune) {
        List<BaselineChange.Entry> entries = new ArrayList<>();
        for (BaselineEntry now : incoming.values()) {
            BaselineEntry old = current.get(now.key());
            if (old == null) {
                entries.add(new BaselineChange.Entry(BaselineChange.Kind.ADDED, null, now));
            } else if (now.sameMeasurement(old)) {
                // nothing new: the entry keeps the run that recorded it
                entries.add(new BaselineChange.Entry(BaselineChange.Kind.UNCHANGED, old, old));
            } else {
                double delta = (now.value() - old.value()) * (higherIsBetter(now.metric()) ? 1 : -1);
                BaselineChange.Kind kind = delta > 0 ? BaselineChange.Kind.IMPROVED
                        : delta < 0 ? BaselineChange.Kind.DEGRADED : BaselineChange.Kind.UNCHANGED;
                entries.add(new BaselineChange.Entry(kind, old, now));
            }
        }
        for (BaselineEntry old : current.values()) {
            if (!incoming.containsKey(old.key())) {
                entries.add(prune ? new BaselineChange.Entry(BaselineChange.Kind.REMOVED, old, null)
                        : new BaselineChange.Entry(BaselineChange.Kind.KEPT, old, old));
            }
        }
        return new BaselineChange(target, entries);
    }

    // The new baseline holds the entries after the change and exactly the outcome files they name,
    // taken from the candidate when it has them (new entries), else from the baseline (kept ones).
    private static void write(Path target, Path candidateDir, String runId, Map<String, BaselineEntry> current,
            BaselineChange change) throws IOException {
        Set<String> changed = new HashSet<>();
        change.entries().forEach(c -> changed.add(c.key()));
        List<BaselineEntry> entries = new ArrayList<>();
        for (BaselineEntry e : current.values()) {
            if (!changed.contains(e.key())) {
                entries.add(e); // not part of this change (adding missing entries only)
            }
        }
        for (BaselineChange.Entry c : change.entries()) {
            if (c.after() != null) {
                entries.add(c.after());
            }
        }
        Set<String> files = new LinkedHashSet<>();
        entries.forEach(e -> {
            if (e.outcomes() != null) {
                files.add(e.outcomes());
            }
        });
        AtomicFiles.replaceDirectory(target, staging -> {
            Files.createDirectories(staging.resolve(OUTCOMES));
            for (String file : files) {
                Path from = Files.exists(candidateDir.resolve(file)) ? OutcomesFiles.resolve(candidateDir, file)
                        : OutcomesFiles.resolve(target, file);
                if (!Files.isRegularFile(from)) {
                    throw new QualityConfigurationException("baseline outcomes " + from + ", named in "
                            + target.resolve(BaselineFile.FILE_NAME) + ", do not exist: restore them, or prune the "
                            + "entries that name them");
                }
                Files.copy(from, staging.resolve(file));
            }
            BaselineFile.write(staging.resolve(BaselineFile.FILE_NAME), target.getFileName().toString(), runId, entries);
        });
    }

    private DirectoryLock lock(Path directory) throws IOException {
        return DirectoryLock.acquire(directory, lockWait);
    }

    /** Whether larger values of a result's metric are better; user metrics are taken as higher-is-better. */
    public static boolean higherIsBetter(String metric) {
        return BuiltInMetrics.forResultName(metric).map(BuiltInMetric::higherIsBetter).orElse(true);
    }
}
