package dev.touchstone.engine;

import dev.touchstone.assertion.internal.VacuousBounds;
import dev.touchstone.internal.text.Printable;
import java.nio.file.Path;

/**
 * The engine's few lines on the console. Each is one line whatever the names in it hold: control
 * characters in slice, model or dataset names (values from data) are escaped ({@link Printable}),
 * so that data cannot print a line of its own ("\n[INFO] BUILD SUCCESS").
 */
final class ConsoleReport {

    private ConsoleReport() {
    }

    private static void print(String line) {
        System.out.println(Printable.escape(line));
    }

    /** A configuration problem that does not stop the run (an unknown key). */
    static void warning(String message) {
        print("[touchstone] warning: " + message);
    }

    static void resultsWritten(Path file) {
        print("[touchstone] results written to " + file.toAbsolutePath().normalize());
    }

    static void baselineUpdated(dev.touchstone.baseline.BaselineChange change) {
        print("[touchstone] baseline updated: " + change.directory().toAbsolutePath().normalize()
                + " (" + change.added().size() + " new, " + change.removed().size() + " removed, "
                + change.improved().size() + " improved, " + change.degraded().size() + " degraded, "
                + change.unchanged().size() + " unchanged)");
    }

    static void outcomesSkipped(dev.touchstone.baseline.EvaluationSource source, int maxRows) {
        print("[touchstone] per-example outcomes of " + source.model() + " on " + source.dataset() + " ("
                + source.size() + " rows) not recorded: more than touchstone.outcomes.max-rows=" + maxRows
                + "; comparisons with this baseline will be unpaired");
    }

    /** One line per judged slice: verdict, where, what was measured, what was expected. */
    static void judged(String check, java.util.List<dev.touchstone.result.StatementResult> statements) {
        for (dev.touchstone.result.StatementResult statement : statements) {
            if (!statement.slices().isEmpty()) {
                dev.touchstone.result.SliceResult first = statement.slices().get(0);
                VacuousBounds.warning(first.metric(), first.expectation())
                        .ifPresent(w -> warning(check + ": " + first.metric() + " " + w));
            }
            for (dev.touchstone.result.SliceResult slice : statement.slices()) {
                var value = slice.value();
                var interval = value.interval();
                boolean exact = "exact".equals(interval.method());
                String measured = !value.isDefined() ? "undefined"
                        : exact ? String.format(java.util.Locale.ROOT, "%,.0f", value.value())
                        : String.format(java.util.Locale.ROOT, "%.4f", value.value())
                                + (interval.isDefined() ? String.format(java.util.Locale.ROOT, " [%.4f, %.4f]",
                                        interval.low(), interval.high()) : "");
                print(String.format(java.util.Locale.ROOT, "[touchstone] %-12s %s [%s] %s %s, expected %s",
                        slice.verdict(), check, slice.slice(), slice.metric(), measured,
                        slice.expectation().describe(3)));
            }
        }
    }
}
