package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The evidence of a statement as a self-contained HTML document: one table row per slice, in
 * slice order, with the value, its interval, the expectation, the verdict and why.
 *
 * <p>The document has inline CSS only (no scripts, no external resources) and is well-formed
 * XML, so it can be attached to an Allure report as {@code text/html}, embedded, or parsed.
 * Failing, inconclusive and erroneous rows are highlighted but keep their place.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvidenceHtml {

    private static final String[] COLUMNS = {
        "slice", "metric", "value", "interval", "n", "expectation", "baseline", "p-value", "verdict", "reason"
    };

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
            font-size:13px;color:#212121;margin:12px;background:#ffffff}
            table.evidence{border-collapse:collapse;width:100%}
            caption{caption-side:top;text-align:left;font-size:15px;font-weight:600;padding:4px 0 8px}
            caption .summary{display:block;font-size:12px;font-weight:400;color:#555555;margin-top:2px}
            th,td{border:1px solid #dddddd;padding:4px 8px;text-align:left;vertical-align:top}
            thead th{background:#f3f3f3;font-weight:600;white-space:nowrap}
            td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.interval{white-space:nowrap;font-variant-numeric:tabular-nums}
            td.slice .name{font-weight:600}
            .definition{display:block;color:#666666;font-size:11px;font-family:ui-monospace,Menlo,Consolas,monospace}
            .undefined{font-style:italic;color:#666666;border-bottom:1px dotted #666666;cursor:help}
            .method,.level{color:#555555}
            .badge{display:inline-block;padding:1px 6px;border-radius:3px;font-weight:600;font-size:11px}
            .more{color:#555555;font-size:11px;margin-top:2px}
            ul.notes{margin:2px 0 0 16px;padding:0;color:#555555;font-size:11px}
            """;

    private EvidenceHtml() {
    }

    /**
     * One row per slice: slice, metric, value, interval (level, low, high, method), n,
     * expectation, baseline, p-value, verdict (coloured) and reason.
     *
     * @param slices the results to show, in the order to show them; may be empty
     * @return a complete HTML document
     */
    public static String table(List<SliceResult> slices) {
        Objects.requireNonNull(slices, "slices");
        List<SliceResult> rows = List.copyOf(slices);
        String models = Facts.distinct(rows, SliceResult::model);
        String datasets = Facts.distinct(rows, SliceResult::dataset);
        String metrics = Facts.distinct(rows, SliceResult::metric);

        StringBuilder out = new StringBuilder(2048 + rows.size() * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>")
                .append(text(title(metrics, models, datasets)))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<table class=\"evidence\">\n");
        caption(out, rows, models, datasets, metrics);
        out.append("<thead><tr>");
        for (String column : COLUMNS) {
            out.append("<th scope=\"col\" class=\"").append(column).append("\">").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            out.append("<tr class=\"empty\"><td colspan=\"").append(COLUMNS.length)
                    .append("\">no slices were evaluated</td></tr>\n");
        }
        for (SliceResult row : rows) {
            row(out, row);
        }
        out.append("</tbody>\n</table>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String title(String metrics, String models, String datasets) {
        StringBuilder title = new StringBuilder("Touchstone evidence");
        if (!metrics.isEmpty()) {
            title.append(": ").append(metrics);
        }
        if (!models.isEmpty()) {
            title.append(" \u2013 ").append(models);
        }
        if (!datasets.isEmpty()) {
            title.append(" on ").append(datasets);
        }
        return title.toString();
    }

    private static void caption(StringBuilder out, List<SliceResult> rows, String models, String datasets,
            String metrics) {
        out.append("<caption>");
        out.append("model <span class=\"model\">").append(text(models.isEmpty() ? "unknown" : models))
                .append("</span> on dataset <span class=\"dataset\">")
                .append(text(datasets.isEmpty() ? "unknown" : datasets)).append("</span>");
        out.append("<span class=\"summary\">");
        if (!metrics.isEmpty()) {
            out.append(text(metrics)).append(" &#183; ");
        }
        out.append(rows.size()).append(rows.size() == 1 ? " slice" : " slices");
        String sep = ": ";
        for (Verdict verdict : Verdict.values()) {
            long count = rows.stream().filter(r -> r.verdict() == verdict).count();
            if (count > 0) {
                out.append(sep).append(count).append(' ').append(verdict.name().toLowerCase(java.util.Locale.ROOT));
                sep = ", ";
            }
        }
        out.append("</span></caption>\n");
    }

    private static void row(StringBuilder out, SliceResult row) {
        MetricValue value = row.value();
        Verdict verdict = row.verdict();
        String colour = Palette.colour(verdict);
        String tint = Palette.tint(verdict);
        out.append("<tr class=\"verdict-").append(verdict.name().toLowerCase(java.util.Locale.ROOT))
                .append("\" data-verdict=\"").append(verdict.name()).append('"');
        if (tint != null) {
            out.append(" style=\"background-color:").append(tint).append('"');
        }
        out.append(">\n");

        // slice, with its definition when that says more than the name
        out.append("<td class=\"slice\" style=\"border-left:4px solid ").append(colour).append("\">")
                .append("<span class=\"name\">").append(text(value.slice())).append("</span>");
        String definition = row.sliceDefinition();
        if (definition != null && !definition.isBlank() && !definition.equals(value.slice())) {
            out.append("<span class=\"definition\">").append(text(definition)).append("</span>");
        }
        out.append("</td>\n");

        out.append("<td class=\"metric\">").append(text(value.metric())).append("</td>\n");

        out.append("<td class=\"value num\">");
        if (Facts.hasValue(value)) {
            out.append(Facts.value(row));
        } else {
            undefined(out, Facts.undefinedReason(value));
        }
        out.append("</td>\n");

        out.append("<td class=\"interval\"><span class=\"level\">").append(text(Markup.percent(value.interval().level())))
                .append("</span> ");
        if (Facts.hasValue(value) && Facts.hasInterval(value)) {
            out.append("[<span class=\"low\">").append(Facts.low(row)).append("</span>, <span class=\"high\">")
                    .append(Facts.high(row)).append("</span>]");
        } else {
            undefined(out, Facts.undefinedIntervalReason(value));
        }
        out.append(" <span class=\"method\">").append(text(value.interval().method())).append("</span></td>\n");

        out.append("<td class=\"n num\">").append(Markup.count(value.n())).append("</td>\n");
        out.append("<td class=\"expectation\">").append(text(Facts.expectation(row))).append("</td>\n");
        out.append("<td class=\"baseline num\"></td>\n");
        out.append("<td class=\"p-value num\"></td>\n");
        out.append("<td class=\"verdict\"><span class=\"badge\" style=\"background-color:").append(colour)
                .append(";color:").append(Palette.onColour(verdict)).append("\">").append(verdict.name())
                .append("</span></td>\n");

        out.append("<td class=\"reason\"");
        if (row.message() != null && !row.message().isBlank()) {
            out.append(" title=\"").append(attr(row.message())).append('"');
        }
        out.append('>').append(text(Facts.orEmpty(row.reason())));
        if (verdict == Verdict.INCONCLUSIVE && row.examplesNeeded() != null && row.examplesNeeded().isPresent()) {
            out.append("<div class=\"more\">about ").append(Markup.count(row.examplesNeeded().getAsLong()))
                    .append(" examples would decide (now ").append(Markup.count(value.n())).append(")</div>");
        }
        if (!value.notes().isEmpty()) {
            out.append("<ul class=\"notes\">");
            for (String note : value.notes()) {
                out.append("<li>").append(text(note)).append("</li>");
            }
            out.append("</ul>");
        }
        out.append("</td>\n</tr>\n");
    }

    private static void undefined(StringBuilder out, String reason) {
        out.append("<span class=\"undefined\" title=\"").append(attr(reason)).append("\">undefined</span>");
    }
}
