package dev.touchstone.engine;

import dev.touchstone.assertion.internal.VacuousBounds;
import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The engine's few lines on the console. Each is one line whatever the names in it hold: control
 * characters in slice, model or dataset names (values from data) are escaped ({@link Printable}),
 * so that data cannot print a line of its own ("\n[INFO] BUILD SUCCESS").
 */
final class ConsoleReport {

    private static final String PREFIX = "[touchstone] ";

    private ConsoleReport() {
    }

    private static void print(String line) {
        System.out.println(Printable.escape(line));
    }

    /** A configuration problem that does not stop the run (an unknown key). */
    static void warning(String message) {
        print(PREFIX + "warning: " + message);
    }

    static void resultsWritten(Path file) {
        print(PREFIX + "results written to " + file.toAbsolutePath().normalize());
    }

    static void notice(String text) {
        // a notice may span lines (a refused promotion lists entries): each line is escaped on its own
        for (String line : text.split("\\R", -1)) {
            print(PREFIX + line);
        }
    }

    /** The baseline after an update: counts, then every entry that changed, with its values. */
    static void baselineUpdated(BaselineChange change) {
        print(PREFIX + "baseline updated: " + change.directory().toAbsolutePath().normalize() + " ("
                + change.counts() + ")");
        changes(change);
    }

    /** Entries recorded because comparisons found none. */
    static void baselineRecorded(BaselineChange change) {
        print(PREFIX + "recorded " + change.entries().size() + " missing baseline "
                + (change.entries().size() == 1 ? "entry" : "entries") + " in "
                + change.directory().toAbsolutePath().normalize());
        changes(change);
    }

    private static void changes(BaselineChange change) {
        for (BaselineChange.Entry e : change.entries()) {
            if (e.kind() != BaselineChange.Kind.UNCHANGED && e.kind() != BaselineChange.Kind.KEPT) {
                print(PREFIX + String.format(Locale.ROOT, "  %-9s %s  %s", e.kind().label(), e.key(), e.values()));
            }
        }
    }

    /** One line per judged slice: verdict, where, what was measured, what was expected. */
    static void judged(String check, List<StatementResult> statements) {
        for (StatementResult statement : statements) {
            if (!statement.slices().isEmpty()) {
                SliceResult first = statement.slices().get(0);
                VacuousBounds.warning(first.metric(), first.expectation())
                        .ifPresent(w -> warning(check + ": " + first.metric() + " " + w));
            }
            for (SliceResult slice : statement.slices()) {
                var value = slice.value();
                var interval = value.interval();
                boolean exact = "exact".equals(interval.method());
                String measured = !value.isDefined() ? "undefined"
                        : exact ? String.format(Locale.ROOT, "%,.0f", value.value())
                        : String.format(Locale.ROOT, "%.4f", value.value())
                                + (interval.isDefined() ? String.format(Locale.ROOT, " [%.4f, %.4f]",
                                        interval.low(), interval.high()) : "");
                print(String.format(Locale.ROOT, PREFIX + "%-12s %s [%s] %s %s, expected %s",
                        slice.verdict(), check, slice.slice(), slice.metric(), measured,
                        slice.expectation().describe(3)));
            }
        }
    }
}
