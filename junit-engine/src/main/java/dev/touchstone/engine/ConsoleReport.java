package dev.touchstone.engine;

import java.nio.file.Path;

/** The engine's few lines on the console. */
final class ConsoleReport {

    private ConsoleReport() {
    }

    static void resultsWritten(Path file) {
        System.out.println("[touchstone] results written to " + file.toAbsolutePath().normalize());
    }

    static void baselineUpdated(dev.touchstone.baseline.BaselineChange change) {
        System.out.println("[touchstone] baseline updated: " + change.directory().toAbsolutePath().normalize()
                + " (" + change.added().size() + " new, " + change.removed().size() + " removed, "
                + change.improved().size() + " improved, " + change.degraded().size() + " degraded, "
                + change.unchanged().size() + " unchanged)");
    }

    static void outcomesSkipped(dev.touchstone.result.EvaluationSource source, int maxRows) {
        System.out.println("[touchstone] per-example outcomes of " + source.model() + " on " + source.dataset() + " ("
                + source.size() + " rows) not recorded: more than touchstone.outcomes.max-rows=" + maxRows
                + "; comparisons with this baseline will be unpaired");
    }
}
