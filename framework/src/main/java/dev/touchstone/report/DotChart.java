package dev.touchstone.report;

import static dev.touchstone.report.Markup.attr;
import static dev.touchstone.report.Markup.px;
import static dev.touchstone.report.Markup.text;

import dev.touchstone.result.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * The drawing behind the SVG charts: one point per category (a slice, or a run) with whiskers
 * from its interval's low to high bound, coloured by verdict; dashed reference lines (bounds);
 * optionally a reference mark per point (a baseline's value) and a second panel underneath with
 * the difference from the reference and its interval, a zero line and the tolerance.
 *
 * <p>Every value, bound, reference and line is inside its axis: a value that collapses from
 * 0.94 to 0.04 shows both ends. Presentation attributes only; text from data is escaped.
 */
final class DotChart {

    static final double PLOT_HEIGHT = 260;
    static final double PLOT_TOP = 78;
    static final double DIFFERENCE_HEIGHT = 150;
    static final double DIFFERENCE_GAP = 46;
    static final double CHAR = 6.4;                   // average glyph width at 11px, generous
    private static final double TITLE_CHAR = 8.6;     // at 15px bold
    private static final double COS45 = Math.sqrt(0.5);
    private static final int MAX_LABEL = 32;
    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final String AXIS = "#757575";
    private static final String GRID = "#e6e6e6";
    private static final String INK = "#212121";
    private static final String MUTED = "#616161";
    private static final String THRESHOLD = "#424242";
    static final String REFERENCE = "#37474f";

    /**
     * One category on the x axis.
     *
     * @param key       the full name ({@code data-slice}), also the label's tooltip when the label is cut
     * @param value     the point, or NaN when undefined (a hollow marker on the axis)
     * @param low       the interval's low bound, NaN without an interval
     * @param high      the interval's high bound, NaN without an interval
     * @param reference a reference value (a baseline's) to mark, or NaN
     * @param difference value − reference, or NaN
     * @param differenceLow the difference's interval, NaN without one
     * @param differenceHigh the difference's interval, NaN without one
     * @param undefinedLabel what a point without a value says ("undefined")
     */
    record Point(String key, Verdict verdict, double value, double low, double high, String tooltip,
            double reference, double difference, double differenceLow, double differenceHigh, String undefinedLabel) {

        boolean hasValue() {
            return Double.isFinite(value);
        }

        boolean hasInterval() {
            return hasValue() && Double.isFinite(low) && Double.isFinite(high);
        }

        boolean hasDifference() {
            return Double.isFinite(difference);
        }
    }

    /** A dashed horizontal line across the plot; {@code lower}/{@code upper} place its label below/above it. */
    record Line(double value, String label, boolean lower, boolean upper) {
    }

    /**
     * The second panel: the difference from the reference.
     *
     * @param title     "recall − previous-run"
     * @param tolerance where the tolerated difference ends (−margin when higher is better), NaN when none
     * @param toleranceLabel its label
     */
    record Differences(String title, double tolerance, String toleranceLabel) {
    }

    /**
     * What to draw.
     *
     * @param referenceLegend the legend's name of the reference marks ("baseline previous-run"), or null
     * @param differences     the second panel, or null
     * @param emptyText       what an empty chart says
     */
    record Spec(String title, String subtitle, String yTitle, List<Point> points, List<Line> lines,
            List<double[]> bands, String referenceLegend, Differences differences, String emptyText) {

        Spec {
            points = List.copyOf(points);
            lines = List.copyOf(lines);
            bands = List.copyOf(bands);
        }
    }

    private DotChart() {
    }

    static String render(Spec spec) {
        List<Point> list = spec.points();
        int n = list.size();
        List<Line> lines = spec.lines();
        Differences diff = spec.differences();

        // -- scales --------------------------------------------------------------------------
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : list) {
            if (p.hasValue()) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
                if (p.hasInterval()) {
                    min = Math.min(min, p.low());
                    max = Math.max(max, p.high());
                }
            }
            if (Double.isFinite(p.reference())) {
                min = Math.min(min, p.reference());
                max = Math.max(max, p.reference());
            }
        }
        for (Line line : lines) {
            min = Math.min(min, line.value());
            max = Math.max(max, line.value());
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        Ticks ticks = Ticks.covering(min, max);
        Ticks diffTicks = diff == null ? null : differenceTicks(list, diff);

        // -- layout --------------------------------------------------------------------------
        String title = spec.title();
        String subtitle = spec.subtitle();
        List<String> labels = new ArrayList<>();
        double widest = 0;
        for (Point p : list) {
            String label = Markup.truncate(p.key(), MAX_LABEL);
            labels.add(label);
            widest = Math.max(widest, width(label));
        }
        double tickWidth = 0;
        for (BigDecimal t : ticks.ticks()) {
            tickWidth = Math.max(tickWidth, width(ticks.label(t)));
        }
        if (diffTicks != null) {
            for (BigDecimal t : diffTicks.ticks()) {
                tickWidth = Math.max(tickWidth, width(signed(diffTicks.label(t))));
            }
        }
        double right = 20;
        for (Line line : lines) {
            right = Math.max(right, width(line.label()) + 16);
        }
        if (diff != null) {
            right = Math.max(right, width("no change") + 16);
            if (Double.isFinite(diff.tolerance())) {
                right = Math.max(right, width(diff.toleranceLabel()) + 16);
            }
        }
        List<LegendItem> legend = legendItems(spec);
        double headerWidth = Math.max(legendWidth(legend) + 24, title.length() * TITLE_CHAR + 24);
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
        double plotBottom = PLOT_TOP + PLOT_HEIGHT;
        double diffTop = plotBottom + DIFFERENCE_GAP;
        double axisBottom = diff == null ? plotBottom : diffTop + DIFFERENCE_HEIGHT;
        double height = axisBottom + bottomExtent;
        Frame frame = new Frame(left, left + plotWidth, slot);

        // -- document ------------------------------------------------------------------------
        StringBuilder out = new StringBuilder(4096 + n * 1200);
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
        legend(out, legend, 12, 60);

        // values
        DoubleUnaryOperator y = scale(ticks, PLOT_TOP, PLOT_HEIGHT);
        out.append("<rect class=\"plot-area\" x=\"").append(px(frame.left())).append("\" y=\"").append(px(PLOT_TOP))
                .append("\" width=\"").append(px(plotWidth)).append("\" height=\"").append(px(PLOT_HEIGHT))
                .append("\" fill=\"#fcfcfc\"/>\n");
        for (double[] band : spec.bands()) {
            out.append("<rect class=\"band\" x=\"").append(px(frame.left())).append("\" y=\"")
                    .append(px(y.applyAsDouble(band[1]))).append("\" width=\"").append(px(plotWidth))
                    .append("\" height=\"").append(px(y.applyAsDouble(band[0]) - y.applyAsDouble(band[1])))
                    .append("\" fill=\"").append(Palette.PASSED).append("\" fill-opacity=\"0.07\"/>\n");
        }
        yAxis(out, ticks, y, frame, "y-axis", "tick", false);
        yTitle(out, spec.yTitle(), PLOT_TOP + PLOT_HEIGHT / 2);
        for (Line line : lines) {
            double ty = y.applyAsDouble(line.value());
            out.append("<g class=\"threshold\" data-value=\"").append(BigDecimal.valueOf(line.value()).toPlainString())
                    .append("\">");
            dashed(out, frame, ty, THRESHOLD, "6 4");
            out.append("<text x=\"").append(px(frame.right() + 6)).append("\" y=\"")
                    .append(px(line.upper() ? ty - 4 : line.lower() ? ty + 12 : ty + 4)).append("\" fill=\"")
                    .append(THRESHOLD).append("\">").append(text(line.label())).append("</text></g>\n");
        }
        if (diff != null) {
            out.append("<line class=\"axis\" x1=\"").append(px(frame.left())).append("\" y1=\"").append(px(plotBottom))
                    .append("\" x2=\"").append(px(frame.right())).append("\" y2=\"").append(px(plotBottom))
                    .append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>\n");
        }
        double radius = slot < 30 ? 4 : 5;
        double cap = Math.min(12, slot * 0.4);
        for (int i = 0; i < n; i++) {
            point(out, list.get(i), frame.x(i), y, plotBottom, radius, cap, slot);
        }

        // differences
        if (diff != null) {
            DoubleUnaryOperator dy = scale(diffTicks, diffTop, DIFFERENCE_HEIGHT);
            out.append("<text class=\"difference-title\" x=\"").append(px(frame.left())).append("\" y=\"")
                    .append(px(diffTop - 10)).append("\" font-weight=\"bold\" fill=\"").append(INK).append("\">")
                    .append(text(diff.title())).append("</text>\n");
            out.append("<rect class=\"difference-area\" x=\"").append(px(frame.left())).append("\" y=\"")
                    .append(px(diffTop)).append("\" width=\"").append(px(plotWidth)).append("\" height=\"")
                    .append(px(DIFFERENCE_HEIGHT)).append("\" fill=\"#fcfcfc\"/>\n");
            yAxis(out, diffTicks, dy, frame, "difference-axis", "difference-tick", true);
            yTitle(out, "difference", diffTop + DIFFERENCE_HEIGHT / 2);
            double zero = dy.applyAsDouble(0);
            out.append("<g class=\"zero-line\" data-value=\"0\">");
            dashed(out, frame, zero, AXIS, null);
            out.append("<text x=\"").append(px(frame.right() + 6)).append("\" y=\"").append(px(zero + 4))
                    .append("\" fill=\"").append(MUTED).append("\">no change</text></g>\n");
            if (Double.isFinite(diff.tolerance()) && diff.tolerance() != 0) {
                double ty = dy.applyAsDouble(diff.tolerance());
                out.append("<g class=\"tolerance-line\" data-value=\"")
                        .append(BigDecimal.valueOf(diff.tolerance()).toPlainString()).append("\">");
                dashed(out, frame, ty, THRESHOLD, "6 4");
                out.append("<text x=\"").append(px(frame.right() + 6)).append("\" y=\"")
                        .append(px(diff.tolerance() < 0 ? ty + 12 : ty - 4)).append("\" fill=\"").append(THRESHOLD)
                        .append("\">").append(text(diff.toleranceLabel())).append("</text></g>\n");
            }
            for (int i = 0; i < n; i++) {
                differencePoint(out, list.get(i), frame.x(i), dy, radius, cap);
            }
        }

        xAxis(out, list, labels, frame, axisBottom, rotate);
        if (n == 0) {
            out.append("<text class=\"empty\" x=\"").append(px((frame.left() + frame.right()) / 2)).append("\" y=\"")
                    .append(px(PLOT_TOP + PLOT_HEIGHT / 2)).append("\" text-anchor=\"middle\" fill=\"").append(MUTED)
                    .append("\">").append(text(spec.emptyText())).append("</text>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private record Frame(double left, double right, double slot) {
        double x(int i) {
            return left + (i + 0.5) * slot;
        }
    }

    private static DoubleUnaryOperator scale(Ticks ticks, double top, double height) {
        double low = ticks.low();
        double high = ticks.high();
        return v -> top + (high - v) / (high - low) * height;
    }

    // The difference axis always shows zero and the tolerance, so "how far from no change" reads at a glance.
    private static Ticks differenceTicks(List<Point> list, Differences diff) {
        double min = 0;
        double max = 0;
        for (Point p : list) {
            if (p.hasDifference()) {
                min = Math.min(min, p.difference());
                max = Math.max(max, p.difference());
                if (Double.isFinite(p.differenceLow()) && Double.isFinite(p.differenceHigh())) {
                    min = Math.min(min, p.differenceLow());
                    max = Math.max(max, p.differenceHigh());
                }
            }
        }
        if (Double.isFinite(diff.tolerance())) {
            min = Math.min(min, diff.tolerance());
            max = Math.max(max, diff.tolerance());
        }
        return Ticks.covering(min, max);
    }

    private static void yAxis(StringBuilder out, Ticks ticks, DoubleUnaryOperator y, Frame frame, String group,
            String tickClass, boolean signedLabels) {
        out.append("<g class=\"").append(group).append("\">\n");
        for (BigDecimal t : ticks.ticks()) {
            double ty = y.applyAsDouble(t.doubleValue());
            String label = signedLabels ? signed(ticks.label(t)) : ticks.label(t);
            out.append("<g class=\"").append(tickClass).append("\" data-value=\"").append(t.toPlainString()).append("\">")
                    .append("<line x1=\"").append(px(frame.left())).append("\" y1=\"").append(px(ty)).append("\" x2=\"")
                    .append(px(frame.right())).append("\" y2=\"").append(px(ty)).append("\" stroke=\"").append(GRID)
                    .append("\" stroke-width=\"1\"/>")
                    .append("<line x1=\"").append(px(frame.left() - 5)).append("\" y1=\"").append(px(ty))
                    .append("\" x2=\"").append(px(frame.left())).append("\" y2=\"").append(px(ty)).append("\" stroke=\"")
                    .append(AXIS).append("\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(px(frame.left() - 8)).append("\" y=\"").append(px(ty + 4))
                    .append("\" text-anchor=\"end\" fill=\"").append(MUTED).append("\">").append(label)
                    .append("</text></g>\n");
        }
        double top = y.applyAsDouble(ticks.high());
        double bottom = y.applyAsDouble(ticks.low());
        out.append("<line class=\"axis\" x1=\"").append(px(frame.left())).append("\" y1=\"").append(px(top))
                .append("\" x2=\"").append(px(frame.left())).append("\" y2=\"").append(px(bottom))
                .append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>\n</g>\n");
    }

    private static void yTitle(StringBuilder out, String title, double midY) {
        out.append("<text class=\"y-title\" x=\"14\" y=\"").append(px(midY)).append("\" transform=\"rotate(-90 14 ")
                .append(px(midY)).append(")\" text-anchor=\"middle\" fill=\"").append(MUTED).append("\">")
                .append(text(Markup.truncate(title, 40))).append("</text>\n");
    }

    private static void dashed(StringBuilder out, Frame frame, double y, String colour, String dashes) {
        out.append("<line x1=\"").append(px(frame.left())).append("\" y1=\"").append(px(y)).append("\" x2=\"")
                .append(px(frame.right())).append("\" y2=\"").append(px(y)).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.2\"");
        if (dashes != null) {
            out.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        out.append("/>");
    }

    private static void xAxis(StringBuilder out, List<Point> list, List<String> labels, Frame frame, double bottom,
            boolean rotate) {
        out.append("<g class=\"x-axis\">\n<line class=\"axis\" x1=\"").append(px(frame.left())).append("\" y1=\"")
                .append(px(bottom)).append("\" x2=\"").append(px(frame.right())).append("\" y2=\"").append(px(bottom))
                .append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>\n");
        for (int i = 0; i < list.size(); i++) {
            double cx = frame.x(i);
            double ly = rotate ? bottom + 12 : bottom + 16;
            double lx = rotate ? cx + 3 : cx;
            out.append("<line x1=\"").append(px(cx)).append("\" y1=\"").append(px(bottom)).append("\" x2=\"")
                    .append(px(cx)).append("\" y2=\"").append(px(bottom + 4)).append("\" stroke=\"").append(AXIS)
                    .append("\" stroke-width=\"1\"/>");
            out.append("<text class=\"x-label\" x=\"").append(px(lx)).append("\" y=\"").append(px(ly)).append('"');
            if (rotate) {
                out.append(" text-anchor=\"end\" transform=\"rotate(-45 ").append(px(lx)).append(' ')
                        .append(px(ly)).append(")\"");
            } else {
                out.append(" text-anchor=\"middle\"");
            }
            out.append(" fill=\"").append(INK).append("\">");
            String full = list.get(i).key();
            if (!labels.get(i).equals(full)) {
                out.append("<title>").append(text(full)).append("</title>");
            }
            out.append(text(labels.get(i))).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private static void point(StringBuilder out, Point p, double cx, DoubleUnaryOperator y, double plotBottom,
            double radius, double cap, double slot) {
        String colour = Palette.colour(p.verdict());
        out.append("<g class=\"slice\" data-slice=\"").append(attr(p.key())).append("\" data-verdict=\"")
                .append(p.verdict().name()).append("\">");
        out.append("<title>").append(text(p.tooltip())).append("</title>");
        if (p.hasValue()) {
            double cy = y.applyAsDouble(p.value());
            if (Double.isFinite(p.reference())) {
                reference(out, p, cx, cy, y.applyAsDouble(p.reference()), radius);
            }
            if (p.hasInterval()) {
                double top = y.applyAsDouble(p.high());
                double bottom = y.applyAsDouble(p.low());
                whisker(out, "whisker", "cap", cx, top, bottom, cap, colour);
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
            if (Double.isFinite(p.reference())) {
                double ry = y.applyAsDouble(p.reference());
                out.append(referenceMark(cx, ry, radius));
            }
            hollow(out, "point undefined", cx, plotBottom, radius, colour);
            undefinedLabel(out, p.undefinedLabel(), cx, plotBottom - radius - 5, slot, true);
        }
        out.append("</g>\n");
    }

    // The reference (a baseline's value) as a dark diamond, joined to the point by a thin line: the drop reads as a length.
    private static void reference(StringBuilder out, Point p, double cx, double cy, double ry, double radius) {
        if (Math.abs(ry - cy) > radius) {
            out.append("<line class=\"change\" x1=\"").append(px(cx - radius - 3)).append("\" y1=\"").append(px(ry))
                    .append("\" x2=\"").append(px(cx - radius - 3)).append("\" y2=\"").append(px(cy))
                    .append("\" stroke=\"").append(REFERENCE).append("\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>");
        }
        out.append(referenceMark(cx, ry, radius));
    }

    private static String referenceMark(double cx, double ry, double radius) {
        double r = radius + 1.5;
        double x = cx - radius - 3;
        return "<path class=\"baseline\" data-x=\"" + px(cx) + "\" d=\"M" + px(x) + " " + px(ry - r) + " L" + px(x + r) + " "
                + px(ry) + " L" + px(x) + " " + px(ry + r) + " L" + px(x - r) + " " + px(ry) + " Z\" fill=\"#ffffff\""
                + " stroke=\"" + REFERENCE + "\" stroke-width=\"1.6\"/>";
    }

    private static void differencePoint(StringBuilder out, Point p, double cx, DoubleUnaryOperator y, double radius,
            double cap) {
        if (!p.hasDifference()) {
            return;
        }
        String colour = Palette.colour(p.verdict());
        out.append("<g class=\"difference\" data-slice=\"").append(attr(p.key())).append("\" data-verdict=\"")
                .append(p.verdict().name()).append("\">");
        out.append("<title>").append(text(p.tooltip())).append("</title>");
        if (Double.isFinite(p.differenceLow()) && Double.isFinite(p.differenceHigh())) {
            whisker(out, "difference-whisker", "difference-cap", cx, y.applyAsDouble(p.differenceHigh()),
                    y.applyAsDouble(p.differenceLow()), cap, colour);
        }
        out.append("<circle class=\"difference-point\" cx=\"").append(px(cx)).append("\" cy=\"")
                .append(px(y.applyAsDouble(p.difference()))).append("\" r=\"").append(px(radius)).append("\" fill=\"")
                .append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"1\"/></g>\n");
    }

    private static void whisker(StringBuilder out, String whiskerClass, String capClass, double cx, double top,
            double bottom, double cap, String colour) {
        out.append("<line class=\"").append(whiskerClass).append("\" x1=\"").append(px(cx)).append("\" y1=\"")
                .append(px(top)).append("\" x2=\"").append(px(cx)).append("\" y2=\"").append(px(bottom))
                .append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"/>");
        for (double capY : new double[] {top, bottom}) {
            out.append("<line class=\"").append(capClass).append("\" x1=\"").append(px(cx - cap / 2)).append("\" y1=\"")
                    .append(px(capY)).append("\" x2=\"").append(px(cx + cap / 2)).append("\" y2=\"")
                    .append(px(capY)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"/>");
        }
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
        out.append(text(label)).append("</text>");
    }

    private enum Kind { VERDICT, UNDEFINED, THRESHOLD, REFERENCE }

    private record LegendItem(String label, Kind kind) {
    }

    private static List<LegendItem> legendItems(Spec spec) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        boolean undefined = false;
        for (Point p : spec.points()) {
            verdicts.add(p.verdict());
            undefined |= !p.hasInterval();
        }
        List<LegendItem> items = new ArrayList<>();
        for (Verdict v : verdicts) {
            items.add(new LegendItem(v.name(), Kind.VERDICT));
        }
        if (undefined) {
            items.add(new LegendItem("undefined", Kind.UNDEFINED));
        }
        if (!spec.lines().isEmpty()) {
            items.add(new LegendItem(spec.lines().size() > 1 ? "bounds" : "threshold", Kind.THRESHOLD));
        }
        if (spec.referenceLegend() != null) {
            items.add(new LegendItem(spec.referenceLegend(), Kind.REFERENCE));
        }
        return items;
    }

    private static double legendWidth(List<LegendItem> items) {
        double w = 0;
        for (LegendItem item : items) {
            w += 22 + width(item.label()) + 14;
        }
        return w;
    }

    private static void legend(StringBuilder out, List<LegendItem> items, double x, double y) {
        out.append("<g class=\"legend\">");
        for (LegendItem item : items) {
            double mid = x + 8;
            switch (item.kind()) {
                case REFERENCE -> out.append(referenceMark(mid + 7, y - 4, 4));
                case UNDEFINED -> out.append("<circle cx=\"").append(px(mid)).append("\" cy=\"").append(px(y - 4))
                        .append("\" r=\"4\" fill=\"#ffffff\" stroke=\"").append(MUTED).append("\" stroke-width=\"2\"/>");
                case THRESHOLD -> out.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(px(y - 4))
                        .append("\" x2=\"").append(px(x + 16)).append("\" y2=\"").append(px(y - 4)).append("\" stroke=\"")
                        .append(THRESHOLD).append("\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>");
                default -> out.append("<circle cx=\"").append(px(mid)).append("\" cy=\"").append(px(y - 4))
                        .append("\" r=\"5\" fill=\"").append(Palette.colour(Verdict.valueOf(item.label()))).append("\"/>");
            }
            out.append("<text x=\"").append(px(x + 22)).append("\" y=\"").append(px(y)).append("\" fill=\"").append(INK)
                    .append("\">").append(text(item.label())).append("</text>");
            x += 22 + width(item.label()) + 14;
        }
        out.append("</g>\n");
    }

    /** "+0.05" for positive tick labels of the difference axis, so the sign is never guessed. */
    private static String signed(String label) {
        return label.startsWith("-") || isZero(label) ? label : "+" + label;
    }

    private static boolean isZero(String label) {
        return label.chars().allMatch(c -> c == '0' || c == '.');
    }

    static double width(String label) {
        return label.codePointCount(0, label.length()) * CHAR;
    }
}
