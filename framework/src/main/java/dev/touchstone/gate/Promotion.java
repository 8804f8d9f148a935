package dev.touchstone.gate;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Making a run the baseline, and when not to: the gate of the baseline. The run's candidate is
 * merged into the baseline (entries it measured replaced, the others kept), but a run is not
 * promoted without {@code touchstone.baseline.force} when it would make results that did not pass
 * the reference of the next builds, or when pruning would remove entries of checks that did not
 * run (a filtered run cannot tell a removed check from one it did not select). A candidate that
 * does not belong to the last results file (its run stopped before recording it) is never
 * promoted.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Promotion {

    /** Lines listed per reason in a refusal; the rest are counted. */
    static final int MAX_LISTED = 10;

    /**
     * How to promote.
     *
     * @param name  the baseline to update ({@code previous-run})
     * @param prune remove the entries the run did not measure
     * @param force promote although the run has results that did not pass, or pruning loses entries
     */
    public record Options(String name, boolean prune, boolean force) {

        public Options {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A promotion refused: what it would bless or lose, and how to force it. */
    public static final class Refused extends QualityConfigurationException {
        private static final long serialVersionUID = 1L;

        Refused(List<String> lines) {
            super(lines);
        }
    }

    private Promotion() {
    }

    /** Promotes the last run recorded in {@code resultsDir}, judged by its {@code results.json}. */
    public static BaselineChange promote(Path resultsDir, Path baselineDir, Options options, BaselineStore store) {
        Path file = resultsDir.resolve(ResultsJson.FILE_NAME);
        if (!Files.exists(file)) {
            throw new QualityConfigurationException("no recorded run to promote: there are no results at " + file
                    + "; run the quality specs first (mvn verify)");
        }
        return promote(ResultsJson.read(file), resultsDir, baselineDir, options, store);
    }

    /** Promotes the run of {@code results}, whose candidate is in {@code resultsDir}. */
    public static BaselineChange promote(RunResults results, Path resultsDir, Path baselineDir, Options options,
            BaselineStore store) {
        String runId = results.run().runId();
        if (runId == null) {
            throw new QualityConfigurationException("the results in " + resultsDir + " do not say which run wrote them "
                    + "(written by an older Touchstone): run the quality specs again before promoting");
        }
        Path candidate = resultsDir.resolve(BaselineStore.CANDIDATE);
        return store.promote(candidate, runId, baselineDir.resolve(options.name()), options.prune(),
                change -> approve(results, change, options));
    }

    static void approve(RunResults results, BaselineChange change, Options options) {
        if (options.force()) {
            return;
        }
        List<List<String>> reasons = new ArrayList<>();
        List<CheckEntry> notPassed = results.checks().stream().filter(e -> e.verdict() != Verdict.PASSED).toList();
        if (!notPassed.isEmpty()) {
            Map<String, BaselineChange.Entry> byKey = change.entries().stream()
                    .collect(Collectors.toMap(BaselineChange.Entry::key, Function.identity(), (a, b) -> a));
            reasons.add(listed("the run has " + Numbers.plural(notPassed.size(), "result", "results") + " that did not "
                    + "pass, and promoting it would make " + (notPassed.size() == 1 ? "it" : "them")
                    + " the reference of the next builds", notPassed.stream().map(e -> blessed(e, byKey)).toList()));
        }
        if (options.prune()) {
            Set<String> ran = results.checks().stream().map(e -> BaselineEntry.checkKey(e.spec(), e.check()))
                    .collect(Collectors.toSet());
            List<BaselineChange.Entry> lost = change.of(BaselineChange.Kind.REMOVED).stream()
                    .filter(c -> !ran.contains(c.entry().checkKey())).toList();
            if (!lost.isEmpty()) {
                reasons.add(listed("pruning would remove " + Numbers.plural(lost.size(), "entry", "entries")
                        + " of checks that did not run (not selected in this run, or removed from the specs)",
                        lost.stream().map(c -> c.key() + "  " + c.values()).toList()));
            }
        }
        if (!reasons.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (List<String> reason : reasons) {
                if (lines.isEmpty()) {
                    lines.add("Touchstone baseline " + options.name() + " not updated: " + reason.get(0));
                } else {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "; and " + reason.get(0));
                }
                lines.addAll(reason.subList(1, reason.size()));
            }
            lines.add("Promote it anyway with -D" + ConfigKeys.BASELINE_FORCE + "=true");
            throw new Refused(lines);
        }
    }

    // "FAILED  DetectorQualityTest.recallAtNight night recall 0.760: 0.900 → 0.760 (−0.140)"
    private static String blessed(CheckEntry e, Map<String, BaselineChange.Entry> changes) {
        String what = e.verdict() + "  " + EntryText.checkName(e);
        if (e.metric() == null) {
            return what + ": " + EntryText.headline(e) + " (its entries keep their previous values)";
        }
        BaselineChange.Entry change = changes.get(BaselineEntry.key(e.spec(), e.check(), String.valueOf(e.model()),
                String.valueOf(e.dataset()), String.valueOf(e.slice()), e.metric()));
        return what + " " + EntryText.slice(e) + " " + e.metric() + " " + EntryText.value(e)
                + (change == null ? "" : ": " + change.values());
    }

    /** The reason's line, then one indented line per item (at most {@code MAX_LISTED}). */
    private static List<String> listed(String reason, List<String> items) {
        List<String> lines = new ArrayList<>();
        lines.add(reason + ":");
        for (int i = 0; i < Math.min(items.size(), MAX_LISTED); i++) {
            lines.add("  " + items.get(i));
        }
        if (items.size() > MAX_LISTED) {
            lines.add("  … and " + (items.size() - MAX_LISTED) + " more");
        }
        return lines;
    }
}
