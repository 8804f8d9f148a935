package dev.touchstone.baseline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** A baseline read from its directory: entries by key, outcome files read on first use. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LoadedBaseline {

    private final Path directory;
    private final Map<String, BaselineEntry> entries;
    private final Map<String, RecordedOutcomes> outcomes = new ConcurrentHashMap<>();

    LoadedBaseline(Path directory, Map<String, BaselineEntry> entries) {
        this.directory = directory;
        this.entries = Map.copyOf(entries);
    }

    public Path directory() {
        return directory;
    }

    public Map<String, BaselineEntry> entries() {
        return entries;
    }

    public Optional<BaselineEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The per-example outcomes an entry points to, if it has any. */
    public Optional<RecordedOutcomes> outcomes(BaselineEntry entry) {
        if (entry.outcomes() == null) {
            return Optional.empty();
        }
        return Optional.of(outcomes.computeIfAbsent(entry.outcomes(),
                relative -> RecordedOutcomes.read(directory.resolve(relative))));
    }
}
