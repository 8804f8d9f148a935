package dev.touchstone.gate;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.Verdict;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The gate as Markdown for a pull request page (GitHub's job summary, a comment): the verdict
 * and summary line, the results that need attention with their evidence, the POM rules, then
 * every other result in one table.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkdownSummary {

    /** The summary's file name, beside {@code results.json}: written on every run of the gate. */
    public static final String FILE_NAME = "summary.md";

    /** Results listed with their full evidence; the rest of those that need attention are in the table only. */
    static final int MAX_DETAILED = 50;
    /** Passed results listed; a summary stays well under GitHub's 1 MiB job-summary limit. */
    static final int MAX_PASSED_ROWS = 500;

    private MarkdownSummary() {
    }

    public static String render(GateReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(report.passed() ? "✅" : "❌").append(" Touchstone quality gate ")
                .append(report.passed() ? "passed" : "failed").append("\n\n");
        md.append(report.summary()).append("\n\n");
        RunInfo run = report.results().run();
        md.append("<sub>Run ").append(run.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(run.finishedAt().truncatedTo(ChronoUnit.SECONDS)).append(", seed ")
                .append(run.seed()).append(", Touchstone ").append(run.touchstoneVersion()).append("</sub>\n");

        List<CheckEntry> attention = report.attention();
        if (!attention.isEmpty()) {
            md.append("\n### Needs attention (").append(attention.size()).append(")\n\n");
            table(md, report, attention, true);
            int shown = 0;
            for (CheckEntry e : attention) {
                if (shown++ == MAX_DETAILED) {
                    md.append("\n_Evidence of ").append(attention.size() - MAX_DETAILED)
                            .append(" more results is in target/touchstone/results.json._\n");
                    break;
                }
                md.append("\n#### ").append(icon(report, e)).append(' ').append(escape(EntryText.checkName(e)))
                        .append(" · ").append(escape(EntryText.slice(e))).append(" · ").append(escape(EntryText.metric(e)))
                        .append("\n\n");
                String ruleLines = report.violations().stream()
                        .filter(v -> v.kind() == Violation.Kind.RULE && v.entry() == e)
                        .map(v -> "- " + escape(v.message())).collect(Collectors.joining("\n"));
                if (e.verdict() != Verdict.PASSED) {
                    md.append(escape(GateMessages.check(e))).append("\n\n");
                }
                if (!ruleLines.isEmpty()) {
                    md.append(ruleLines).append("\n\n");
                }
                md.append("```text\n").append(codeBlock(e.message())).append("\n```\n");
            }
        }

        if (!report.options().rules().isEmpty() || report.options().maxInconclusive().isPresent()) {
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
            for (Violation v : ruleViolations) {
                md.append("- ❌ ").append(escape(v.message())).append("\n");
            }
        }

        List<CheckEntry> passed = report.rows().stream().filter(e -> !attention.contains(e)).toList();
        if (!passed.isEmpty()) {
            md.append("\n### Passed (").append(passed.size()).append(")\n\n");
            table(md, report, passed.subList(0, Math.min(passed.size(), MAX_PASSED_ROWS)), false);
            if (passed.size() > MAX_PASSED_ROWS) {
                md.append("\n_").append(passed.size() - MAX_PASSED_ROWS).append(" more passed results are in results.json._\n");
            }
        }
        return md.toString();
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

    private static void table(StringBuilder md, GateReport report, List<CheckEntry> rows, boolean withIcon) {
        md.append(withIcon ? "| | " : "| ").append(String.join(" | ", GateTable.HEADER)).append(" |\n");
        md.append(withIcon ? "|---|" : "|").append("---|---|---|--:|---|---|--:|---|\n");
        for (CheckEntry e : rows) {
            String[] cells = GateTable.cells(report, e);
            md.append(withIcon ? "| " + icon(report, e) + " | " : "| ");
            for (int i = 0; i < cells.length; i++) {
                md.append(i == 0 ? "`" + cells[i].replace("`", "'") + "`" : escape(cells[i])).append(" | ");
            }
            md.setLength(md.length() - 1);
            md.append("\n");
        }
    }

    private static String icon(GateReport report, CheckEntry e) {
        return switch (e.verdict()) {
            case ERROR -> "💥";
            case FAILED -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case PASSED -> report.violatesRule(e) ? "❌" : "✅";
        };
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
