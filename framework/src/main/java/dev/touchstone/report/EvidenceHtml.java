package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The evidence of a statement as HTML: one table row per slice, in slice order, with the value,
 * its interval, the expectation, for comparisons the reference's value, the difference with its
 * interval and the p-value the verdict was judged on, the verdict and why.
 *
 * <p>{@link #table} is a self-contained document (inline CSS only, no scripts, no external
 * resources, well-formed XML), to attach or serve. {@link #fragment} is the same table with
 * every style inline, to embed in a page that has its own style sheet (Allure's test
 * description). Failing, inconclusive and erroneous rows are highlighted but keep their place.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvidenceHtml {

    private static final String[] COLUMNS = {
        "slice", "metric", "value", "interval", "n", "expectation", "baseline", "difference", "p-value", "verdict",
        "reason"
    };

    private static final String FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private static final String CELL = "border:1px solid #dddddd;padding:4px 8px;text-align:left;vertical-align:top";
    private static final String NUM = CELL + ";text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums";
    private static final String SMALL = "display:block;color:#555555;font-size:11px";

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
            .more{display:block;color:#555555;font-size:11px;margin-top:2px}
            ul.notes{margin:2px 0 0 16px;padding:0;color:#555555;font-size:11px}
            tr.current td{font-weight:600}
            """;

    private EvidenceHtml() {
    }

    /**
     * One row per slice: slice, metric, value, interval (level, low, high, method), n,
     * expectation, baseline, difference, p-value, verdict (coloured) and reason.
     *
     * @param slices the results to show, in the order to show them; may be empty
     * @return a complete HTML document
     */
    public static String table(List<SliceResult> slices) {
        Objects.requireNonNull(slices, "slices");
        List<SliceResult> rows = List.copyOf(slices);
        StringBuilder out = new StringBuilder(2048 + rows.size() * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>")
                .append(text(title(Facts.distinct(rows, SliceResult::metric), Facts.distinct(rows, SliceResult::model),
                        Facts.distinct(rows, SliceResult::dataset))))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        new Writer(out, false, null).table(rows);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /**
     * The same table as {@link #table}, as one {@code <div>} element with every style inline
     * and no document around it, for a page that embeds it (an Allure test's description).
     *
     * @param slices  the results to show, in order; may be empty
     * @param current the slice whose row is emphasised (the test the page is about), or null
     * @return a well-formed XHTML fragment
     */
    public static String fragment(List<SliceResult> slices, String current) {
        Objects.requireNonNull(slices, "slices");
        StringBuilder out = new StringBuilder(2048 + slices.size() * 1400);
        out.append("<div xmlns=\"http://www.w3.org/1999/xhtml\" class=\"touchstone-evidence\" style=\"").append(FONT)
                .append("font-size:13px;color:#212121;overflow-x:auto\">\n");
        new Writer(out, true, current).table(List.copyOf(slices));
        out.append("</div>\n");
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

    /** Writes the table; with {@code inline}, each element carries its own style instead of a class rule. */
    private record Writer(StringBuilder out, boolean inline, String current) {

        void table(List<SliceResult> rows) {
            String models = Facts.distinct(rows, SliceResult::model);
            String datasets = Facts.distinct(rows, SliceResult::dataset);
            String metrics = Facts.distinct(rows, SliceResult::metric);
            // embedded in a narrow pane (Allure's test page), the table scrolls sideways instead of
            // squeezing its eleven columns into rows a screen tall
            out.append("<table").append(attrs("evidence", "border-collapse:collapse;width:100%"
                    + (inline ? ";min-width:1100px" : ""))).append(">\n");
            caption(rows, models, datasets, metrics);
            out.append("<thead><tr>");
            for (String column : COLUMNS) {
                out.append("<th scope=\"col\"").append(attrs(column, CELL + ";background:#f3f3f3;font-weight:600;"
                        + "white-space:nowrap")).append('>').append(column).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            if (rows.isEmpty()) {
                out.append("<tr class=\"empty\"><td colspan=\"").append(COLUMNS.length).append('"')
                        .append(attrs(null, CELL)).append(">no slices were evaluated</td></tr>\n");
            }
            for (SliceResult row : rows) {
                row(row);
            }
            out.append("</tbody>\n</table>\n");
        }

        private String attrs(String cssClass, String style) {
            StringBuilder a = new StringBuilder();
            if (cssClass != null) {
                a.append(" class=\"").append(cssClass).append('"');
            }
            if (inline && style != null && !style.isEmpty()) {
                a.append(" style=\"").append(style).append('"');
            }
            return a.toString();
        }

        private void caption(List<SliceResult> rows, String models, String datasets, String metrics) {
            out.append("<caption").append(attrs(null, "caption-side:top;text-align:left;font-size:15px;font-weight:600;"
                    + "padding:4px 0 8px")).append('>');
            out.append("model <span class=\"model\">").append(text(models.isEmpty() ? "unknown" : models))
                    .append("</span> on dataset <span class=\"dataset\">")
                    .append(text(datasets.isEmpty() ? "unknown" : datasets)).append("</span>");
            out.append("<span").append(attrs("summary", "display:block;font-size:12px;font-weight:400;color:#555555;"
                    + "margin-top:2px")).append('>');
            if (!metrics.isEmpty()) {
                out.append(text(metrics)).append(" &#183; ");
            }
            out.append(rows.size()).append(rows.size() == 1 ? " slice" : " slices");
            String sep = ": ";
            for (Verdict verdict : Verdict.values()) {
                long count = rows.stream().filter(r -> r.verdict() == verdict).count();
                if (count > 0) {
                    out.append(sep).append(count).append(' ').append(verdict.name().toLowerCase(Locale.ROOT));
                    sep = ", ";
                }
            }
            out.append("</span></caption>\n");
        }

        private void row(SliceResult row) {
            MetricValue value = row.value();
            Verdict verdict = row.verdict();
            String colour = Palette.colour(verdict);
            String tint = Palette.tint(verdict);
            boolean isCurrent = current != null && current.equals(value.slice());
            out.append("<tr class=\"verdict-").append(verdict.name().toLowerCase(Locale.ROOT))
                    .append(isCurrent ? " current" : "").append("\" data-verdict=\"").append(verdict.name()).append('"');
            String rowStyle = (tint == null ? "" : "background-color:" + tint) + (isCurrent && inline
                    ? (tint == null ? "" : ";") + "font-weight:600;outline:2px solid " + colour : "");
            if (!rowStyle.isEmpty()) {
                out.append(" style=\"").append(rowStyle).append('"');
            }
            out.append(">\n");

            // slice, with its definition when that says more than the name
            out.append("<td class=\"slice\" style=\"border-left:4px solid ").append(colour)
                    .append(inline ? ";" + CELL.replace("border:1px solid #dddddd;", "border-top:1px solid #dddddd;"
                            + "border-bottom:1px solid #dddddd;border-right:1px solid #dddddd;") : "")
                    .append("\"><span").append(attrs("name", "font-weight:600")).append('>').append(text(value.slice()))
                    .append("</span>");
            String definition = row.sliceDefinition();
            if (definition != null && !definition.isBlank() && !definition.equals(value.slice())) {
                out.append("<span").append(attrs("definition", SMALL.replace("#555555", "#666666")
                        + ";font-family:ui-monospace,Menlo,Consolas,monospace")).append('>').append(text(definition))
                        .append("</span>");
            }
            out.append("</td>\n");

            out.append("<td").append(attrs("metric", CELL)).append('>').append(text(value.metric())).append("</td>\n");

            out.append("<td").append(attrs("value num", NUM)).append('>');
            if (Facts.hasValue(value)) {
                out.append(Facts.value(row));
            } else {
                undefined(Facts.undefinedReason(value));
            }
            out.append("</td>\n");

            out.append("<td").append(attrs("interval", CELL + ";white-space:nowrap;font-variant-numeric:tabular-nums"))
                    .append("><span").append(attrs("level", "color:#555555")).append('>')
                    .append(text(Markup.percent(value.interval().level()))).append("</span> ");
            if (Facts.hasValue(value) && Facts.hasInterval(value)) {
                out.append("[<span class=\"low\">").append(Facts.low(row)).append("</span>, <span class=\"high\">")
                        .append(Facts.high(row)).append("</span>]");
            } else {
                undefined(Facts.undefinedIntervalReason(value));
            }
            out.append(" <span").append(attrs("method", "color:#555555")).append('>')
                    .append(text(value.interval().method())).append("</span></td>\n");

            out.append("<td").append(attrs("n num", NUM)).append('>').append(Markup.count(value.n())).append("</td>\n");
            out.append("<td").append(attrs("expectation", CELL)).append('>')
                    .append(text(Facts.expectation(row))).append("</td>\n");
            comparison(row.comparison() == null ? Optional.empty() : row.comparison());
            out.append("<td").append(attrs("verdict", CELL)).append("><span class=\"badge\" style=\"background-color:")
                    .append(colour).append(";color:").append(Palette.onColour(verdict))
                    .append(inline ? ";display:inline-block;padding:1px 6px;border-radius:3px;font-weight:600;"
                            + "font-size:11px" : "")
                    .append("\">").append(verdict.name()).append("</span></td>\n");

            out.append("<td").append(attrs("reason", CELL));
            if (row.message() != null && !row.message().isBlank()) {
                out.append(" title=\"").append(attr(row.message())).append('"');
            }
            out.append('>').append(text(Facts.orEmpty(row.reason())));
            if (verdict == Verdict.INCONCLUSIVE && row.examplesNeeded() != null && row.examplesNeeded().isPresent()) {
                out.append("<div").append(attrs("more", SMALL + ";margin-top:2px")).append(">about ")
                        .append(Markup.count(row.examplesNeeded().getAsLong())).append(" examples would decide (now ")
                        .append(Markup.count(value.n())).append(")</div>");
            }
            if (!value.notes().isEmpty()) {
                out.append("<ul").append(attrs("notes", "margin:2px 0 0 16px;padding:0;color:#555555;font-size:11px"))
                        .append('>');
                for (String note : value.notes()) {
                    out.append("<li>").append(text(note)).append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</td>\n</tr>\n");
        }

        // baseline, difference and p-value: empty cells when the statement is not a comparison
        private void comparison(Optional<ComparisonResult> comparison) {
            if (comparison.isEmpty()) {
                out.append("<td").append(attrs("baseline num", NUM)).append("></td>\n");
                out.append("<td").append(attrs("difference num", NUM)).append("></td>\n");
                out.append("<td").append(attrs("p-value num", NUM)).append("></td>\n");
                return;
            }
            ComparisonResult c = comparison.get();
            out.append("<td").append(attrs("baseline num", NUM)).append('>').append(Comparisons.reference(c))
                    .append("<span").append(attrs("more", SMALL)).append('>')
                    .append(text(Comparisons.referenceName(c.source()))).append("</span><span")
                    .append(attrs("more", SMALL)).append('>').append(text(Comparisons.referenceDetail(c)))
                    .append("</span></td>\n");
            out.append("<td").append(attrs("difference num", NUM)).append('>').append(text(Comparisons.difference(c)))
                    .append("<span").append(attrs("more", SMALL)).append('>')
                    .append(text(Markup.percent(c.interval().level()) + " interval")).append("</span></td>\n");
            out.append("<td").append(attrs("p-value num", NUM)).append('>').append(text(Comparisons.pValue(c)));
            if (!Comparisons.pValue(c).isEmpty()) {
                out.append("<span").append(attrs("more", SMALL)).append('>').append(text(Comparisons.pValueDetail(c)))
                        .append("</span>");
            }
            out.append("</td>\n");
        }

        private void undefined(String reason) {
            out.append("<span").append(attrs("undefined", "font-style:italic;color:#666666;border-bottom:1px dotted "
                    + "#666666;cursor:help")).append(" title=\"").append(attr(reason)).append("\">undefined</span>");
        }
    }
}
