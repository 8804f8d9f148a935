package dev.touchstone.gate;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The gate's table for a console: one aligned row per result, those that need attention first
 * (check, slice, metric, value, interval, expected or baseline, p-value, verdict).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateTable {

    static final String[] HEADER = {"check", "slice", "metric", "value", "interval", "expected / baseline", "p-value",
        "verdict"};

    private GateTable() {
    }

    /**
     * The cells of one row, each on one line: a control character in a name from the results
     * file (a slice value with a line break) is escaped, so it cannot split the row or print a
     * line of its own.
     */
    static String[] cells(GateReport report, CheckEntry e) {
        String[] cells = {EntryText.checkName(e), EntryText.slice(e), EntryText.metric(e), EntryText.value(e),
            EntryText.interval(e), expected(report, e), EntryText.pValue(e), verdict(report, e)};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Printable.escape(cells[i]);
        }
        return cells;
    }

    /** The spec's expectation, and the limit of every POM rule the result misses: the row shows what it was held to. */
    static String expected(GateReport report, CheckEntry e) {
        List<String> all = new ArrayList<>(report.ruleLimits(e));
        String own = EntryText.expected(e);
        if (all.isEmpty() || !"-".equals(own)) {
            all.add(0, own);
        }
        return String.join("; ", all);
    }

    /** The verdict of the results file, or {@code RULE VIOLATED} for a PASSED result a POM rule rejects. */
    static String verdict(GateReport report, CheckEntry e) {
        return e.verdict() == Verdict.PASSED && report.violatesRule(e) ? "RULE VIOLATED" : e.verdict().name();
    }

    /** The header, a rule line, then one line per result; no trailing spaces. */
    public static List<String> render(GateReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CheckEntry e : report.rows()) {
            rows.add(cells(report, e));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                lines.add(line(rule, widths));
            }
        }
        return lines;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append("  ");
            }
            boolean right = i == 3 || i == 6;
            String pad = " ".repeat(widths[i] - cells[i].length());
            out.append(right ? pad + cells[i] : cells[i] + pad);
        }
        return out.toString().stripTrailing();
    }
}
