package dev.touchstone.baseline;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What promoting a run changed in a baseline, by entry key: new and removed entries, and
 * entries whose value got better, worse or stayed (in the metric's own direction).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineChange(Path directory, List<String> added, List<String> removed, List<String> improved,
        List<String> degraded, List<String> unchanged) {

    public BaselineChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        improved = List.copyOf(improved);
        degraded = List.copyOf(degraded);
        unchanged = List.copyOf(unchanged);
    }
}
