package dev.touchstone.assertion.internal;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.Verdict;
import dev.touchstone.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The one message template of Touchstone, used by the thrown error, the console, reports and
 * the Maven gate: a summary line, then one fact per line.
 *
 * <pre>
 * recall on slice night is 0.871, expected above 0.900: FAILED
 *   model     : detector-v7
 *   dataset   : detections
 *   slice     : night (hour &lt; 6 or hour &gt;= 20)
 *   metric    : recall
 *   value     : 0.871
 *   n         : 412
 *   interval  : 95% [0.835, 0.902] wilson
 *   expected  : above 0.900
 *   reason    : the estimate 0.871 is not above 0.900
 * </pre>
 *
 * Names and values that come from data or user code (slice and class names, model and dataset
 * names, descriptions) are escaped ({@link Printable}): a line break in a slice name cannot add a
 * line to the message.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class QualityMessages {

    private QualityMessages() {
    }

    /** The full message for one slice. */
    public static String format(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, Verdict verdict, String reason, OptionalLong examplesNeeded) {
        int decimals = decimals(expectation);
        StringBuilder out = new StringBuilder();
        out.append(Printable.escape(value.metric())).append(" on slice ").append(Printable.escape(value.slice()))
                .append(" is ")
                .append(value.isDefined() ? number(value.value(), decimals, rounding(expectation)) : "undefined")
                .append(", expected ").append(expectation.describe(decimals)).append(": ").append(verdict);
        fact(out, "model", model);
        fact(out, "dataset", dataset);
        fact(out, "slice", sliceDefinition.equals(value.slice()) ? value.slice()
                : value.slice() + " (" + sliceDefinition + ")");
        fact(out, "metric", value.metric());
        fact(out, "value", value.isDefined() ? estimate(value.value(), expectation)
                : "undefined: " + value.undefinedReason().orElse(""));
        fact(out, "n", String.format(Locale.ROOT, "%,d", value.n()));
        fact(out, "interval", interval(value.interval(), decimals));
        fact(out, "expected", expectation.describe(decimals));
        fact(out, "reason", reason);
        if (verdict == Verdict.INCONCLUSIVE) {
            fact(out, "to decide", examplesNeeded.isPresent()
                    ? String.format(Locale.ROOT, "about %,d examples (now %,d), if the estimate stays where it is",
                            examplesNeeded.getAsLong(), value.n())
                    : "more examples of the kind the metric needs");
        }
        for (String note : value.notes()) {
            fact(out, "note", note);
        }
        return out.toString();
    }

    /**
     * {@code message} with a warning about the statement itself as its last fact (a bound the
     * metric's range decides, see {@link VacuousBounds}).
     */
    public static String withWarning(String message, String warning) {
        StringBuilder out = new StringBuilder(message);
        fact(out, "warning", warning);
        return out.toString();
    }

    /** The full message for one slice of a comparison statement: the same template, plus the reference and the test. */
    public static String formatComparison(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, java.util.Optional<dev.touchstone.result.ComparisonResult> comparison,
            Verdict verdict, String reason, OptionalLong examplesNeeded) {
        StringBuilder out = new StringBuilder(format(model, dataset, sliceDefinition, value, expectation, verdict, reason,
                examplesNeeded));
        comparison.ifPresent(c -> {
            fact(out, "reference", c.source() + ": " + number(c.referenceValue(), 4, RoundingMode.HALF_EVEN)
                    + String.format(Locale.ROOT, " (n = %,d)", c.referenceN()));
            fact(out, "pairing", (c.paired() ? "paired: " : "unpaired: ") + c.pairing());
            fact(out, "difference", signed(c.difference()) + " (model − reference), "
                    + interval(c.interval(), 4));
            fact(out, "test", c.test() + String.format(Locale.ROOT, ", statistic %.4f, p = %s", c.statistic(),
                    ComparisonPValues.text(c.pValue()))
                    + (c.multiplicity() == null ? "" : ", adjusted p = " + ComparisonPValues.text(c.adjustedPValue())
                            + " (" + c.multiplicity() + " over " + c.family() + ")")
                    + String.format(Locale.ROOT, ", α = %s", c.alpha()));
            fact(out, "power", ComparisonJudge.powerText(c));
        });
        return out.toString();
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + number(value, 4, RoundingMode.HALF_EVEN);
    }

    /** The message of a thrown error: a heading, then every failing or inconclusive slice. */
    public static String summary(StatementResult result) {
        List<SliceResult> slices = result.slices();
        List<SliceResult> bad = slices.stream().filter(s -> s.verdict() != Verdict.PASSED).toList();
        StringBuilder out = new StringBuilder();
        result.description().ifPresent(d -> out.append('[').append(Printable.escape(d)).append("] "));
        if (slices.size() == 1) {
            return out.append(slices.get(0).message()).toString();
        }
        SliceResult first = slices.get(0);
        out.append(bad.size()).append(" of ").append(slices.size()).append(" slices did not pass: ")
                .append(Printable.escape(first.metric())).append(" expected ").append(first.expectation().describe(decimals(first.expectation())));
        for (SliceResult s : slices) {
            out.append(String.format(Locale.ROOT, "%n  %-24s %-10s %s  %s", Printable.escape(s.slice()),
                    s.value().isDefined() ? number(s.value().value(), 4, RoundingMode.HALF_EVEN) : "undefined",
                    interval(s.value().interval(), 3), s.verdict()));
        }
        for (SliceResult s : bad) {
            out.append(System.lineSeparator()).append(System.lineSeparator()).append(s.message());
        }
        return out.toString();
    }

    /** p-values with enough digits to compare with α. */
    static final class ComparisonPValues {
        private ComparisonPValues() {
        }

        static String text(double p) {
            return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
        }
    }

    /** One fact on its own line; its value (names and values from data among them) escaped to stay on it. */
    private static void fact(StringBuilder out, String key, String value) {
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-10s: %s", key,
                Printable.escape(value)));
    }

    static String interval(Interval interval, int decimals) {
        String level = Expectation.percent(interval.level());
        if (!interval.isDefined()) {
            return level + " undefined";
        }
        return level + " [" + number(interval.low(), decimals, RoundingMode.FLOOR) + ", "
                + number(interval.high(), decimals, RoundingMode.CEILING) + "] " + interval.method();
    }


    /** Decimals shown next to {@code expectation}. */
    public static int decimals(Expectation expectation) {
        return expectation.decimals();
    }

    // A value shown next to a minimum is rounded down, next to a maximum up, so that the shown
    // value never seems to meet a bound that the real value misses.
    private static RoundingMode rounding(Expectation expectation) {
        return switch (expectation.kind()) {
            case ABOVE, AT_LEAST -> RoundingMode.FLOOR;
            case BELOW, AT_MOST -> RoundingMode.CEILING;
            default -> RoundingMode.HALF_EVEN;
        };
    }

    /** An estimate next to its expectation, one decimal finer than the bound, rounded away from meeting it. */
    public static String estimate(double value, Expectation expectation) {
        return number(value, decimals(expectation) + 1, rounding(expectation));
    }

    /** An interval bound: lows rounded down, highs up, so the shown interval always contains the real one. */
    public static String bound(double value, Expectation expectation, boolean low) {
        return number(value, decimals(expectation) + 1, low ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    // From the shortest decimal that names the double (0.3, not 0.29999999999999998889...), so
    // that exact decimals show as themselves.
    static String number(double value, int decimals, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).setScale(decimals, mode).toPlainString();
    }
}
