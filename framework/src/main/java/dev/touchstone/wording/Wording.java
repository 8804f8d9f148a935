package dev.touchstone.wording;

import dev.touchstone.internal.text.Numerals;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.DifferenceEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.PowerEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a statement's evidence reads, in every output: the pieces a table shows (value, interval,
 * expectation, reference, difference, labelled p-value), the headline, the list of facts and
 * the full message. Every number is written by {@link Digits}, so the thrown error, the engine's
 * console, the gate's table and {@code summary.md}, and the report show the same digits.
 *
 * <pre>
 * recall on slice night is 0.873, expected above 0.900: FAILED
 *   model    : detector-v7
 *   dataset  : detections
 *   slice    : night (hour &lt; 6 or hour &gt;= 20)
 *   metric   : recall
 *   value    : 0.873
 *   n        : 1,650
 *   interval : 95% [0.846, 0.897] wilson
 *   expected : above 0.900
 *   reason   : the estimate 0.873 is not above 0.900
 *   next step: inspect detector-v7's examples in slice night (hour &lt; 6 or hour &gt;= 20) of detections; ...
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Wording {

    private Wording() {
    }

    /** The point estimate ({@code 0.873}, {@code 1,424}), or {@code undefined}. */
    public static String value(Evidence e) {
        return e.isDefined() ? Digits.of(e).value(e.value()) : "undefined";
    }

    /** {@code 95% [0.846, 0.897]}; {@code 95% undefined} when it cannot be computed; {@code -} for counts or none. */
    public static String interval(Evidence e) {
        IntervalEntry i = e.interval();
        // "none": the value has no interval by design (a drift statistic's effect size), not one that failed
        if (i == null || isCount(e) || "none".equals(i.method())) {
            return "-";
        }
        Digits d = Digits.of(e);
        String level = Numerals.percent(i.level());
        if (i.low() == null && i.high() == null) {
            return level + " undefined";
        }
        return level + " [" + (i.low() == null ? "?" : d.low(i.low())) + ", "
                + (i.high() == null ? "?" : d.high(i.high())) + "]";
    }

    /** {@link #interval} with its method: {@code 95% [0.846, 0.897] wilson}. */
    public static String intervalWithMethod(Evidence e) {
        String interval = interval(e);
        return "-".equals(interval) ? interval : interval + " " + e.interval().method();
    }

    /** The interval's low as {@link #interval} writes it, or empty. */
    public static Optional<String> low(Evidence e) {
        IntervalEntry i = e.interval();
        return i == null || i.low() == null ? Optional.empty() : Optional.of(Digits.of(e).low(i.low()));
    }

    /** The interval's high as {@link #interval} writes it, or empty. */
    public static Optional<String> high(Evidence e) {
        IntervalEntry i = e.interval();
        return i == null || i.high() == null ? Optional.empty() : Optional.of(Digits.of(e).high(i.high()));
    }

    /**
     * What was expected: {@code above 0.900 with 95% confidence}, {@code between 0.800 and 0.950},
     * {@code not significantly worse than previous-run 0.900 (tolerance 0.010)}; {@code -} when
     * the entry has no expectation.
     */
    public static String expected(Evidence e) {
        ExpectationEntry x = e.expectation();
        if (x == null) {
            return e.baseline() == null ? "-" : "baseline " + reference(e);
        }
        String text = bound(e);
        return x.confidence() == null ? text : text + " with " + Numerals.percent(x.confidence()) + " confidence";
    }

    /** {@link #expected} without the confidence: {@code above 0.900}, {@code not worse than model:champion 0.912}. */
    public static String bound(Evidence e) {
        ExpectationEntry x = e.expectation();
        if (x == null) {
            return "-";
        }
        Digits d = Digits.of(e);
        return switch (x.kind()) {
            case "above" -> "above " + bound(d, x.threshold());
            case "at_least" -> "at least " + bound(d, x.threshold());
            case "below" -> "below " + bound(d, x.threshold());
            case "at_most" -> "at most " + bound(d, x.threshold());
            case "between" -> "between " + bound(d, x.threshold()) + " and " + bound(d, x.upper());
            default -> comparison(e, x, d);
        };
    }

    private static String bound(Digits d, Double t) {
        return t == null ? "undefined" : d.bound(t);
    }

    // "not significantly worse than previous-run 0.900 (tolerance 0.009 = 1% of it)"
    private static String comparison(Evidence e, ExpectationEntry x, Digits d) {
        StringBuilder text = new StringBuilder(x.kind().replace('_', ' ')).append(' ');
        text.append(e.baseline() == null ? "the reference" : reference(e));
        if (x.tolerance() > 0) {
            text.append(" (tolerance ").append(d.tolerance(x.tolerance()));
            if (x.relativeTolerance() != null) {
                text.append(" = ").append(Numerals.percent(x.relativeTolerance())).append(" of it");
            }
            text.append(')');
        }
        return text.toString();
    }

    /** The reference and its value: {@code previous-run 0.900}; empty when there is none. */
    public static String reference(Evidence e) {
        BaselineEntry b = e.baseline();
        if (b == null) {
            return "";
        }
        return b.value() == null ? b.source() : b.source() + " " + Digits.of(e).number(b.value());
    }

    /** Model − reference, signed ({@code -0.140}); empty when the statement compares with nothing. */
    public static String delta(Evidence e) {
        DifferenceEntry diff = e.difference();
        if (diff != null) {
            return Digits.of(e).signed(diff.value());
        }
        BaselineEntry b = e.baseline();
        if (b != null && b.value() != null && e.value() != null) {
            return Digits.of(e).signed(e.value() - b.value());
        }
        return "";
    }

    /**
     * The p-value that speaks to the verdict, labelled with what a small one shows, and the
     * multiplicity correction when it changed it: {@code p(worse)=0.023 holm},
     * {@code p(non-inferior)=0.003}; {@code -} when no test ran.
     */
    public static String pValue(Evidence e) {
        TestEntry t = e.test();
        if (t == null || t.pValue() == null && t.adjustedPValue() == null) {
            return "-";
        }
        return pLabel(t) + "=" + Digits.p(decidingP(t), t.alpha()) + (adjusted(t) ? " " + t.multiplicity() : "");
    }

    /** {@code p(worse)}, {@code p(better)}, {@code p(non-inferior)}; {@code p} when the file does not say. */
    static String pLabel(TestEntry t) {
        return t.hypothesis() == null ? "p" : "p(" + t.hypothesis() + ")";
    }

    private static double decidingP(TestEntry t) {
        return t.adjustedPValue() != null ? t.adjustedPValue() : t.pValue();
    }

    private static boolean adjusted(TestEntry t) {
        return t.adjustedPValue() != null && t.pValue() != null && t.multiplicity() != null
                && !"none".equals(t.multiplicity().toLowerCase(Locale.ROOT))
                && !Digits.p(t.adjustedPValue(), t.alpha()).equals(Digits.p(t.pValue(), t.alpha()));
    }

    /** {@code recall on slice night is 0.873, expected above 0.900: FAILED}, names escaped. */
    public static String headline(Evidence e) {
        return Printable.escape(e.metric()) + " on slice " + Printable.escape(e.slice()) + " is " + value(e)
                + ", expected " + Printable.escape(expected(e)) + ": " + e.verdict();
    }

    /**
     * One line for a console: {@code recall 0.873 95% [0.846, 0.897], expected above 0.900}, and
     * for comparisons the difference and the p-value ({@code , Δ -0.140, p(worse)=0.023 holm}).
     */
    public static String line(Evidence e) {
        StringBuilder out = new StringBuilder(Printable.escape(e.metric())).append(' ').append(value(e));
        String interval = interval(e);
        if (!"-".equals(interval)) {
            out.append(' ').append(interval);
        }
        out.append(", expected ").append(Printable.escape(expected(e)));
        String delta = delta(e);
        if (!delta.isEmpty()) {
            out.append(", Δ ").append(delta);
        }
        String p = pValue(e);
        if (!"-".equals(p)) {
            out.append(", ").append(p);
        }
        return out.toString();
    }

    /** Every fact, in order: what was measured, what was expected, the comparison, why, and what to do. */
    public static List<Fact> facts(Evidence e) {
        Digits d = Digits.of(e);
        List<Fact> facts = new ArrayList<>();
        add(facts, "model", e.model());
        add(facts, "dataset", e.dataset());
        String slice = e.slice();
        String definition = e.sliceDefinition();
        add(facts, "slice", slice == null ? null : definition == null || definition.equals(slice) ? slice
                : slice + " (" + definition + ")");
        add(facts, "metric", e.metric());
        facts.add(new Fact("value", e.isDefined() ? value(e)
                : "undefined" + (e.undefinedReason() == null ? "" : ": " + e.undefinedReason())));
        if (e.n() != null) {
            facts.add(new Fact("n", Numerals.count(e.n())));
        }
        if (!isCount(e) && e.interval() != null) {
            facts.add(new Fact("interval", intervalWithMethod(e)));
        }
        facts.add(new Fact("expected", expected(e)));
        BaselineEntry b = e.baseline();
        if (b != null) {
            StringBuilder ref = new StringBuilder(reference(e));
            if (b.n() != null) {
                ref.append(" (n = ").append(Numerals.count(b.n())).append(')');
            }
            ref.append(b.paired() ? ", paired" : ", unpaired");
            if (b.pairing() != null && !b.pairing().isEmpty()) {
                ref.append(": ").append(b.pairing());
            }
            facts.add(new Fact("reference", ref.toString()));
        }
        DifferenceEntry diff = e.difference();
        if (diff != null) {
            String interval = diff.low() == null || diff.high() == null ? Numerals.percent(diff.level()) + " undefined"
                    : Numerals.percent(diff.level()) + " [" + d.signedLow(diff.low()) + ", " + d.signedHigh(diff.high())
                            + "] " + diff.method();
            facts.add(new Fact("difference", d.signed(diff.value()) + " (model − reference), " + interval));
        }
        TestEntry t = e.test();
        if (t != null) {
            facts.add(new Fact("test", test(e, t)));
        }
        power(e).ifPresent(p -> facts.add(new Fact("power", p)));
        add(facts, "reason", e.reason());
        if (e.verdict() == Verdict.INCONCLUSIVE) {
            facts.add(new Fact("to decide", e.examplesNeeded() != null
                    ? "about " + Numerals.count(e.examplesNeeded()) + " examples (now "
                            + (e.n() == null ? "?" : Numerals.count(e.n())) + "), if the estimate stays where it is"
                    : "more examples of the kind the metric needs"));
        }
        nextStep(e).ifPresent(step -> facts.add(new Fact("next step", step)));
        for (String note : e.notes()) {
            facts.add(new Fact("note", note));
        }
        add(facts, "warning", e.warning());
        return facts;
    }

    // "mcnemar-exact: p(worse) = 0.0078, holm-adjusted 0.023 over recall on 3 slices, α = 0.05"
    private static String test(Evidence e, TestEntry t) {
        StringBuilder text = new StringBuilder(t.name());
        if (t.pValue() == null) {
            return text.toString();
        }
        text.append(": ").append(pLabel(t)).append(" = ").append(Digits.p(t.pValue(), t.alpha()));
        if (adjusted(t)) {
            text.append(", ").append(t.multiplicity()).append("-adjusted ").append(Digits.p(t.adjustedPValue(), t.alpha()));
            if (t.family() != null) {
                text.append(" over ").append(t.family());
            }
        }
        String kind = e.expectation() == null ? "" : e.expectation().kind();
        if ("not_worse_than".equals(kind)) {
            ExpectationEntry x = e.expectation();
            text.append(x.confidence() == null ? " (the estimate decides)"
                    : " (the " + Numerals.percent(x.confidence()) + " interval of the difference decides)");
        } else {
            text.append(", α = ").append(Numerals.plain(t.alpha()));
        }
        return text.toString();
    }

    /**
     * The smallest change a significance test detects, where it helps the reader: for a
     * comparison that did not show a degradation (could it have?), or did not show a gain.
     */
    static Optional<String> power(Evidence e) {
        PowerEntry p = e.power();
        String kind = e.expectation() == null ? "" : e.expectation().kind();
        boolean worse = "not_significantly_worse_than".equals(kind) && e.verdict() != Verdict.FAILED;
        boolean better = "significantly_better_than".equals(kind) && e.verdict() != Verdict.PASSED;
        if (p == null || !worse && !better) {
            return Optional.empty();
        }
        String change = worse ? "a drop" : "a gain";
        if (p.minimumDetectableDifference() == null) {
            return Optional.of("the test cannot detect any " + (worse ? "drop" : "gain") + " with "
                    + Numerals.percent(p.power()) + " power on these examples");
        }
        TestEntry t = e.test();
        double alpha = t == null ? p.alpha() : t.alpha();
        String at = p.comparisons() > 1 && p.alpha() != alpha
                ? "α " + Digits.p(p.alpha(), alpha) + " (" + Numerals.plain(alpha) + " over " + p.comparisons()
                        + " comparisons)"
                : "α " + Numerals.plain(p.alpha());
        return Optional.of("detects " + change + " of " + Digits.of(e).number(p.minimumDetectableDifference())
                + " or more with " + Numerals.percent(p.power()) + " power at " + at
                + (p.exact() ? ", exactly" : ", by a normal approximation"));
    }

    /**
     * What to do about a FAILED statement: record the run as the baseline when the change is
     * intended, inspect the slice's examples, or gather more of them; empty for other verdicts.
     */
    public static Optional<String> nextStep(Evidence e) {
        if (e.verdict() != Verdict.FAILED) {
            return Optional.empty();
        }
        String inspect = "inspect " + possessive(e.model()) + "examples in " + where(e);
        String kind = e.expectation() == null ? "" : e.expectation().kind();
        BaselineEntry b = e.baseline();
        if ("significantly_better_than".equals(kind)) {
            String gain = e.power() == null || e.power().minimumDetectableDifference() == null ? ""
                    : " (on these examples the test detects a gain of "
                            + Digits.of(e).number(e.power().minimumDetectableDifference()) + " or more)";
            return Optional.of("keep the reference, or show the gain on more examples" + gain);
        }
        if (b == null) {
            return Optional.of(inspect + "; change the bound only if " + bound(e) + " is not what is needed");
        }
        Optional<String> record = recordCommand(b.source());
        return Optional.of(record.map(command -> "if the change is intended, make this run the baseline: " + command
                + "; if not, " + inspect).orElse(inspect + " where they differ from " + b.source()));
    }

    // The command that promotes the last run to the baseline a comparison read.
    private static Optional<String> recordCommand(String source) {
        if ("previous-run".equals(source)) {
            return Optional.of("mvn touchstone:baseline -Dtouchstone.baseline.force=true");
        }
        if (source.startsWith("named:")) {
            return Optional.of("mvn touchstone:baseline -Dtouchstone.baseline.name=" + source.substring("named:".length())
                    + " -Dtouchstone.baseline.force=true");
        }
        return Optional.empty();
    }

    private static String possessive(String model) {
        return model == null ? "the model's " : model + "'s ";
    }

    private static String where(Evidence e) {
        String dataset = e.dataset() == null ? "the dataset" : e.dataset();
        String slice = e.slice();
        if (slice == null || "overall".equals(slice)) {
            return dataset;
        }
        String definition = e.sliceDefinition();
        return "slice " + slice + (definition == null || definition.equals(slice) ? "" : " (" + definition + ")")
                + " of " + dataset;
    }

    /**
     * What a statement over several slices expected, without a per-slice reference value:
     * {@code above 0.900 with 95% confidence}, {@code not significantly worse than previous-run}.
     */
    public static String statementExpected(Evidence e) {
        BaselineEntry b = e.baseline();
        if (b == null || b.value() == null) {
            return expected(e);
        }
        return expected(new Evidence(e.model(), e.dataset(), e.slice(), e.sliceDefinition(), e.metric(), e.value(),
                e.undefinedReason(), e.n(), e.interval(), e.expectation(),
                new BaselineEntry(b.source(), null, b.n(), b.paired(), b.pairing()), e.difference(), e.test(), e.power(),
                e.verdict(), e.reason(), e.examplesNeeded(), e.notes(), e.warning()));
    }

    /**
     * One aligned line per slice: slice, value, interval, and for comparisons the difference and
     * the p-value, then the verdict. {@code camera=side  0.760  95% [0.625, 0.858]  Δ -0.140  p(worse)=0.023 holm  FAILED}.
     */
    public static List<String> rows(List<Evidence> slices) {
        boolean comparison = slices.stream().anyMatch(s -> !delta(s).isEmpty() || !"-".equals(pValue(s)));
        List<String[]> cells = new ArrayList<>();
        for (Evidence s : slices) {
            List<String> row = new ArrayList<>(List.of(Printable.escape(String.valueOf(s.slice())), value(s), interval(s)));
            if (comparison) {
                String delta = delta(s);
                row.add(delta.isEmpty() ? "" : "Δ " + delta);
                row.add("-".equals(pValue(s)) ? "" : pValue(s));
            }
            row.add(s.verdict().name());
            cells.add(row.toArray(String[]::new));
        }
        return Columns.align(cells, 1);
    }

    /** The headline, then every fact on its own line, keys aligned; each value escaped to stay on its line. */
    public static String message(Evidence e) {
        StringBuilder out = new StringBuilder(headline(e));
        appendFacts(out, facts(e));
        return out.toString();
    }

    /** Facts as lines under a headline: {@code "  key   : value"}, keys padded to the longest. */
    public static void appendFacts(StringBuilder out, List<Fact> facts) {
        int width = facts.stream().mapToInt(f -> f.key().length()).max().orElse(0);
        for (Fact fact : facts) {
            out.append(System.lineSeparator()).append("  ").append(fact.key())
                    .append(" ".repeat(width - fact.key().length())).append(": ").append(Printable.escape(fact.value()));
        }
    }

    private static void add(List<Fact> facts, String key, String value) {
        if (value != null && !value.isEmpty()) {
            facts.add(new Fact(key, value));
        }
    }

    private static boolean isCount(Evidence e) {
        return "size".equals(e.metric());
    }
}
