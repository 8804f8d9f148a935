package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.px;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A metric across slices as a standalone SVG 1.1 document: one point per slice with whiskers
 * from the interval's low to high bound, coloured by verdict, and a dashed line at the
 * expectation's bound (two lines, with the accepted band shaded, for {@code between}).
 *
 * <p>The y axis has 4 to 6 round ticks and covers every value, interval bound and threshold,
 * whatever the metric's range (proportions, errors, log loss, sizes). Slice names are on the
 * x axis, rotated when they do not fit. A slice whose metric is undefined is a hollow marker on
 * the x axis labelled "undefined"; a slice whose value is defined but whose interval is not is a
 * hollow marker at its value labelled "no interval", so no information is hidden. Every
 * slice has a tooltip with its value, interval, n, verdict and reason. Readable from 1 to about
 * 60 slices; presentation attributes only (no CSS, no scripts, no external resources).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SliceChartSvg {

    /** Height of the plotting area in pixels. */
    static final double PLOT_HEIGHT = 260;
    static final double PLOT_TOP = 78;
    private static final double CHAR = 6.4;           // average glyph width at 11px, generous
    private static final double TITLE_CHAR = 8.6;     // at 15px bold
    private static final double COS45 = Math.sqrt(0.5);
    private static final int MAX_LABEL = 32;
    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final String AXIS = "#757575";
    private static final String GRID = "#e6e6e6";
    private static final String INK = "#212121";
    private static final String MUTED = "#616161";
    private static final String THRESHOLD = "#424242";

    private SliceChartSvg() {
    }

    private record Line(double value, String label, boolean lower, boolean upper) {
    }

    /**
     * @param slices the results to draw, in x-axis order (usually one statement's slices); may
     *               be empty, which draws an empty, labelled chart
     * @return an SVG 1.1 document with an XML declaration
     */
    public static String of(List<SliceResult> slices) {
        Objects.requireNonNull(slices, "slices");
        List<SliceResult> list = List.copyOf(slices);
        int n = list.size();

        // -- scale: every value, interval bound and threshold --------------------------------
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SliceResult s : list) {
            MetricValue v = s.value();
            if (Facts.hasValue(v)) {
                min = Math.min(min, v.value());
                max = Math.max(max, v.value());
                if (Facts.hasInterval(v)) {
                    min = Math.min(min, v.interval().low());
                    max = Math.max(max, v.interval().high());
                }
            }
        }
        List<Line> lines = thresholds(list);
        List<double[]> bands = new ArrayList<>();
        for (Line line : lines) {
            min = Math.min(min, line.value());
            max = Math.max(max, line.value());
        }
        for (Expectation e : expectations(list)) {
            if (e.kind() == Expectation.Kind.BETWEEN && Double.isFinite(e.threshold()) && Double.isFinite(e.upper())) {
                bands.add(new double[] {Math.min(e.threshold(), e.upper()), Math.max(e.threshold(), e.upper())});
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        Ticks ticks = Ticks.covering(min, max);

        // -- layout -------------------------------------------------------------------------
        String metric = Facts.distinct(list, SliceResult::metric);
        String title = (metric.isEmpty() ? "metric" : metric) + " by slice";
        String subtitle = subtitle(list);

        List<String> labels = new ArrayList<>();
        double widest = 0;
        for (SliceResult s : list) {
            String label = Markup.truncate(s.slice(), MAX_LABEL);
            labels.add(label);
            widest = Math.max(widest, width(label));
        }
        double tickWidth = 0;
        for (BigDecimal t : ticks.ticks()) {
            tickWidth = Math.max(tickWidth, width(ticks.label(t)));
        }
        double right = 20;
        for (Line line : lines) {
            right = Math.max(right, width(line.label()) + 16);
        }
        // the header (title, subtitle, legend) may need more width than the plot: then the plot widens
        double headerWidth = Math.max(legendWidth(list, lines) + 24, title.length() * TITLE_CHAR + 24);
        headerWidth = Math.max(headerWidth, Math.min(width(subtitle) + 24, 720));

        double baseSlot = n <= 6 ? 90 : n <= 12 ? 60 : n <= 24 ? 36 : 20;
        double plotWidth = Math.max(Math.max(n, 1) * baseSlot, 300);
        double slot = 0;
        double left = 0;
        boolean rotate = false;
        for (int pass = 0; pass < 2; pass++) {
            slot = plotWidth / Math.max(n, 1);
            rotate = widest > slot - 8;
            left = 26 + tickWidth + 12;
            if (rotate) {
                for (int i = 0; i < n; i++) {
                    left = Math.max(left, width(labels.get(i)) * COS45 - (i + 0.5) * slot + 10);
                }
            }
            plotWidth = Math.max(plotWidth, headerWidth - left - right);
        }
        slot = plotWidth / Math.max(n, 1); // wider than when rotate and left were decided: both stay safe
        double bottomExtent = rotate ? 18 + widest * COS45 * 0.9 : 34;
        double width = Math.max(left + plotWidth + right, headerWidth);
        subtitle = Markup.truncate(subtitle, (int) ((width - 24) / CHAR));
        double height = PLOT_TOP + PLOT_HEIGHT + bottomExtent;
        double plotLeft = left;
        double plotRight = left + plotWidth;
        double plotBottom = PLOT_TOP + PLOT_HEIGHT;
        double lowEnd = ticks.low();
        double highEnd = ticks.high();
        java.util.function.DoubleUnaryOperator y = v -> PLOT_TOP + (highEnd - v) / (highEnd - lowEnd) * PLOT_HEIGHT;

        // -- document -----------------------------------------------------------------------
        StringBuilder out = new StringBuilder(4096 + n * 900);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(px(width))
                .append("\" height=\"").append(px(height)).append("\" viewBox=\"0 0 ").append(px(width)).append(' ')
                .append(px(height)).append("\" font-family=\"").append(FONT).append("\" font-size=\"11\">\n");
        out.append("<title>").append(text(title)).append("</title>\n");
        out.append("<desc>").append(text(subtitle.isEmpty() ? title : subtitle)).append("</desc>\n");
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(px(width)).append("\" height=\"")
                .append(px(height)).append("\" fill=\"#ffffff\"/>\n");
        out.append("<text class=\"title\" x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"").append(INK)
                .append("\">").append(text(title)).append("</text>\n");
        if (!subtitle.isEmpty()) {
            out.append("<text class=\"subtitle\" x=\"12\" y=\"40\" fill=\"").append(MUTED).append("\">")
                    .append(text(subtitle)).append("</text>\n");
        }
        legend(out, list, lines, 12, 60);

        out.append("<rect class=\"plot-area\" x=\"").append(px(plotLeft)).append("\" y=\"").append(px(PLOT_TOP))
                .append("\" width=\"").append(px(plotWidth)).append("\" height=\"").append(px(PLOT_HEIGHT))
                .append("\" fill=\"#fcfcfc\"/>\n");
        for (double[] band : bands) {
            out.append("<rect class=\"band\" x=\"").append(px(plotLeft)).append("\" y=\"").append(px(y.applyAsDouble(band[1])))
                    .append("\" width=\"").append(px(plotWidth)).append("\" height=\"")
                    .append(px(y.applyAsDouble(band[0]) - y.applyAsDouble(band[1])))
                    .append("\" fill=\"").append(Palette.PASSED).append("\" fill-opacity=\"0.07\"/>\n");
        }

        // y axis: grid, ticks, labels, title
        out.append("<g class=\"y-axis\">\n");
        for (BigDecimal t : ticks.ticks()) {
            double ty = y.applyAsDouble(t.doubleValue());
            out.append("<g class=\"tick\" data-value=\"").append(t.toPlainString()).append("\">")
                    .append("<line x1=\"").append(px(plotLeft)).append("\" y1=\"").append(px(ty)).append("\" x2=\"")
                    .append(px(plotRight)).append("\" y2=\"").append(px(ty)).append("\" stroke=\"").append(GRID)
                    .append("\" stroke-width=\"1\"/>")
                    .append("<line x1=\"").append(px(plotLeft - 5)).append("\" y1=\"").append(px(ty)).append("\" x2=\"")
                    .append(px(plotLeft)).append("\" y2=\"").append(px(ty)).append("\" stroke=\"").append(AXIS)
                    .append("\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(px(plotLeft - 8)).append("\" y=\"").append(px(ty + 4))
                    .append("\" text-anchor=\"end\" fill=\"").append(MUTED).append("\">").append(ticks.label(t))
                    .append("</text></g>\n");
        }
        double midY = PLOT_TOP + PLOT_HEIGHT / 2;
        out.append("<text class=\"y-title\" x=\"14\" y=\"").append(px(midY)).append("\" transform=\"rotate(-90 14 ")
                .append(px(midY)).append(")\" text-anchor=\"middle\" fill=\"").append(MUTED).append("\">")
                .append(text(Markup.truncate(metric.isEmpty() ? "metric" : metric, 40))).append("</text>\n");
        out.append("<line class=\"axis\" x1=\"").append(px(plotLeft)).append("\" y1=\"").append(px(PLOT_TOP))
                .append("\" x2=\"").append(px(plotLeft)).append("\" y2=\"").append(px(plotBottom))
                .append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>\n</g>\n");

        // thresholds
        for (Line line : lines) {
            double ty = y.applyAsDouble(line.value());
            out.append("<g class=\"threshold\" data-value=\"").append(BigDecimal.valueOf(line.value()).toPlainString())
                    .append("\"><line x1=\"").append(px(plotLeft)).append("\" y1=\"").append(px(ty)).append("\" x2=\"")
                    .append(px(plotRight)).append("\" y2=\"").append(px(ty)).append("\" stroke=\"").append(THRESHOLD)
                    .append("\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>")
                    .append("<text x=\"").append(px(plotRight + 6)).append("\" y=\"")
                    .append(px(line.upper() ? ty - 4 : line.lower() ? ty + 12 : ty + 4)).append("\" fill=\"")
                    .append(THRESHOLD).append("\">").append(text(line.label())).append("</text></g>\n");
        }

        // x axis
        out.append("<g class=\"x-axis\">\n<line class=\"axis\" x1=\"").append(px(plotLeft)).append("\" y1=\"")
                .append(px(plotBottom)).append("\" x2=\"").append(px(plotRight)).append("\" y2=\"").append(px(plotBottom))
                .append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>\n");
        for (int i = 0; i < n; i++) {
            double cx = plotLeft + (i + 0.5) * slot;
            double ly = rotate ? plotBottom + 12 : plotBottom + 16;
            double lx = rotate ? cx + 3 : cx;
            out.append("<line x1=\"").append(px(cx)).append("\" y1=\"").append(px(plotBottom)).append("\" x2=\"")
                    .append(px(cx)).append("\" y2=\"").append(px(plotBottom + 4)).append("\" stroke=\"").append(AXIS)
                    .append("\" stroke-width=\"1\"/>");
            out.append("<text class=\"x-label\" x=\"").append(px(lx)).append("\" y=\"").append(px(ly)).append('"');
            if (rotate) {
                out.append(" text-anchor=\"end\" transform=\"rotate(-45 ").append(px(lx)).append(' ')
                        .append(px(ly)).append(")\"");
            } else {
                out.append(" text-anchor=\"middle\"");
            }
            out.append(" fill=\"").append(INK).append("\">");
            String full = list.get(i).slice();
            if (!labels.get(i).equals(full)) {
                out.append("<title>").append(text(full)).append("</title>");
            }
            out.append(text(labels.get(i))).append("</text>\n");
        }
        if (n == 0) {
            out.append("<text class=\"empty\" x=\"").append(px((plotLeft + plotRight) / 2)).append("\" y=\"")
                    .append(px(midY)).append("\" text-anchor=\"middle\" fill=\"").append(MUTED)
                    .append("\">no slices were evaluated</text>\n");
        }
        out.append("</g>\n");

        // slices
        double radius = slot < 30 ? 4 : 5;
        double cap = Math.min(12, slot * 0.4);
        for (int i = 0; i < n; i++) {
            SliceResult s = list.get(i);
            MetricValue v = s.value();
            Verdict verdict = s.verdict();
            String colour = Palette.colour(verdict);
            double cx = plotLeft + (i + 0.5) * slot;
            out.append("<g class=\"slice\" data-slice=\"").append(attr(s.slice())).append("\" data-verdict=\"")
                    .append(verdict.name()).append("\">");
            out.append("<title>").append(text(tooltip(s))).append("</title>");
            if (Facts.hasValue(v)) {
                double cy = y.applyAsDouble(v.value());
                if (Facts.hasInterval(v)) {
                    double top = y.applyAsDouble(v.interval().high());
                    double bottom = y.applyAsDouble(v.interval().low());
                    out.append("<line class=\"whisker\" x1=\"").append(px(cx)).append("\" y1=\"").append(px(top))
                            .append("\" x2=\"").append(px(cx)).append("\" y2=\"").append(px(bottom))
                            .append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"/>");
                    for (double capY : new double[] {top, bottom}) {
                        out.append("<line class=\"cap\" x1=\"").append(px(cx - cap / 2)).append("\" y1=\"")
                                .append(px(capY)).append("\" x2=\"").append(px(cx + cap / 2)).append("\" y2=\"")
                                .append(px(capY)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"/>");
                    }
                    out.append("<circle class=\"point\" cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                            .append("\" r=\"").append(px(radius)).append("\" fill=\"").append(colour)
                            .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
                } else {
                    hollow(out, "point no-interval", cx, cy, radius, colour);
                    // above the marker if there is room, below it otherwise
                    String label = "no interval";
                    boolean above = cy - radius - 5 - width(label) >= PLOT_TOP || cy - PLOT_TOP > plotBottom - cy;
                    undefinedLabel(out, label, cx, above ? cy - radius - 5 : cy + radius + 5, slot, above);
                }
            } else {
                hollow(out, "point undefined", cx, plotBottom, radius, colour);
                undefinedLabel(out, "undefined", cx, plotBottom - radius - 5, slot, true);
            }
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void hollow(StringBuilder out, String cssClass, double cx, double cy, double r, String colour) {
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(px(cx)).append("\" cy=\"")
                .append(px(cy)).append("\" r=\"").append(px(r)).append("\" fill=\"#ffffff\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\"/>");
    }

    // From (x, y) upwards (above) or downwards: horizontal when the slot is wide enough, vertical otherwise.
    private static void undefinedLabel(StringBuilder out, String label, double x, double y, double slot, boolean above) {
        out.append("<text class=\"undefined-label\" font-size=\"10\" font-style=\"italic\" fill=\"").append(MUTED)
                .append('"');
        if (width(label) * 10 / 11 <= slot - 6) {
            out.append(" x=\"").append(px(x)).append("\" y=\"").append(px(above ? y : y + 9))
                    .append("\" text-anchor=\"middle\">");
        } else {
            double tx = x + 3.5;
            out.append(" x=\"").append(px(tx)).append("\" y=\"").append(px(y)).append("\" transform=\"rotate(-90 ")
                    .append(px(tx)).append(' ').append(px(y)).append(")\" text-anchor=\"").append(above ? "start" : "end")
                    .append("\">");
        }
        out.append(label).append("</text>");
    }

    private static Set<Expectation> expectations(List<SliceResult> list) {
        Set<Expectation> set = new LinkedHashSet<>();
        for (SliceResult s : list) {
            if (s.expectation() != null) {
                set.add(s.expectation());
            }
        }
        return set;
    }

    private static List<Line> thresholds(List<SliceResult> list) {
        List<Line> lines = new ArrayList<>();
        Set<Double> seen = new LinkedHashSet<>();
        for (Expectation e : expectations(list)) {
            int decimals = e.decimals();
            if (e.kind() == Expectation.Kind.BETWEEN) {
                add(lines, seen, new Line(e.threshold(), "\u2265 " + fmt(e.threshold(), decimals), true, false));
                add(lines, seen, new Line(e.upper(), "\u2264 " + fmt(e.upper(), decimals), false, true));
            } else {
                String symbol = switch (e.kind()) {
                    case ABOVE -> ">";
                    case AT_LEAST -> "\u2265";
                    case BELOW -> "<";
                    default -> "\u2264";
                };
                add(lines, seen, new Line(e.threshold(), symbol + " " + fmt(e.threshold(), decimals), false, false));
            }
        }
        return lines;
    }

    private static void add(List<Line> lines, Set<Double> seen, Line line) {
        if (Double.isFinite(line.value()) && seen.add(line.value())) {
            lines.add(line);
        }
    }

    private static String fmt(double value, int decimals) {
        return Markup.number(value, decimals, RoundingMode.HALF_EVEN);
    }

    private static String subtitle(List<SliceResult> list) {
        List<String> parts = new ArrayList<>();
        String models = Facts.distinct(list, SliceResult::model);
        String datasets = Facts.distinct(list, SliceResult::dataset);
        if (!models.isEmpty() || !datasets.isEmpty()) {
            parts.add((models.isEmpty() ? "model" : models) + (datasets.isEmpty() ? "" : " on " + datasets));
        }
        String expected = Facts.distinct(list, s -> Facts.expectation(s.expectation()));
        if (!expected.isEmpty()) {
            parts.add("expected " + expected);
        }
        String intervals = Facts.distinct(list, s -> Facts.hasInterval(s.value())
                ? Markup.percent(s.value().interval().level()) + " " + s.value().interval().method() + " intervals"
                : null);
        if (!intervals.isEmpty()) {
            parts.add(intervals);
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String tooltip(SliceResult s) {
        MetricValue v = s.value();
        StringBuilder tip = new StringBuilder(s.slice()).append(": ").append(v.metric()).append(' ');
        if (Facts.hasValue(v)) {
            tip.append(Facts.value(s));
            if (Facts.hasInterval(v)) {
                tip.append(" [").append(Facts.low(s)).append(", ").append(Facts.high(s)).append("] ");
            } else {
                tip.append(" (no interval: ").append(Facts.undefinedIntervalReason(v)).append(") ");
            }
        } else {
            tip.append("undefined (").append(Facts.undefinedReason(v)).append(") ");
        }
        tip.append(Markup.percent(v.interval().level())).append(' ').append(v.interval().method())
                .append(", n = ").append(Markup.count(v.n())).append(" \u2014 ").append(s.verdict().name());
        if (s.reason() != null && !s.reason().isBlank()) {
            tip.append(": ").append(s.reason());
        }
        return tip.toString();
    }

    private static double legendWidth(List<SliceResult> list, List<Line> lines) {
        double w = 0;
        for (String item : legendItems(list, lines)) {
            w += 22 + width(item) + 14;
        }
        return w;
    }

    private static List<String> legendItems(List<SliceResult> list, List<Line> lines) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        boolean undefined = false;
        for (SliceResult s : list) {
            verdicts.add(s.verdict());
            undefined |= !Facts.hasValue(s.value()) || !Facts.hasInterval(s.value());
        }
        List<String> items = new ArrayList<>();
        for (Verdict v : verdicts) {
            items.add(v.name());
        }
        if (undefined) {
            items.add("undefined");
        }
        if (!lines.isEmpty()) {
            items.add(lines.size() > 1 ? "bounds" : "threshold");
        }
        return items;
    }

    private static void legend(StringBuilder out, List<SliceResult> list, List<Line> lines, double x, double y) {
        out.append("<g class=\"legend\">");
        for (String item : legendItems(list, lines)) {
            double mid = x + 8;
            switch (item) {
                case "undefined" -> out.append("<circle cx=\"").append(px(mid)).append("\" cy=\"").append(px(y - 4))
                        .append("\" r=\"4\" fill=\"#ffffff\" stroke=\"").append(MUTED).append("\" stroke-width=\"2\"/>");
                case "threshold", "bounds" -> out.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(px(y - 4))
                        .append("\" x2=\"").append(px(x + 16)).append("\" y2=\"").append(px(y - 4)).append("\" stroke=\"")
                        .append(THRESHOLD).append("\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>");
                default -> out.append("<circle cx=\"").append(px(mid)).append("\" cy=\"").append(px(y - 4))
                        .append("\" r=\"5\" fill=\"").append(Palette.colour(Verdict.valueOf(item))).append("\"/>");
            }
            out.append("<text x=\"").append(px(x + 22)).append("\" y=\"").append(px(y)).append("\" fill=\"").append(INK)
                    .append("\">").append(item).append("</text>");
            x += 22 + width(item) + 14;
        }
        out.append("</g>\n");
    }

    private static double width(String label) {
        return label.codePointCount(0, label.length()) * CHAR;
    }
}
