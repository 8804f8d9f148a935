package dev.touchstone.report.internal;

import dev.touchstone.report.ConfusionMatrixSvg;
import dev.touchstone.report.EvidenceHtml;
import dev.touchstone.report.SliceChartSvg;
import dev.touchstone.report.internal.AllureResult.Attachment;
import dev.touchstone.report.internal.AllureResult.Label;
import dev.touchstone.report.internal.AllureResult.Parameter;
import dev.touchstone.report.internal.AllureResult.Status;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Touchstone's judgements as Allure results: one per statement and slice, as the gate counts
 * them, nested in Allure's Suites tree as spec ▸ check (▸ statement, when a check has several)
 * ▸ result. INCONCLUSIVE is {@code broken} (or {@code skipped} under
 * {@code touchstone.inconclusive=skip}), never a product defect; every result's trace starts
 * with a line that {@link AllureCategories} groups by verdict and metric.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureCases {

    /** What every result of a check shares. */
    public record Check(String spec, String check, String severity, int statements, boolean inconclusiveSkips,
            String host, String thread) {

        String simpleSpec() {
            int dot = spec.lastIndexOf('.');
            return dot < 0 ? spec : spec.substring(dot + 1);
        }

        String packageName() {
            int dot = spec.lastIndexOf('.');
            return dot < 0 ? "" : spec.substring(0, dot);
        }
    }

    /**
     * A statement's timing, in epoch milliseconds.
     *
     * @param start when the statement began to be evaluated
     * @param stop  when it was judged
     */
    public record Timing(long start, long stop) {
    }

    private AllureCases() {
    }

    /**
     * One result per slice of a statement.
     *
     * @param index  the statement's position in its check, from 0
     * @param slices the slices to report (all, or those a re-run selected), in order
     * @param keys   each slice's {@link AllureKeys key}, in the same order
     */
    public static List<AllureResult> statement(Check check, int index, StatementResult statement,
            List<SliceResult> slices, List<String> keys, Timing timing) {
        if (slices.size() != keys.size()) {
            throw new IllegalArgumentException(slices.size() + " slices but " + keys.size() + " keys");
        }
        List<SliceResult> all = statement.slices();
        Attachment chart = all.size() > 1 || all.stream().anyMatch(s -> s.comparison().isPresent())
                ? new Attachment(metric(all) + " by slice", "image/svg+xml", ".svg", SliceChartSvg.of(all))
                : null;
        List<AllureResult> results = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            results.add(slice(check, index, statement, slices.get(i), keys.get(i), chart, timing));
        }
        return results;
    }

    private static AllureResult slice(Check check, int index, StatementResult statement, SliceResult s, String key,
            @Nullable Attachment chart, Timing timing) {
        List<Label> labels = labels(check, s.model(), s.metric());
        if (check.statements() > 1) {
            labels.add(new Label("subSuite", "statement " + (index + 1) + ": " + s.metric() + " "
                    + (s.expectation() == null ? "" : s.expectation().describe(s.expectation().decimals()))));
        }
        labels.add(new Label(AllureKeys.LABEL, key));
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("model", orEmpty(s.model())));
        parameters.add(new Parameter("dataset", orEmpty(s.dataset())));
        parameters.add(new Parameter("slice", s.slice()));
        parameters.add(new Parameter("metric", s.metric()));
        if (s.expectation() != null) {
            parameters.add(new Parameter("expectation", s.expectation().describe(s.expectation().decimals())));
        }
        List<Attachment> attachments = new ArrayList<>();
        if (chart != null) {
            attachments.add(chart);
        }
        s.value().confusion().ifPresent(counts -> attachments.add(new Attachment("Confusion matrix: " + s.slice(),
                "image/svg+xml", ".svg", ConfusionMatrixSvg.of(s.model() + " on " + s.dataset() + ", slice " + s.slice(),
                        counts))));
        Status status = status(s.verdict(), check.inconclusiveSkips());
        String message = status == Status.PASSED ? null : headline(s);
        String trace = status == Status.PASSED ? null : tag(s.verdict(), s.metric(), s.slice(), check) + "\n\n"
                + orEmpty(s.message());
        String description = statement.description().map(d -> "<p style=\"font-weight:600\">"
                + escape(d) + "</p>\n").orElse("") + EvidenceHtml.fragment(statement.slices(), s.slice());
        String name = s.metric() + " on " + s.slice() + occurrence(key);
        return new AllureResult(UUID.randomUUID().toString(), AllureKeys.historyId(key), name,
                check.spec() + "." + check.check() + " " + name, status, message, trace, timing.start(), timing.stop(),
                labels, parameters, attachments, List.of(), description);
    }

    /**
     * A per-slice statement as a whole: its evidence table and chart, with the worst verdict of
     * its slices. Only for a test that stands for the statement's check (Allure's listener
     * reports the check as a test of its own); never counted.
     */
    public static AllureResult summary(Check check, StatementResult statement, List<SliceResult> slices,
            Timing timing) {
        String metric = metric(slices);
        Attachment chart = new Attachment(metric + " by slice", "image/svg+xml", ".svg", SliceChartSvg.of(slices));
        SliceResult first = slices.get(0);
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("model", orEmpty(first.model())));
        parameters.add(new Parameter("dataset", orEmpty(first.dataset())));
        parameters.add(new Parameter("metric", metric));
        if (first.expectation() != null) {
            parameters.add(new Parameter("expectation", first.expectation().describe(first.expectation().decimals())));
        }
        Verdict worst = statement.withSlices(slices).verdict();
        Status status = status(worst, check.inconclusiveSkips());
        String name = metric + " on " + slices.size() + (slices.size() == 1 ? " slice" : " slices");
        return new AllureResult(UUID.randomUUID().toString(), null, name, check.spec() + "." + check.check() + " "
                + name, status, status == Status.PASSED ? null : statement.count(Verdict.PASSED) + " of "
                + slices.size() + " slices passed", null, timing.start(), timing.stop(),
                labels(check, first.model(), metric), parameters, List.of(chart), List.of(),
                EvidenceHtml.fragment(slices, null));
    }

    /**
     * A check that could not be judged: a broken setup ({@code broken}), or an assertion of the
     * user's own that failed ({@code failed}).
     *
     * @param position a number that tells this check's problems apart (0 for the first)
     */
    public static AllureResult problem(Check check, int position, Verdict verdict, String message, String trace,
            Timing timing) {
        Status status = verdict == Verdict.FAILED ? Status.FAILED : Status.BROKEN;
        List<Label> labels = labels(check, null, null);
        String name = check.check() + (verdict == Verdict.FAILED ? " failed" : " could not be evaluated");
        return new AllureResult(UUID.randomUUID().toString(),
                AllureKeys.historyId(check.spec() + "#" + check.check() + "|problem|" + position), name,
                check.spec() + "." + check.check(), status, firstLine(message),
                tag(verdict, null, null, check) + "\n\n" + trace, timing.start(), timing.stop(), labels, List.of(),
                List.of(), List.of(), null);
    }

    /** A check that was skipped (an assumption, a missing baseline under skip or record): not counted by the gate. */
    public static AllureResult skipped(Check check, String reason, Timing timing) {
        return new AllureResult(UUID.randomUUID().toString(),
                AllureKeys.historyId(check.spec() + "#" + check.check() + "|skipped"), check.check() + " skipped",
                check.spec() + "." + check.check(), Status.SKIPPED, firstLine(reason), reason, timing.start(),
                timing.stop(), labels(check, null, null), List.of(), List.of(), List.of(), null);
    }

    /** PASSED passed, FAILED failed, INCONCLUSIVE broken (skipped when it does not fail the check), ERROR broken. */
    public static Status status(Verdict verdict, boolean inconclusiveSkips) {
        return switch (verdict) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case INCONCLUSIVE -> inconclusiveSkips ? Status.SKIPPED : Status.BROKEN;
            case ERROR -> Status.BROKEN;
        };
    }

    /** The first line of every trace: what {@link AllureCategories} matches. */
    static String tag(Verdict verdict, @Nullable String metric, @Nullable String slice, Check check) {
        StringBuilder tag = new StringBuilder(AllureCategories.TAG).append(verdict.name());
        if (metric != null) {
            tag.append(" \u00b7 metric ").append(metric);
        }
        if (slice != null) {
            tag.append(" \u00b7 slice ").append(slice);
        }
        return tag.append(" \u00b7 check ").append(check.simpleSpec()).append('.').append(check.check()).toString();
    }

    private static List<Label> labels(Check check, @Nullable String model, @Nullable String metric) {
        List<Label> labels = new ArrayList<>();
        labels.add(new Label("parentSuite", check.spec()));
        labels.add(new Label("suite", check.check()));
        labels.add(new Label("package", check.packageName()));
        labels.add(new Label("testClass", check.spec()));
        labels.add(new Label("testMethod", check.check()));
        labels.add(new Label("framework", "touchstone"));
        labels.add(new Label("language", "java"));
        labels.add(new Label("host", check.host()));
        labels.add(new Label("thread", check.thread()));
        labels.add(new Label("severity", check.severity()));
        if (model != null && !model.isBlank()) {
            labels.add(new Label("feature", model));
        }
        if (metric != null) {
            labels.add(new Label("story", metric));
        }
        return labels;
    }

    private static String headline(SliceResult s) {
        String message = s.message();
        if (message == null || message.isBlank()) {
            return orEmpty(s.reason());
        }
        return firstLine(message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).stripTrailing();
    }

    // The second statement on the same slice, metric and kind is "#2" in its name.
    private static String occurrence(String key) {
        int bar = key.lastIndexOf('|');
        int n = Integer.parseInt(key.substring(bar + 1));
        return n == 0 ? "" : " #" + (n + 1);
    }

    private static String metric(List<SliceResult> slices) {
        return slices.stream().map(SliceResult::metric).distinct().reduce((a, b) -> a + ", " + b).orElse("metric");
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
