package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.metric.ConfusionCounts;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A confusion matrix as a self-contained HTML document: rows are the true class, columns the
 * predicted class. Each cell is shaded in proportion to its share of the row (the true class),
 * blue on the diagonal (correct) and orange off it (errors), and the diagonal is outlined.
 * The margins hold row and column totals, each class's recall (at the end of its row) and
 * precision (under its column), and the accuracy in the corner.
 *
 * <p>Inline CSS only, no scripts, no external resources; well-formed XML.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConfusionMatrixHtml {

    /** Base colour of correct cells (diagonal) and of errors (off-diagonal). */
    static final int[] CORRECT = {0x1f, 0x5f, 0xbf};
    static final int[] ERROR = {0xd9, 0x48, 0x0f};

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
            font-size:13px;color:#212121;margin:12px;background:#ffffff}
            table.confusion{border-collapse:collapse}
            caption{caption-side:top;text-align:left;font-size:15px;font-weight:600;padding:4px 0 8px}
            caption .summary{display:block;font-size:12px;font-weight:400;color:#555555;margin-top:2px}
            th,td{border:1px solid #dddddd;padding:4px 8px;text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f3f3f3;font-weight:600}
            th.axis{color:#555555;font-weight:400;font-style:italic;text-align:center}
            th.true{text-align:left}
            td.cell{min-width:3em}
            td.diagonal{font-weight:700;outline:2px solid #0d3c80;outline-offset:-2px}
            td.cell .share{display:block;font-size:10px;font-weight:400;opacity:0.85}
            td.total,td.recall,td.precision,td.accuracy{background:#fafafa;color:#333333}
            td.accuracy{font-weight:700}
            .undefined{font-style:italic;color:#666666;border-bottom:1px dotted #666666;cursor:help}
            """;

    private ConfusionMatrixHtml() {
    }

    /**
     * @param title  what the matrix is of, e.g. {@code detector-v7 on detections, slice night}
     * @param counts the matrix
     * @return a complete HTML document
     */
    public static String of(String title, ConfusionCounts counts) {
        Objects.requireNonNull(counts, "counts");
        List<String> classes = counts.classes();
        int k = classes.size();
        long[] rowTotal = new long[k];
        long[] columnTotal = new long[k];
        long total = 0;
        long correct = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long c = counts.count(t, p);
                rowTotal[t] += c;
                columnTotal[p] += c;
                total += c;
                if (t == p) {
                    correct += c;
                }
            }
        }
        String heading = title == null || title.isBlank() ? "Confusion matrix" : title;

        StringBuilder out = new StringBuilder(2048 + k * k * 160);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(text(heading)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<table class=\"confusion\">\n");

        out.append("<caption>").append(text(heading)).append("<span class=\"summary\">")
                .append(k).append(k == 1 ? " class" : " classes").append(" &#183; n = ").append(Markup.count(total))
                .append(" &#183; accuracy ");
        ratio(out, correct, total, "no examples");
        out.append(" &#183; rows: true class, columns: predicted class</span></caption>\n");

        // header
        out.append("<thead>\n<tr><th class=\"axis\" rowspan=\"2\" scope=\"col\">true \\ predicted</th>");
        if (k > 0) {
            out.append("<th class=\"axis\" colspan=\"").append(k).append("\" scope=\"colgroup\">predicted</th>");
        }
        out.append("<th rowspan=\"2\" scope=\"col\">total</th><th rowspan=\"2\" scope=\"col\">recall</th></tr>\n<tr>");
        for (String name : classes) {
            out.append("<th scope=\"col\" class=\"predicted\">").append(text(name)).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");

        // one row per true class
        for (int t = 0; t < k; t++) {
            out.append("<tr><th scope=\"row\" class=\"true\">").append(text(classes.get(t))).append("</th>");
            for (int p = 0; p < k; p++) {
                cell(out, classes, t, p, counts.count(t, p), rowTotal[t]);
            }
            out.append("<td class=\"total\">").append(Markup.count(rowTotal[t])).append("</td>");
            out.append("<td class=\"recall\" title=\"").append(attr("recall of " + classes.get(t))).append("\">");
            ratio(out, counts.count(t, t), rowTotal[t], "no examples of true class " + classes.get(t));
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n<tfoot>\n");

        out.append("<tr><th scope=\"row\">total</th>");
        for (int p = 0; p < k; p++) {
            out.append("<td class=\"total\">").append(Markup.count(columnTotal[p])).append("</td>");
        }
        out.append("<td class=\"total grand\">").append(Markup.count(total)).append("</td><td></td></tr>\n");

        out.append("<tr><th scope=\"row\">precision</th>");
        for (int p = 0; p < k; p++) {
            out.append("<td class=\"precision\" title=\"").append(attr("precision of " + classes.get(p))).append("\">");
            ratio(out, counts.count(p, p), columnTotal[p], "class " + classes.get(p) + " was never predicted");
            out.append("</td>");
        }
        out.append("<td></td><td class=\"accuracy\" title=\"accuracy\">");
        ratio(out, correct, total, "no examples");
        out.append("</td></tr>\n</tfoot>\n</table>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void cell(StringBuilder out, List<String> classes, int t, int p, long count, long rowTotal) {
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        boolean diagonal = t == p;
        int[] base = diagonal ? CORRECT : ERROR;
        String percent = rowTotal == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
        String tip = "true " + classes.get(t) + ", predicted " + classes.get(p) + ": " + Markup.count(count)
                + (rowTotal == 0 ? "" : " (" + percent + " of true " + classes.get(t) + ")");
        out.append("<td class=\"cell").append(diagonal ? " diagonal" : "").append("\" data-share=\"")
                .append(String.format(Locale.ROOT, "%.4f", share)).append("\" style=\"background-color:")
                .append(shade(base, share)).append(";color:").append(share >= 0.55 ? "#ffffff" : count == 0 ? "#9e9e9e" : "#212121")
                .append("\" title=\"").append(attr(tip)).append("\">").append(Markup.count(count));
        if (rowTotal > 0) {
            out.append("<span class=\"share\">").append(percent).append("</span>");
        }
        out.append("</td>");
    }

    /** White blended towards {@code base} by {@code share}, as {@code #rrggbb}. */
    static String shade(int[] base, double share) {
        double s = Math.max(0, Math.min(1, share));
        StringBuilder hex = new StringBuilder("#");
        for (int channel : base) {
            int v = (int) Math.round(255 + (channel - 255) * s);
            hex.append(String.format(Locale.ROOT, "%02x", v));
        }
        return hex.toString();
    }

    private static void ratio(StringBuilder out, long numerator, long denominator, String whyUndefined) {
        if (denominator == 0) {
            out.append("<span class=\"undefined\" title=\"").append(attr(whyUndefined)).append("\">undefined</span>");
        } else {
            out.append(Markup.number((double) numerator / denominator, Facts.DECIMALS, RoundingMode.HALF_EVEN));
        }
    }
}
