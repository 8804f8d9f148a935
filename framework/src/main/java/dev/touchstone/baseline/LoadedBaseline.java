package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
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

    /**
     * The per-example outcomes an entry points to, if it has any; a file that is missing, not a
     * file, unreadable or outside the baseline directory fails naming the entry.
     */
    public Optional<RecordedOutcomes> outcomes(BaselineEntry entry) {
        if (entry.outcomes() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(outcomes.computeIfAbsent(entry.outcomes(),
                    relative -> RecordedOutcomes.read(OutcomesFiles.resolve(directory, relative))));
        } catch (QualityConfigurationException e) {
            throw new QualityConfigurationException(e.getMessage() + " (named by entry " + entry.key() + " of "
                    + directory.resolve(BaselineFile.FILE_NAME) + ")", e);
        }
    }
}
