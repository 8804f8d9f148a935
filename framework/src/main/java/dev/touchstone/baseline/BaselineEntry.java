package dev.touchstone.baseline;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a baseline remembers of one statement on one slice: the value with its interval, the
 * sufficient statistics that unpaired tests need (successes and trials of a proportion, the
 * AUC's variance and class counts, a standard error otherwise), the fingerprint of the data it
 * was computed on, and the file of per-example outcomes for paired tests.
 *
 * @param key      {@code spec#check|slice|metric}
 * @param outcomes path of the per-example outcomes, relative to the baseline directory
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineEntry(String key, String spec, String check, String slice, String metric, String model,
        String dataset, double value, long n, double intervalLevel, double intervalLow, double intervalHigh,
        String intervalMethod, Map<String, Double> statistics, @Nullable String fingerprint, @Nullable String outcomes) {

    public BaselineEntry {
        Objects.requireNonNull(key, "key");
        statistics = Map.copyOf(statistics);
    }

    public static String key(String spec, String check, String slice, String metric) {
        return spec + "#" + check + "|" + slice + "|" + metric;
    }
}
