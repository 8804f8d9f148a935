package dev.touchstone.engine;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The engine's few lines on the console. */
final class ConsoleReport {

    private static final String PREFIX = "[touchstone] ";

    private ConsoleReport() {
    }

    static void resultsWritten(Path file) {
        System.out.println(PREFIX + "results written to " + file.toAbsolutePath().normalize());
    }

    static void notice(String text) {
        System.out.println(PREFIX + text);
    }

    /** The baseline after an update: counts, then every entry that changed, with its values. */
    static void baselineUpdated(BaselineChange change) {
        System.out.println(PREFIX + "baseline updated: " + change.directory().toAbsolutePath().normalize() + " ("
                + change.counts() + ")");
        changes(change);
    }

    /** Entries recorded because comparisons found none. */
    static void baselineRecorded(BaselineChange change) {
        System.out.println(PREFIX + "recorded " + change.entries().size() + " missing baseline "
                + (change.entries().size() == 1 ? "entry" : "entries") + " in "
                + change.directory().toAbsolutePath().normalize());
        changes(change);
    }

    private static void changes(BaselineChange change) {
        for (BaselineChange.Entry e : change.entries()) {
            if (e.kind() != BaselineChange.Kind.UNCHANGED && e.kind() != BaselineChange.Kind.KEPT) {
                System.out.println(PREFIX + String.format(Locale.ROOT, "  %-9s %s  %s", e.kind().label(), e.key(),
                        e.values()));
            }
        }
    }

    /** One line per judged slice: verdict, where, what was measured, what was expected. */
    static void judged(String check, List<StatementResult> statements) {
        for (StatementResult statement : statements) {
            for (SliceResult slice : statement.slices()) {
                var value = slice.value();
                var interval = value.interval();
                boolean exact = "exact".equals(interval.method());
                String measured = !value.isDefined() ? "undefined"
                        : exact ? String.format(Locale.ROOT, "%,.0f", value.value())
                        : String.format(Locale.ROOT, "%.4f", value.value())
                                + (interval.isDefined() ? String.format(Locale.ROOT, " [%.4f, %.4f]",
                                        interval.low(), interval.high()) : "");
                System.out.println(String.format(Locale.ROOT, PREFIX + "%-12s %s [%s] %s %s, expected %s",
                        slice.verdict(), check, slice.slice(), slice.metric(), measured,
                        slice.expectation().describe(3)));
            }
        }
    }
}
