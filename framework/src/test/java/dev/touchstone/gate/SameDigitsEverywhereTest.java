package dev.touchstone.gate;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.model.Model;
import dev.touchstone.report.EvidenceHtml;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.wording.Wording;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 2, as a property: statements of every kind, judged by the DSL on seeded random
 * data with bounds drawn close to the values, are rendered through every output (the thrown
 * error's message, results.json read back, the engine's console line, the gate's table and
 * one-line message, summary.md, the report's evidence table). Every output must show the same
 * value, interval, expectation and p-value, and no rounding may put a shown number on the other
 * side of a bound (or make it touch one) from where the real number is.
 */
class SameDigitsEverywhereTest {

    static final long SEED = 20261206L;
    static final int CASES = 160;
    static final CheckId CHECK = new CheckId("com.acme.DigitsSpec", "statement");
    static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?");

    enum Kind {
        ABOVE, AT_LEAST, BELOW, AT_MOST, BETWEEN, ABOVE_WITH_CONFIDENCE, AT_MOST_WITH_CONFIDENCE,
        NOT_WORSE_WITH_TOLERANCE, NOT_WORSE_WITH_RELATIVE_TOLERANCE, NON_INFERIOR, NOT_SIGNIFICANTLY_WORSE,
        NOT_SIGNIFICANTLY_WORSE_THAN_PREVIOUS_RUN, SIGNIFICANTLY_BETTER, SIGNIFICANTLY_BETTER_THAN_PREVIOUS_RUN,
        NON_INFERIOR_TO_PREVIOUS_RUN, UNDEFINED
    }

    @TempDir
    Path dir;

    @Test
    void every_statement_kind_shows_the_same_digits_in_every_output() {
        Random random = new Random(SEED);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        Set<String> hypotheses = new TreeSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < CASES; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            Path caseDir = dir.resolve("case" + i);
            for (SliceResult slice : judge(kind, random, caseDir)) {
                kinds.add(kind);
                verdicts.add(slice.verdict());
                Evidence e = Evidence.of(slice);
                if (e.test() != null && e.test().hypothesis() != null) {
                    hypotheses.add(e.test().hypothesis());
                }
                String where = "case " + i + " (" + kind + "): " + slice.message();
                checkOutputs(softly, slice, e, caseDir, where);
                checkRounding(softly, e, where);
            }
        }
        softly.assertAll();
        assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
        assertThat(verdicts).contains(Verdict.PASSED, Verdict.FAILED, Verdict.INCONCLUSIVE);
        assertThat(hypotheses).containsExactly("better", "non-inferior", "worse");
    }

    // The same value, interval, expectation and p-value in every output.
    private static void checkOutputs(SoftAssertions softly, SliceResult slice, Evidence e, Path caseDir, String where) {
        String value = Wording.value(e);
        String interval = Wording.interval(e);
        String expected = Wording.expected(e);
        String p = Wording.pValue(e);
        String delta = Wording.delta(e);

        // the thrown error's message
        String message = slice.message();
        softly.assertThat(message).as(where).startsWith(Printable.escape(e.metric()) + " on slice "
                + Printable.escape(e.slice()) + " is " + value + ", expected " + expected + ": " + e.verdict());
        softly.assertThat(fact(message, "value")).as(where).startsWith(value);
        if (!"-".equals(interval)) {
            softly.assertThat(fact(message, "interval")).as(where).startsWith(interval);
        }
        softly.assertThat(fact(message, "expected")).as(where).isEqualTo(expected);
        if (!"-".equals(p)) {
            String digits = p.substring(p.indexOf('=') + 1).split(" ")[0];
            softly.assertThat(fact(message, "test")).as(where).contains(p.substring(0, p.indexOf('=')) + " = ")
                    .contains(digits);
        }
        if (!delta.isEmpty()) {
            softly.assertThat(fact(message, "difference")).as(where).startsWith(delta + " ");
        }

        // results.json, read back: the same facts
        CheckEntry written = CheckEntry.of("[engine:touchstone]/[spec:" + CHECK.spec() + "]/[check:statement()]",
                CHECK.spec(), CHECK.check(), slice, 3);
        Path file = caseDir.resolve("results-" + Math.abs(slice.slice().hashCode()) + ".json");
        ResultsJson.write(file, new RunResults(RunResults.SCHEMA_VERSION,
                new RunInfo(Instant.EPOCH, Instant.EPOCH, 42, "test"), List.of(written)));
        CheckEntry read = ResultsJson.read(file).checks().get(0);
        softly.assertThat(read.evidence()).as(where).isEqualTo(e);

        // the engine's console line
        String line = Wording.line(e);
        softly.assertThat(line).as(where).startsWith(Printable.escape(e.metric()) + " " + value
                + ("-".equals(interval) ? "" : " " + interval) + ", expected " + expected);
        if (!"-".equals(p)) {
            softly.assertThat(line).as(where).endsWith(", " + p);
        }

        // the gate: table, one-line message, summary.md
        GateReport report = Gate.evaluate(new RunResults(RunResults.SCHEMA_VERSION,
                new RunInfo(Instant.EPOCH, Instant.EPOCH, 42, "test"), List.of(read)), GateOptions.withDefaults());
        String[] cells = GateTable.cells(report, read);
        softly.assertThat(cells[3]).as(where).isEqualTo(value);
        softly.assertThat(cells[4]).as(where).isEqualTo(interval);
        softly.assertThat(cells[5]).as(where).isEqualTo(Printable.escape(expected));
        softly.assertThat(cells[6]).as(where).isEqualTo(p);
        String gateLine = GateMessages.check(read);
        softly.assertThat(gateLine).as(where).contains(" is " + value + ", ");
        if (!"-".equals(interval) && !interval.endsWith("undefined")) {
            softly.assertThat(gateLine).as(where).contains(interval.replaceFirst(" ", " CI "));
        }
        if (!"-".equals(p)) {
            softly.assertThat(gateLine).as(where).contains(p);
        }
        String md = MarkdownSummary.render(report);
        softly.assertThat(md).as(where).contains("| " + MarkdownSummary.escape(value) + " | "
                + MarkdownSummary.escape(interval) + " | ");
        if (e.verdict() != Verdict.PASSED) {
            softly.assertThat(md).as(where).contains(" | " + MarkdownSummary.escape(Printable.escape(delta)) + " | ");
        }

        // the report's evidence table
        String html = EvidenceHtml.table(List.of(slice));
        softly.assertThat(html).as(where).contains(value);
        Wording.low(e).ifPresent(low -> softly.assertThat(html).as(where).contains(">" + low + "<"));
        Wording.high(e).ifPresent(high -> softly.assertThat(html).as(where).contains(">" + high + "<"));

        // levels as people write them, in every output
        for (String text : List.of(message, line, gateLine, md, html)) {
            softly.assertThat(text).as(where).doesNotContainPattern("[0-9]\\.0%");
        }
    }

    // No shown number on the other side of a bound from the real one, nor touching it when the
    // real one does not; intervals shown never narrower; values and references told apart.
    private static void checkRounding(SoftAssertions softly, Evidence e, String where) {
        List<Double> bounds = new ArrayList<>();
        if (e.expectation() != null && e.expectation().threshold() != null) {
            bounds.add(e.expectation().threshold());
        }
        if (e.expectation() != null && e.expectation().upper() != null) {
            bounds.add(e.expectation().upper());
        }
        String value = Wording.value(e);
        for (double bound : bounds) {
            if (e.isDefined()) {
                sameSide(softly, e.value(), value, bound, where + " [value]");
            }
            Wording.low(e).ifPresent(low -> sameSide(softly, e.interval().low(), low, bound, where + " [low]"));
            Wording.high(e).ifPresent(high -> sameSide(softly, e.interval().high(), high, bound, where + " [high]"));
        }
        Wording.low(e).ifPresent(low -> softly.assertThat(decimal(low)).as(where + " [low contains]")
                .isLessThanOrEqualTo(exact(e.interval().low())));
        Wording.high(e).ifPresent(high -> softly.assertThat(decimal(high)).as(where + " [high contains]")
                .isGreaterThanOrEqualTo(exact(e.interval().high())));
        if (e.baseline() != null && e.baseline().value() != null && e.isDefined()
                && Math.abs(e.value() - e.baseline().value()) > 1e-9) {
            String reference = Wording.reference(e);
            String shownReference = reference.substring(reference.lastIndexOf(' ') + 1);
            softly.assertThat(decimal(value)).as(where + " [value vs reference]")
                    .isNotEqualByComparingTo(decimal(shownReference));
        }
        if (e.difference() != null && Double.isFinite(e.difference().value())
                && Math.abs(e.difference().value()) > 1e-9) {
            softly.assertThat(decimal(Wording.delta(e)).signum()).as(where + " [difference sign]")
                    .isEqualTo((int) Math.signum(e.difference().value()));
        }
        if (e.test() != null) {
            String kind = e.expectation().kind();
            String hypothesis = "significantly_better_than".equals(kind) ? "better"
                    : "not_worse_than".equals(kind) && e.expectation().confidence() != null ? "non-inferior" : "worse";
            softly.assertThat(e.test().hypothesis()).as(where + " [hypothesis]").isEqualTo(hypothesis);
            softly.assertThat(Wording.pValue(e)).as(where + " [p label]").startsWith("p(" + hypothesis + ")=");
        }
    }

    private static void sameSide(SoftAssertions softly, double real, String shown, double bound, String where) {
        BigDecimal b = exact(bound);
        int side = exact(real).compareTo(b);
        if (Math.abs(real - bound) <= 1e-9 * Math.max(1, Math.abs(bound))) {
            return;
        }
        softly.assertThat(decimal(shown).compareTo(b)).as(where + ": " + shown + " against " + bound + " (real " + real + ")")
                .isEqualTo(side);
    }

    private static BigDecimal exact(double x) {
        return new BigDecimal(Double.toString(x));
    }

    private static BigDecimal decimal(String shown) {
        Matcher m = NUMBER.matcher(shown);
        if (!m.find()) {
            throw new AssertionError("no number in " + shown);
        }
        return new BigDecimal(m.group().replace(",", ""));
    }

    private static String fact(String message, String key) {
        for (String line : message.lines().toList()) {
            if (line.matches("  " + Pattern.quote(key) + " *: .*")) {
                return line.substring(line.indexOf(": ") + 2);
            }
        }
        return "";
    }

    // --- judging random statements with the DSL ---

    private static List<SliceResult> judge(Kind kind, Random random, Path caseDir) {
        int n = 30 + random.nextInt(1200);
        double championRate = 0.5 + 0.48 * random.nextDouble();
        double flip = random.nextDouble() * 0.08;
        DatasetBuilder b = Dataset.builder("frames").columns("id", "label", "champion", "challenger", "camera");
        int correct = 0;
        for (int i = 0; i < n; i++) {
            String label = random.nextBoolean() ? "yes" : "no";
            String other = label.equals("yes") ? "no" : "yes";
            boolean championRight = random.nextDouble() < championRate;
            boolean challengerRight = random.nextDouble() < flip ? !championRight : championRight;
            correct += challengerRight ? 1 : 0;
            b.row("a" + i, label, championRight ? label : other, challengerRight ? label : other, "a");
        }
        for (int i = 0; i < 15; i++) {
            b.row("neg" + i, "no", "no", random.nextBoolean() ? "no" : "yes", "neg");
        }
        Dataset data = b.build().withId("id").withLabel("label").withPositiveClass("yes");
        Model champion = Model.logged("champion", data.withPrediction("champion"));
        Model challenger = Model.logged("challenger", data.withPrediction("challenger"));
        double accuracy = (double) correct / n;
        double t = near(accuracy, random);
        double confidence = List.of(0.9, 0.95, 0.99, 0.995).get(random.nextInt(4));
        double tolerance = List.of(0.001, 0.005, 0.01, 0.0125, 0.02, 0.05).get(random.nextInt(6));
        double relative = List.of(0.01, 0.02, 0.05).get(random.nextInt(3));
        writePreviousRun(caseDir, accuracy + (random.nextDouble() - 0.5) * 0.1, 200 + random.nextInt(1000));

        Runnable statement = switch (kind) {
            case ABOVE -> () -> assertThat(challenger).onSlice("camera=a").accuracy().isAbove(t);
            case AT_LEAST -> () -> assertThat(challenger).onSlice("camera=a").accuracy().isAtLeast(t);
            case BELOW -> () -> assertThat(challenger).onSlice("camera=a").accuracy().isBelow(t);
            case AT_MOST -> () -> assertThat(challenger).onSlice("camera=a").accuracy().isAtMost(t);
            case BETWEEN -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .isBetween(Math.min(t, 0.99), Math.min(1.0, near(Math.min(t, 0.99) + 0.03, random) + 0.011));
            case ABOVE_WITH_CONFIDENCE -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withConfidence(confidence).isAbove(t);
            case AT_MOST_WITH_CONFIDENCE -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withConfidence(confidence).isAtMost(t);
            case NOT_WORSE_WITH_TOLERANCE -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withTolerance(tolerance).isNotWorseThan(champion);
            case NOT_WORSE_WITH_RELATIVE_TOLERANCE -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withRelativeTolerance(relative).isNotWorseThan(champion);
            case NON_INFERIOR -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withConfidence(confidence).withTolerance(tolerance).isNotWorseThan(champion);
            case NOT_SIGNIFICANTLY_WORSE -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .isNotSignificantlyWorseThan(champion);
            case NOT_SIGNIFICANTLY_WORSE_THAN_PREVIOUS_RUN -> () -> assertThat(challenger).onSlice("camera=a")
                    .accuracy().withTolerance(tolerance).isNotSignificantlyWorseThan(Baseline.previousRun());
            case SIGNIFICANTLY_BETTER -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .isSignificantlyBetterThan(champion);
            case SIGNIFICANTLY_BETTER_THAN_PREVIOUS_RUN -> () -> assertThat(challenger).onSlice("camera=a")
                    .accuracy().isSignificantlyBetterThan(Baseline.previousRun());
            case NON_INFERIOR_TO_PREVIOUS_RUN -> () -> assertThat(challenger).onSlice("camera=a").accuracy()
                    .withConfidence(confidence).withRelativeTolerance(relative).isNotWorseThan(Baseline.previousRun());
            case UNDEFINED -> () -> assertThat(challenger).onSlice("camera=neg").recall().isAbove(t);
        };
        List<StatementResult> judged = new ArrayList<>();
        QualityScope.standalone().withSettings(TouchstoneSettings.defaults().withBaselineDir(caseDir))
                .withCheck(CHECK).collecting(judged::add, r -> { }).run(statement);
        List<SliceResult> slices = new ArrayList<>();
        judged.forEach(s -> slices.addAll(s.slices()));
        return slices;
    }

    // A bound close to x, written with 1 to 5 decimals: where rounding is most likely to mislead.
    private static double near(double x, Random random) {
        double[] offsets = {0, 1e-6, -1e-6, 1e-4, -1e-4, 4e-4, -4e-4, 0.001, -0.001, 0.004, -0.004, 0.02, -0.02, 0.1};
        double raw = x + offsets[random.nextInt(offsets.length)];
        int decimals = 1 + random.nextInt(5);
        double t = new BigDecimal(Double.toString(raw)).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        return Math.max(0.001, Math.min(0.999, t));
    }

    // A previous run on other data (unpaired), with a value near the challenger's.
    private static void writePreviousRun(Path caseDir, double value, int n) {
        double v = Math.max(0.05, Math.min(0.95, value));
        long successes = Math.round(v * n);
        double rate = (double) successes / n;
        try {
            BaselineFile.write(caseDir.resolve("previous-run").resolve(BaselineFile.FILE_NAME), "previous-run", null,
                    List.of(new BaselineEntry(CHECK.spec(), CHECK.check(), "challenger", "frames", "camera=a",
                            "accuracy", rate, n, 0.95, Math.max(0, rate - 0.05), Math.min(1, rate + 0.05), "wilson",
                            Map.of("successes", (double) successes, "trials", (double) n), "sha256:other", null, null)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
