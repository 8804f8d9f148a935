package dev.touchstone.gate;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.Verdict;
import dev.touchstone.wording.Wording;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The gate as Markdown for a pull request (GitHub's job summary, a comment), made to fit one:
 * the verdict and summary line, a line when the run was filtered, one table row per result that
 * needs attention (with its difference from the baseline), each check's full evidence folded in
 * a {@code <details>} block, the POM rules, and the passed results folded too. The whole stays
 * under {@link #MAX_CHARS}: what does not fit is named, with where to read it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkdownSummary {

    /** The summary's file name, beside {@code results.json}: written on every run of the gate. */
    public static final String FILE_NAME = "summary.md";

    /** Characters a summary may hold: a GitHub pull-request comment holds 65,536. */
    static final int MAX_CHARS = 60_000;
    /** Rows of the table of results that need attention. */
    static final int MAX_ATTENTION_ROWS = 200;
    /** Kept free for the sections after the evidence (rules, passed results, pointers). */
    static final int RESERVE = 6_000;

    static final String[] ATTENTION_HEADER = {"check", "slice", "metric", "value", "interval", "Δ vs baseline",
        "expected", "p-value", "verdict"};

    private MarkdownSummary() {
    }

    public static String render(GateReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(report.passed() ? "✅" : "❌").append(" Touchstone quality gate ")
                .append(report.passed() ? "passed" : "failed").append("\n\n");
        md.append(escape(report.summary())).append("\n\n");
        filtered(report).ifPresent(line -> md.append("> ").append(escape(line)).append("\n\n"));
        RunInfo run = report.results().run();
        md.append("<sub>Run ").append(run.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(run.finishedAt().truncatedTo(ChronoUnit.SECONDS)).append(", seed ")
                .append(run.seed()).append(", Touchstone ").append(escape(run.touchstoneVersion())).append("</sub>\n");

        List<CheckEntry> attention = report.attention();
        if (!attention.isEmpty()) {
            md.append("\n### Needs attention (").append(attention.size()).append(")\n\n");
            attentionTable(md, report, attention);
            evidence(md, report, attention);
        }
        rules(md, report);
        List<CheckEntry> passed = report.rows().stream().filter(e -> !attention.contains(e)).toList();
        if (!passed.isEmpty()) {
            md.append("\n<details><summary>✅ Passed (").append(passed.size()).append(")</summary>\n\n");
            int shown = passedTable(md, report, passed);
            if (shown < passed.size()) {
                md.append("\n_").append(passed.size() - shown).append(" more passed results are in results.json._\n");
            }
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /** The line a filtered run gets: what ran of the baseline, and that the gate judged only that. */
    static Optional<String> filtered(GateReport report) {
        if (report.coverage().isPresent() && report.coverage().get().partial()) {
            BaselineCoverage c = report.coverage().get();
            return Optional.of((c.filtered() ? "🔎 Filtered run: " : "⚠️ ") + c.summary()
                    + "; this gate judged only the results of this run");
        }
        if (report.options().filteredRun()) {
            return Optional.of("🔎 Filtered run: only the selected tests ran; this gate judged only their results");
        }
        return Optional.empty();
    }

    private static void attentionTable(StringBuilder md, GateReport report, List<CheckEntry> rows) {
        md.append("| | ").append(String.join(" | ", ATTENTION_HEADER)).append(" |\n");
        md.append("|---|---|---|---|--:|---|--:|---|--:|---|\n");
        int shown = 0;
        for (CheckEntry e : rows) {
            if (shown++ == MAX_ATTENTION_ROWS) {
                md.append("\n_").append(rows.size() - MAX_ATTENTION_ROWS)
                        .append(" more results need attention: see results.json beside this summary._\n");
                break;
            }
            String[] cells = GateTable.cells(report, e);
            md.append("| ").append(icon(report, e)).append(" | `").append(cells[0].replace("`", "'")).append("` | ")
                    .append(escape(cells[1])).append(" | ").append(escape(cells[2])).append(" | ")
                    .append(escape(cells[3])).append(" | ").append(escape(cells[4])).append(" | ")
                    .append(escape(Printable.escape(EntryText.delta(e)))).append(" | ").append(escape(cells[5]))
                    .append(" | ").append(escape(cells[6])).append(" | ").append(escape(cells[7])).append(" |\n");
        }
    }

    // Each check's evidence once, folded: the message of every slice that needs attention, and the
    // rules it breaks. Checks whose evidence would not fit are named, with where to read it.
    private static void evidence(StringBuilder md, GateReport report, List<CheckEntry> attention) {
        Map<String, List<CheckEntry>> byCheck = new LinkedHashMap<>();
        for (CheckEntry e : attention) {
            byCheck.computeIfAbsent(EntryText.checkName(e), k -> new ArrayList<>()).add(e);
        }
        md.append('\n');
        List<String> left = new ArrayList<>();
        for (Map.Entry<String, List<CheckEntry>> check : byCheck.entrySet()) {
            String block = details(report, check.getKey(), check.getValue());
            if (!left.isEmpty() || md.length() + block.length() > MAX_CHARS - RESERVE) {
                left.add(check.getKey());
                continue;
            }
            md.append(block);
        }
        if (!left.isEmpty()) {
            md.append("\n_The evidence of ").append(left.size()).append(left.size() == 1 ? " check" : " checks")
                    .append(" (").append(escape(String.join(", ", left.subList(0, Math.min(left.size(), 10)))))
                    .append(left.size() > 10 ? ", ..." : "").append(") is not shown: this summary is kept under ")
                    .append(Numbers.count(MAX_CHARS)).append(" characters to fit a pull-request comment. Read it in "
                            + "results.json beside this summary, or in the report: `mvn touchstone:report`._\n");
        }
    }

    private static String details(GateReport report, String check, List<CheckEntry> entries) {
        long failed = entries.stream().filter(e -> e.verdict() == Verdict.FAILED).count();
        String what = entries.size() == 1 ? entries.get(0).verdict().name().toLowerCase(Locale.ROOT)
                + (report.violatesRule(entries.get(0)) && entries.get(0).verdict() == Verdict.PASSED ? ", rule violated"
                        : "")
                : entries.size() + " results need attention" + (failed > 0 ? " (" + failed + " failed)" : "");
        StringBuilder block = new StringBuilder("<details><summary>").append(icon(report, entries.get(0)))
                .append(" <code>").append(html(check)).append("</code>: ").append(html(what))
                .append("</summary>\n\n");
        for (CheckEntry e : entries) {
            String rules = report.violations().stream()
                    .filter(v -> v.kind() == Violation.Kind.RULE && v.entry() == e)
                    .map(v -> "- " + escape(v.message())).collect(Collectors.joining("\n"));
            if (!rules.isEmpty()) {
                block.append(rules).append("\n\n");
            }
            block.append("```text\n").append(codeBlock(message(e))).append("\n```\n\n");
        }
        return block.append("</details>\n").toString();
    }

    // The entry's message written again from its facts, when the file holds them all (0.3 on);
    // else the message as the engine wrote it.
    private static String message(CheckEntry e) {
        return e.metric() != null && e.reason() != null ? Wording.message(e.evidence()) : e.message();
    }

    private static void rules(StringBuilder md, GateReport report) {
        if (report.options().rules().isEmpty() && report.options().maxInconclusive().isEmpty()) {
            return;
        }
        md.append("\n### POM rules\n\n");
        for (Rule rule : report.options().rules()) {
            md.append("- ").append(escape(rule.toString())).append("\n");
        }
        report.options().maxInconclusive().ifPresent(max -> md.append("- at most ").append(max)
                .append(" inconclusive results\n"));
        List<Violation> ruleViolations = report.violations().stream()
                .filter(v -> v.kind() == Violation.Kind.RULE || v.kind() == Violation.Kind.RULE_UNMATCHED
                        || v.kind() == Violation.Kind.TOO_MANY_INCONCLUSIVE)
                .toList();
        md.append("\n").append(ruleViolations.isEmpty() ? "Every rule is met.\n" : "");
        int shown = 0;
        for (Violation v : ruleViolations) {
            if (shown++ == MAX_ATTENTION_ROWS) {
                md.append("- ... and ").append(ruleViolations.size() - MAX_ATTENTION_ROWS).append(" more\n");
                break;
            }
            md.append("- ❌ ").append(escape(v.message())).append("\n");
        }
    }

    /**
     * The summary of a gate that judged no results: why not, so that a pull request never shows
     * an earlier build's verdict.
     *
     * @param failed whether the gate failed (stale results) rather than skipped (tests skipped)
     */
    public static String notJudged(boolean failed, String reason) {
        return "## " + (failed ? "❌ Touchstone quality gate failed" : "⏭️ Touchstone quality gate skipped") + "\n\n"
                + escape(reason) + "\n";
    }

    // The rows that fit what is left of the size budget.
    private static int passedTable(StringBuilder md, GateReport report, List<CheckEntry> rows) {
        md.append("| ").append(String.join(" | ", GateTable.HEADER)).append(" |\n");
        md.append("|---|---|---|--:|---|---|--:|---|\n");
        int shown = 0;
        for (CheckEntry e : rows) {
            StringBuilder row = new StringBuilder("| ");
            String[] cells = GateTable.cells(report, e);
            for (int i = 0; i < cells.length; i++) {
                row.append(i == 0 ? "`" + cells[i].replace("`", "'") + "`" : escape(cells[i])).append(" | ");
            }
            row.setLength(row.length() - 1);
            if (md.length() + row.length() + 400 > MAX_CHARS) {
                break;
            }
            md.append(row).append("\n");
            shown++;
        }
        return shown;
    }

    private static String icon(GateReport report, CheckEntry e) {
        return switch (e.verdict()) {
            case ERROR -> "💥";
            case FAILED -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case PASSED -> report.violatesRule(e) ? "❌" : "✅";
        };
    }

    // Text inside HTML (a <summary>): control characters escaped, then <, > and & as entities.
    private static String html(String text) {
        return Printable.escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // Table cells and list items: control characters escaped first (a line break would end the
    // row, see Printable); then pipes end a cell, and <, >, * and _ would be read as markup.
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Printable.escape(text).toCharArray()) {
            switch (c) {
                case '|', '*', '_', '`', '[', ']', '\\' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // A message in a code block: its own lines kept, each escaped, and no fence inside it.
    static String codeBlock(String message) {
        return message.strip().lines().map(Printable::escape).map(line -> line.replace("```", "'''"))
                .collect(Collectors.joining("\n"));
    }
}
