package dev.touchstone.export;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A run's results in the Prometheus text exposition format (version 0.0.4), one gauge family
 * per fact, every series labelled {@code spec}, {@code check}, {@code model}, {@code dataset},
 * {@code slice}, {@code window} and {@code metric}:
 *
 * <table>
 *   <caption>metric families</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code touchstone_metric_value}</td><td>the point estimate (for drift: the effect size)</td></tr>
 *   <tr><td>{@code touchstone_metric_interval_low}, {@code touchstone_metric_interval_high}</td>
 *       <td>the interval's bounds (label {@code level})</td></tr>
 *   <tr><td>{@code touchstone_metric_examples}</td><td>n, the examples behind the value</td></tr>
 *   <tr><td>{@code touchstone_metric_threshold}</td><td>the bound of an absolute expectation (label
 *       {@code expectation}: {@code above}, {@code at_least}, ..., {@code no_drift})</td></tr>
 *   <tr><td>{@code touchstone_metric_reference_value}</td><td>the reference's value (baseline, champion,
 *       mean of previous windows)</td></tr>
 *   <tr><td>{@code touchstone_check_p_value}, {@code touchstone_check_adjusted_p_value}</td><td>the test's
 *       p-value, before and after the multiplicity correction (label {@code test})</td></tr>
 *   <tr><td>{@code touchstone_check_verdict}</td><td>1 for the entry's verdict, 0 for the three others
 *       (label {@code verdict})</td></tr>
 *   <tr><td>{@code touchstone_run_results}</td><td>results of the run per verdict</td></tr>
 *   <tr><td>{@code touchstone_run_start_timestamp_seconds}, {@code touchstone_run_duration_seconds}</td>
 *       <td>when the run started, how long it took</td></tr>
 *   <tr><td>{@code touchstone_run_info}</td><td>1, labelled {@code version} and {@code seed}</td></tr>
 * </table>
 *
 * <p>A slice of a time window, {@code segment=a & timestamp@2026-12-01T00:00Z/P1D}, is split into
 * {@code slice="segment=a"} and {@code window="timestamp@2026-12-01T00:00Z/P1D"}; a window alone
 * has {@code slice="overall"}. Undefined values are left out (no series rather than NaN).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class PrometheusExposition {

    /** The file name, in the results directory. */
    public static final String FILE_NAME = "metrics.prom";

    /** Every metric family this exposition writes, for dashboards and tests. */
    public static final List<String> FAMILIES = List.of("touchstone_metric_value", "touchstone_metric_interval_low",
            "touchstone_metric_interval_high", "touchstone_metric_examples", "touchstone_metric_threshold",
            "touchstone_metric_reference_value", "touchstone_check_p_value", "touchstone_check_adjusted_p_value",
            "touchstone_check_verdict", "touchstone_run_results", "touchstone_run_start_timestamp_seconds",
            "touchstone_run_duration_seconds", "touchstone_run_info");

    private static final Pattern WINDOW = Pattern.compile("(?:(.+) & )?([^&=]+@[^ /]+/P[0-9A-Z.]+)");

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("touchstone_metric_value", "Point estimate of the metric on the slice (for drift checks the effect size)."),
            Map.entry("touchstone_metric_interval_low", "Lower bound of the metric's confidence interval."),
            Map.entry("touchstone_metric_interval_high", "Upper bound of the metric's confidence interval."),
            Map.entry("touchstone_metric_examples", "Examples behind the metric's value."),
            Map.entry("touchstone_metric_threshold", "Bound of the check's absolute expectation."),
            Map.entry("touchstone_metric_reference_value", "Value of the reference the check compared with."),
            Map.entry("touchstone_check_p_value", "p-value of the check's test."),
            Map.entry("touchstone_check_adjusted_p_value", "p-value of the check's test after the multiplicity correction."),
            Map.entry("touchstone_check_verdict", "1 for the check's verdict on the slice, 0 for the other verdicts."),
            Map.entry("touchstone_run_results", "Results of the run per verdict."),
            Map.entry("touchstone_run_start_timestamp_seconds", "Start of the run, in seconds since the Unix epoch."),
            Map.entry("touchstone_run_duration_seconds", "Duration of the run."),
            Map.entry("touchstone_run_info", "Facts about the run, as labels; always 1."));

    private PrometheusExposition() {
    }

    /** The slice and window labels of a slice name: {@code [slice, window]}, window empty when none. */
    public static String[] sliceAndWindow(String slice) {
        if (slice == null) {
            return new String[] {"", ""};
        }
        Matcher m = WINDOW.matcher(slice);
        if (m.matches()) {
            return new String[] {m.group(1) == null ? "overall" : m.group(1), m.group(2)};
        }
        return new String[] {slice, ""};
    }

    /** The exposition of {@code results}. */
    public static String render(RunResults results) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        FAMILIES.forEach(f -> families.put(f, new ArrayList<>()));
        Map<String, Integer> seen = new HashMap<>();
        for (CheckEntry e : results.checks()) {
            Map<String, String> labels = labels(e);
            String key = labels.toString();
            int occurrence = seen.merge(key, 1, Integer::sum);
            if (occurrence > 1) {
                labels.put("statement", Integer.toString(occurrence));
            }
            if (e.value() != null && Double.isFinite(e.value())) {
                add(families, "touchstone_metric_value", labels, e.value());
            }
            if (e.n() != null) {
                add(families, "touchstone_metric_examples", labels, e.n());
            }
            if (e.interval() != null) {
                Map<String, String> withLevel = with(labels, "level", number(e.interval().level()));
                if (e.interval().low() != null && Double.isFinite(e.interval().low())) {
                    add(families, "touchstone_metric_interval_low", withLevel, e.interval().low());
                }
                if (e.interval().high() != null && Double.isFinite(e.interval().high())) {
                    add(families, "touchstone_metric_interval_high", withLevel, e.interval().high());
                }
            }
            if (e.expectation() != null && e.expectation().threshold() != null
                    && Double.isFinite(e.expectation().threshold())) {
                add(families, "touchstone_metric_threshold", with(labels, "expectation", e.expectation().kind()),
                        e.expectation().threshold());
            }
            if (e.baseline() != null && e.baseline().value() != null && Double.isFinite(e.baseline().value())) {
                add(families, "touchstone_metric_reference_value", with(labels, "reference", e.baseline().source()),
                        e.baseline().value());
            }
            if (e.test() != null) {
                Map<String, String> withTest = with(labels, "test", e.test().name());
                if (e.test().pValue() != null && Double.isFinite(e.test().pValue())) {
                    add(families, "touchstone_check_p_value", withTest, e.test().pValue());
                }
                if (e.test().adjustedPValue() != null && Double.isFinite(e.test().adjustedPValue())) {
                    add(families, "touchstone_check_adjusted_p_value", withTest, e.test().adjustedPValue());
                }
            }
            for (Verdict v : Verdict.values()) {
                add(families, "touchstone_check_verdict", with(labels, "verdict", v.name()), v == e.verdict() ? 1 : 0);
            }
        }
        for (Verdict v : Verdict.values()) {
            add(families, "touchstone_run_results", new LinkedHashMap<>(Map.of("verdict", v.name())), results.count(v));
        }
        var run = results.run();
        add(families, "touchstone_run_start_timestamp_seconds", new LinkedHashMap<>(),
                run.startedAt().toEpochMilli() / 1000.0);
        add(families, "touchstone_run_duration_seconds", new LinkedHashMap<>(),
                Math.max(0, run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", run.touchstoneVersion());
        info.put("seed", Long.toString(run.seed()));
        add(families, "touchstone_run_info", info, 1);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> family : families.entrySet()) {
            if (family.getValue().isEmpty()) {
                continue;
            }
            out.append("# HELP ").append(family.getKey()).append(' ').append(HELP.get(family.getKey())).append('\n');
            out.append("# TYPE ").append(family.getKey()).append(" gauge\n");
            family.getValue().forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static Map<String, String> labels(CheckEntry e) {
        String[] sliceWindow = sliceAndWindow(e.slice());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("spec", e.spec());
        labels.put("check", e.check());
        labels.put("model", e.model() == null ? "" : e.model());
        labels.put("dataset", e.dataset() == null ? "" : e.dataset());
        labels.put("slice", sliceWindow[0]);
        labels.put("window", sliceWindow[1]);
        labels.put("metric", e.metric() == null ? "" : e.metric());
        return labels;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(name, value);
        return copy;
    }

    private static void add(Map<String, List<String>> families, String family, Map<String, String> labels, double value) {
        StringBuilder line = new StringBuilder(family);
        if (!labels.isEmpty()) {
            line.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            }
            line.append('}');
        }
        line.append(' ').append(number(value));
        families.get(family).add(line.toString());
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(value));
    }
}
