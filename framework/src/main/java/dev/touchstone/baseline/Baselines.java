package dev.touchstone.baseline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The baselines one run has read, each read once: a run's cache, owned by whoever runs the
 * statements (the engine, for a whole run; a plain test, for its own scope). Not JVM-wide, so a
 * baseline promoted between two runs in one JVM is read afresh by the second.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Baselines {

    private final Map<Path, LoadedBaseline> loaded = new ConcurrentHashMap<>();

    /**
     * The baseline in {@code directory}, or empty when none was recorded there (no
     * {@code baseline.json}); a {@code baseline.json} that is not a baseline file fails.
     */
    public Optional<LoadedBaseline> load(Path directory) {
        Path file = directory.resolve(BaselineFile.FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Path key = directory.toAbsolutePath().normalize();
        return Optional.of(loaded.computeIfAbsent(key, k -> new LoadedBaseline(directory, BaselineFile.read(file))));
    }
}
