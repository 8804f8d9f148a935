package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonTree;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.metric.internal.builtin.Range;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one entry of {@code baseline.json} and checks every field: a committed baseline is
 * input like any other (a pull request can edit it), and a comparison must never rest on a value
 * its metric cannot take, a negative count, or an outcomes file outside the baseline directory.
 */
final class BaselineEntryReader {

    /** Statistics that count examples: whole numbers, 0 or more. */
    private static final Set<String> COUNTS = Set.of("successes", "trials", "positives", "negatives");
    /** Statistics that are spreads: 0 or more. */
    private static final Set<String> SPREADS = Set.of("variance", "standardError");

    private final Path file;
    private final int schema;

    BaselineEntryReader(Path file, int schema) {
        this.file = file;
        this.schema = schema;
    }

    BaselineEntry read(Object value, int index) {
        Map<String, Object> fields = JsonTree.object(value, () -> BaselineFile.bad(file, "entries[" + index
                + "] is not an object"));
        Object key = fields.get("key");
        String at = "entries[" + index + "]" + (key instanceof String k ? " (" + k + ")" : "");
        Fields f = new Fields(fields, at, "");
        String spec = f.text("spec");
        String check = f.text("check");
        String slice = f.text("slice");
        String metric = f.text("metric");
        // version 1 did not require them; its keys do not hold them
        String model = schema == BaselineFile.SCHEMA_VERSION_1 ? f.optionalText("model", "") : f.text("model");
        String dataset = schema == BaselineFile.SCHEMA_VERSION_1 ? f.optionalText("dataset", "") : f.text("dataset");
        String expectedKey = schema == BaselineFile.SCHEMA_VERSION_1 ? spec + "#" + check + "|" + slice + "|" + metric
                : BaselineEntry.key(spec, check, model, dataset, slice, metric);
        if (!(key instanceof String k) || !k.equals(expectedKey)) {
            throw f.bad(key == null ? "has no 'key'" : "has the key " + key + " but its fields give " + expectedKey
                    + " (hand-edited?)");
        }
        Range range = BuiltInMetrics.forResultName(metric).map(BuiltInMetric::range).orElse(Range.ANY);
        double v = f.number("value");
        f.require(range.contains(v), "value " + show(v) + " is outside the values " + metric + " can take, " + range);
        long n = f.count("n");
        Map<String, Object> interval = f.object("interval");
        double level = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        String method = "none";
        if (interval != null) {
            Fields i = f.inner(interval, "interval");
            level = i.optionalNumber("level");
            low = i.optionalNumber("low");
            high = i.optionalNumber("high");
            method = i.optionalText("method", "none");
            i.require(Double.isNaN(level) || level > 0 && level < 1, "interval.level " + show(level)
                    + " is not between 0 and 1");
            i.require(Double.isNaN(low) || range.contains(low), "interval.low " + show(low) + " is outside " + range);
            i.require(Double.isNaN(high) || range.contains(high), "interval.high " + show(high) + " is outside " + range);
            i.require(Double.isNaN(low) || Double.isNaN(high) || low <= high, "interval.low " + show(low)
                    + " is above interval.high " + show(high));
        }
        Map<String, Double> statistics = statistics(f);
        String outcomes = f.optionalText("outcomes", null);
        if (outcomes != null) {
            f.require(OutcomesFiles.isConfined(outcomes), "outcomes '" + outcomes + "' is outside the baseline "
                    + "directory: expected a file name under " + BaselineStore.OUTCOMES + "/");
        }
        return new BaselineEntry(spec, check, model, dataset, slice, metric, v, n, level, low, high, method, statistics,
                f.optionalText("fingerprint", null), outcomes, f.optionalText("runId", null));
    }

    private Map<String, Double> statistics(Fields f) {
        Map<String, Object> raw = f.object("statistics");
        Map<String, Double> statistics = new LinkedHashMap<>();
        if (raw == null) {
            return statistics;
        }
        Fields s = f.inner(raw, "statistics");
        for (String name : raw.keySet()) {
            double value = COUNTS.contains(name) ? s.count(name) : s.optionalNumber(name);
            s.require(!SPREADS.contains(name) || Double.isNaN(value) || value >= 0, "statistics." + name + " "
                    + show(value) + " is negative");
            statistics.put(name, value);
        }
        Double successes = statistics.get("successes");
        Double trials = statistics.get("trials");
        if (successes != null && trials != null) {
            s.require(successes <= trials, "statistics.successes " + successes.longValue() + " exceed statistics.trials "
                    + trials.longValue());
            double share = trials > 0 ? successes / trials : Double.NaN;
            double value = f.number("value");
            f.require(Double.isNaN(share) || Math.abs(share - value) <= 1e-9, "value " + show(value)
                    + " is not statistics.successes/trials " + successes.longValue() + "/" + trials.longValue());
        }
        return statistics;
    }

    // 7.5, -5, 0.9235: as written, without a trailing ".0"
    private static String show(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The fields of one object of an entry, and the message template of everything wrong with them. */
    private final class Fields {
        private final Map<String, Object> fields;
        private final String at;
        private final String prefix;

        Fields(Map<String, Object> fields, String at, String prefix) {
            this.fields = fields;
            this.at = at;
            this.prefix = prefix;
        }

        Fields inner(Map<String, Object> inner, String name) {
            return new Fields(inner, at, prefix + name + ".");
        }

        QualityConfigurationException bad(String problem) {
            return BaselineFile.bad(file, at + " " + problem);
        }

        void require(boolean condition, String problem) {
            if (!condition) {
                throw bad(problem);
            }
        }

        String text(String name) {
            Object value = fields.get(name);
            require(value != null && value != Json.NULL, "has no '" + prefix + name + "'");
            require(value instanceof String, prefix + name + " is not a string");
            require(!((String) value).isEmpty(), prefix + name + " is empty");
            return (String) value;
        }

        @Nullable String optionalText(String name, @Nullable String fallback) {
            Object value = fields.get(name);
            if (JsonTree.isNull(value)) {
                return fallback;
            }
            require(value instanceof String, prefix + name + " is not a string");
            return (String) value;
        }

        // JSON null stands for an undefined number (NaN): that is how non-finite values are written
        double optionalNumber(String name) {
            Object value = fields.get(name);
            if (JsonTree.isNull(value)) {
                return Double.NaN;
            }
            require(value instanceof Number, prefix + name + " is not a number");
            return ((Number) value).doubleValue();
        }

        double number(String name) {
            Object value = fields.get(name);
            require(!JsonTree.isNull(value), prefix + name + " is " + (value == null ? "missing" : "null")
                    + ": an entry needs the " + name + " it recorded");
            double number = optionalNumber(name);
            require(Double.isFinite(number), prefix + name + " " + number + " is not a finite number");
            return number;
        }

        long count(String name) {
            double value = number(name);
            require(value >= 0 && value == Math.rint(value) && value <= Long.MAX_VALUE, prefix + name + " "
                    + show(value) + " is not a count (a whole number, 0 or more)");
            return (long) value;
        }

        @Nullable Map<String, Object> object(String name) {
            Object value = fields.get(name);
            if (JsonTree.isNull(value)) {
                return null;
            }
            return JsonTree.object(value, () -> bad(prefix + name + " is not an object"));
        }
    }
}
