package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.px;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.metric.ConfusionCounts;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A confusion matrix as a standalone SVG 1.1 document whose size is its content's: a page shows
 * it whole (Allure shows an SVG attachment at its own size, while an HTML one gets a fixed-height
 * frame). Rows are the true class, columns the predicted class; each cell is shaded by its share
 * of the row, blue on the diagonal and orange off it, and the diagonal is outlined. The margins
 * hold row and column totals, each class's recall and precision, and the accuracy in the corner,
 * as {@link ConfusionMatrixHtml} does.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConfusionMatrixSvg {

    private static final double CELL_HEIGHT = 36;
    private static final double HEADER_HEIGHT = 26;
    private static final double TOP = 58;
    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final String INK = "#212121";
    private static final String MUTED = "#555555";
    private static final String LINE = "#dddddd";
    private static final String MARGIN = "#fafafa";
    private static final String HEAD = "#f3f3f3";
    private static final int MAX_LABEL = 28;

    private ConfusionMatrixSvg() {
    }

    /**
     * @param title  what the matrix is of, e.g. {@code detector-v7 on detections, slice night}
     * @param counts the matrix
     * @return an SVG 1.1 document with an XML declaration
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
        String summary = k + (k == 1 ? " class" : " classes") + " \u00b7 n = " + Markup.count(total) + " \u00b7 accuracy "
                + ratio(correct, total) + " \u00b7 rows: true class, columns: predicted class";

        double rowHeader = DotChart.width("true \\ predicted") + 16;
        for (String name : classes) {
            rowHeader = Math.max(rowHeader, DotChart.width(Markup.truncate(name, MAX_LABEL)) + 16);
        }
        rowHeader = Math.max(rowHeader, DotChart.width("precision") + 16);
        double cell = Math.max(64, DotChart.width(Markup.count(total)) + 20);
        for (String name : classes) {
            cell = Math.max(cell, DotChart.width(Markup.truncate(name, MAX_LABEL)) + 16);
        }
        double margin = Math.max(64, DotChart.width(Markup.count(total)) + 20);
        double left = 12;
        double gridLeft = left + rowHeader;
        double gridTop = TOP + 2 * HEADER_HEIGHT;
        double width = Math.max(gridLeft + k * cell + 2 * margin + 12,
                Math.max(heading.length() * 8.6 + 24, Math.min(DotChart.width(summary) + 24, 900)));
        double height = gridTop + (k + 2) * CELL_HEIGHT + 12;

        StringBuilder out = new StringBuilder(2048 + k * k * 400);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(px(width))
                .append("\" height=\"").append(px(height)).append("\" viewBox=\"0 0 ").append(px(width)).append(' ')
                .append(px(height)).append("\" font-family=\"").append(FONT).append("\" font-size=\"12\">\n");
        out.append("<title>").append(text(heading)).append("</title>\n<desc>").append(text(summary)).append("</desc>\n");
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(px(width)).append("\" height=\"")
                .append(px(height)).append("\" fill=\"#ffffff\"/>\n");
        out.append("<text class=\"title\" x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"").append(INK)
                .append("\">").append(text(heading)).append("</text>\n");
        out.append("<text class=\"summary\" x=\"12\" y=\"40\" font-size=\"11\" fill=\"").append(MUTED).append("\">")
                .append(text(Markup.truncate(summary, (int) ((width - 24) / DotChart.CHAR)))).append("</text>\n");

        // headers: "predicted" over the class columns, then one header per class, total and recall
        box(out, "axis", left, TOP, rowHeader, 2 * HEADER_HEIGHT, HEAD, "true \\ predicted", MUTED, "middle", true);
        box(out, "axis", gridLeft, TOP, k * cell, HEADER_HEIGHT, HEAD, "predicted", MUTED, "middle", true);
        box(out, "head", gridLeft + k * cell, TOP, margin, 2 * HEADER_HEIGHT, HEAD, "total", INK, "middle", false);
        box(out, "head", gridLeft + k * cell + margin, TOP, margin, 2 * HEADER_HEIGHT, HEAD, "recall", INK, "middle", false);
        for (int p = 0; p < k; p++) {
            labelBox(out, "predicted", gridLeft + p * cell, TOP + HEADER_HEIGHT, cell, HEADER_HEIGHT, classes.get(p),
                    "middle");
        }

        // one row per true class
        for (int t = 0; t < k; t++) {
            double y = gridTop + t * CELL_HEIGHT;
            labelBox(out, "true", left, y, rowHeader, CELL_HEIGHT, classes.get(t), "start");
            for (int p = 0; p < k; p++) {
                cell(out, classes, t, p, counts.count(t, p), rowTotal[t], gridLeft + p * cell, y, cell);
            }
            box(out, "total", gridLeft + k * cell, y, margin, CELL_HEIGHT, MARGIN, Markup.count(rowTotal[t]), INK, "end",
                    false);
            box(out, "recall", gridLeft + k * cell + margin, y, margin, CELL_HEIGHT, MARGIN,
                    ratio(counts.count(t, t), rowTotal[t]), INK, "end", false);
        }

        // column totals, precision, accuracy
        double totalsY = gridTop + k * CELL_HEIGHT;
        box(out, "head", left, totalsY, rowHeader, CELL_HEIGHT, HEAD, "total", INK, "start", false);
        box(out, "head", left, totalsY + CELL_HEIGHT, rowHeader, CELL_HEIGHT, HEAD, "precision", INK, "start", false);
        for (int p = 0; p < k; p++) {
            box(out, "total", gridLeft + p * cell, totalsY, cell, CELL_HEIGHT, MARGIN, Markup.count(columnTotal[p]), INK,
                    "end", false);
            box(out, "precision", gridLeft + p * cell, totalsY + CELL_HEIGHT, cell, CELL_HEIGHT, MARGIN,
                    ratio(counts.count(p, p), columnTotal[p]), INK, "end", false);
        }
        box(out, "total grand", gridLeft + k * cell, totalsY, margin, CELL_HEIGHT, MARGIN, Markup.count(total), INK,
                "end", false);
        box(out, "blank", gridLeft + k * cell + margin, totalsY, margin, CELL_HEIGHT, MARGIN, "", INK, "end", false);
        box(out, "blank", gridLeft + k * cell, totalsY + CELL_HEIGHT, margin, CELL_HEIGHT, MARGIN, "", INK, "end", false);
        box(out, "accuracy", gridLeft + k * cell + margin, totalsY + CELL_HEIGHT, margin, CELL_HEIGHT, MARGIN,
                ratio(correct, total), INK, "end", false);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void cell(StringBuilder out, List<String> classes, int t, int p, long count, long rowTotal, double x,
            double y, double w) {
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        boolean diagonal = t == p;
        String fill = ConfusionMatrixHtml.shade(diagonal ? ConfusionMatrixHtml.CORRECT : ConfusionMatrixHtml.ERROR, share);
        String ink = share >= 0.55 ? "#ffffff" : count == 0 ? "#9e9e9e" : INK;
        String percent = rowTotal == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
        String tip = "true " + classes.get(t) + ", predicted " + classes.get(p) + ": " + Markup.count(count)
                + (rowTotal == 0 ? "" : " (" + percent + " of true " + classes.get(t) + ")");
        out.append("<g class=\"cell").append(diagonal ? " diagonal" : "").append("\" data-true=\"")
                .append(attr(classes.get(t))).append("\" data-predicted=\"").append(attr(classes.get(p)))
                .append("\" data-count=\"").append(count).append("\" data-share=\"")
                .append(String.format(Locale.ROOT, "%.4f", share)).append("\"><title>").append(text(tip)).append("</title>");
        out.append("<rect x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"").append(px(w))
                .append("\" height=\"").append(px(CELL_HEIGHT)).append("\" fill=\"").append(fill).append("\" stroke=\"")
                .append(diagonal ? "#0d3c80" : LINE).append("\" stroke-width=\"").append(diagonal ? "2" : "1")
                .append("\"/>");
        double tx = x + w - 8;
        out.append("<text class=\"count\" x=\"").append(px(tx)).append("\" y=\"").append(px(y + (rowTotal > 0 ? 16 : 22)))
                .append("\" text-anchor=\"end\" fill=\"").append(ink).append('"')
                .append(diagonal ? " font-weight=\"bold\"" : "").append('>').append(Markup.count(count)).append("</text>");
        if (rowTotal > 0) {
            out.append("<text class=\"share\" x=\"").append(px(tx)).append("\" y=\"").append(px(y + 29))
                    .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"").append(ink).append("\">").append(percent)
                    .append("</text>");
        }
        out.append("</g>\n");
    }

    private static void labelBox(StringBuilder out, String cssClass, double x, double y, double w, double h, String name,
            String anchor) {
        String label = Markup.truncate(name, MAX_LABEL);
        out.append("<g class=\"").append(cssClass).append("\" data-class=\"").append(attr(name)).append("\">");
        if (!label.equals(name)) {
            out.append("<title>").append(text(name)).append("</title>");
        }
        rect(out, x, y, w, h, HEAD);
        write(out, label, x, y, w, h, INK, anchor, true, false);
        out.append("</g>\n");
    }

    private static void box(StringBuilder out, String cssClass, double x, double y, double w, double h, String fill,
            String label, String ink, String anchor, boolean italic) {
        out.append("<g class=\"").append(cssClass).append("\">");
        rect(out, x, y, w, h, fill);
        if (!label.isEmpty()) {
            write(out, label, x, y, w, h, ink, anchor, !"end".equals(anchor) && !italic, italic);
        }
        out.append("</g>\n");
    }

    private static void rect(StringBuilder out, double x, double y, double w, double h, String fill) {
        out.append("<rect x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"").append(px(w))
                .append("\" height=\"").append(px(h)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(LINE)
                .append("\" stroke-width=\"1\"/>");
    }

    private static void write(StringBuilder out, String label, double x, double y, double w, double h, String ink,
            String anchor, boolean bold, boolean italic) {
        double tx = switch (anchor) {
            case "start" -> x + 8;
            case "end" -> x + w - 8;
            default -> x + w / 2;
        };
        out.append("<text x=\"").append(px(tx)).append("\" y=\"").append(px(y + h / 2 + 4)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(ink).append('"').append(bold ? " font-weight=\"bold\"" : "")
                .append(italic ? " font-style=\"italic\"" : "").append('>').append(text(label)).append("</text>");
    }

    private static String ratio(long numerator, long denominator) {
        return denominator == 0 ? "undefined"
                : Markup.number((double) numerator / denominator, Facts.DECIMALS, RoundingMode.HALF_EVEN);
    }
}
