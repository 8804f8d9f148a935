package dev.touchstone.gate;

import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How much of a baseline a run covered: its entries the run measured (or recorded for the first
 * time), out of all. A run that covers fewer, such as {@code -Dtest=Spec#check}, is green about
 * what it ran only, and the gate says so.
 *
 * @param directory the baseline's directory
 * @param entries   how many entries it holds
 * @param ran       how many of them this run measured or recorded
 * @param recorded  the entries this run recorded (their {@code runId} is the run's)
 * @param filtered  whether the tests were selected ({@code -Dtest}), so a partial run is expected
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record BaselineCoverage(Path directory, int entries, int ran, List<BaselineEntry> recorded, boolean filtered) {

    public BaselineCoverage {
        Objects.requireNonNull(directory, "directory");
        recorded = List.copyOf(recorded);
    }

    /** The coverage of the baseline in {@code directory} by {@code results}; empty when there is no baseline. */
    public static Optional<BaselineCoverage> of(RunResults results, Path directory, boolean filtered) {
        Path file = directory.resolve(BaselineFile.FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Collection<BaselineEntry> all = BaselineFile.read(file).values();
        Set<String> measured = results.checks().stream().filter(e -> e.metric() != null && e.slice() != null)
                .map(BaselineCoverage::key).collect(Collectors.toSet());
        String runId = results.run().runId();
        List<BaselineEntry> recorded = all.stream().filter(e -> runId != null && runId.equals(e.runId())).toList();
        int ran = (int) all.stream().filter(e -> measured.contains(e.key()) || recorded.contains(e)).count();
        return Optional.of(new BaselineCoverage(directory, all.size(), ran, recorded, filtered));
    }

    private static String key(CheckEntry e) {
        return BaselineEntry.key(e.spec(), e.check(), String.valueOf(e.model()), String.valueOf(e.dataset()), e.slice(),
                e.metric());
    }

    /** Whether some entries of the baseline did not run. */
    public boolean partial() {
        return ran < entries;
    }

    /**
     * {@code 3 of 25 baseline entries ran (filtered run)}, or, when no tests were selected,
     * {@code 3 of 25 baseline entries ran (22 did not: checks not run, or removed from the specs)}.
     */
    public String summary() {
        String ratio = ran + " of " + Numbers.plural(entries, "baseline entry", "baseline entries") + " ran";
        if (!partial()) {
            return ratio;
        }
        return ratio + (filtered ? " (filtered run)" : " (" + (entries - ran) + " did not: checks not run, or removed "
                + "from the specs)");
    }

    /** {@code 6 baseline entries recorded by this run in src/test/touchstone/previous-run}. */
    public String recordedSummary() {
        return Numbers.plural(recorded.size(), "baseline entry", "baseline entries") + " recorded by this run in "
                + directory;
    }
}
