package dev.touchstone.engine;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.nio.file.Path;
import java.util.List;
import dev.touchstone.wording.Wording;
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

    /**
     * One line per judged slice: verdict, where, and the slice's evidence in the words and digits
     * of every other output ({@code recall 0.873 95% [0.846, 0.897], expected above 0.900}).
     */
    static void judged(String check, List<StatementResult> statements) {
        for (StatementResult statement : statements) {
            if (!statement.slices().isEmpty()) {
                SliceResult first = statement.slices().get(0);
                first.warning().ifPresent(w -> warning(check + ": " + first.metric() + " " + w));
            }
            for (SliceResult slice : statement.slices()) {
                print(line(check, slice));
            }
        }
    }

    /** {@code [touchstone] FAILED       Spec.check [night] recall 0.873 95% [0.846, 0.897], expected above 0.900}. */
    static String line(String check, SliceResult slice) {
        return String.format(Locale.ROOT, PREFIX + "%-12s %s [%s] %s", slice.verdict(), check, slice.slice(),
                Wording.line(Evidence.of(slice)));
    }
}
