package dev.touchstone.baseline;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a baseline remembers of one statement on one slice: the value with its interval, the
 * sufficient statistics that unpaired tests need (successes and trials of a proportion, the
 * AUC's variance and class counts, a standard error otherwise), the fingerprint of the data it
 * was computed on, the file of per-example outcomes for paired tests, and the run that recorded it.
 *
 * @param outcomes path of the per-example outcomes, relative to the baseline directory
 * @param runId    the run that recorded the value ({@code results.json}'s {@code run.runId}); null
 *                 for entries migrated from a file that did not say
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineEntry(String spec, String check, String model, String dataset, String slice, String metric,
        double value, long n, double intervalLevel, double intervalLow, double intervalHigh, String intervalMethod,
        Map<String, Double> statistics, @Nullable String fingerprint, @Nullable String outcomes,
        @Nullable String runId) {

    public BaselineEntry {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(intervalMethod, "intervalMethod");
        statistics = Map.copyOf(statistics);
    }

    /** {@code spec#check|model@dataset|slice|metric}: the entry's identity in its baseline. */
    public String key() {
        return key(spec, check, model, dataset, slice, metric);
    }

    /**
     * The key of a statement's slice. Two models (or datasets) in one check never share a key;
     * a {@code \}, {@code #}, {@code |} or {@code @} inside a name is escaped with {@code \}, so
     * different names never give the same key.
     */
    public static String key(String spec, String check, String model, String dataset, String slice, String metric) {
        return checkKey(spec, check) + "|" + escape(model) + "@" + escape(dataset) + "|" + escape(slice)
                + "|" + escape(metric);
    }

    private static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '#' || c == '|' || c == '@') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code spec#check}: which check recorded the entry. */
    public String checkKey() {
        return checkKey(spec, check);
    }

    /** {@code spec#check}: the start of the keys of a check's entries. */
    public static String checkKey(String spec, String check) {
        return escape(spec) + "#" + escape(check);
    }

    public BaselineEntry withOutcomes(@Nullable String file) {
        return new BaselineEntry(spec, check, model, dataset, slice, metric, value, n, intervalLevel, intervalLow,
                intervalHigh, intervalMethod, statistics, fingerprint, file, runId);
    }

    public BaselineEntry withRunId(@Nullable String id) {
        return new BaselineEntry(spec, check, model, dataset, slice, metric, value, n, intervalLevel, intervalLow,
                intervalHigh, intervalMethod, statistics, fingerprint, outcomes, id);
    }

    /** The same measurement (everything but which run recorded it): promoting it again changes nothing. */
    public boolean sameMeasurement(BaselineEntry other) {
        return equals(other.withRunId(runId));
    }
}
