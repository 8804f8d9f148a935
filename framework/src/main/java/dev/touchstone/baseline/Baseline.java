package dev.touchstone.baseline;

import dev.touchstone.config.TouchstoneSettings;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A recorded reference for comparisons: the values and per-example outcomes of an earlier run,
 * kept in a directory meant to be committed. {@link #previousRun()} is the baseline that
 * {@code -Dtouchstone.baseline.update=true} (or {@code mvn touchstone:baseline}) records; named
 * baselines ({@code Baseline.named("prod")}) live beside it. To compare with a champion model
 * instead, pass the {@code Model} itself.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Baseline {

    /** The name of the baseline that updates record by default. */
    public static final String PREVIOUS_RUN = "previous-run";

    private final String name;
    private final Path directory;

    private Baseline(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /** The last recorded run, under {@code touchstone.baseline.dir}/previous-run. */
    public static Baseline previousRun() {
        return new Baseline(PREVIOUS_RUN, null);
    }

    /** A named baseline, under {@code touchstone.baseline.dir}/{@code name}. */
    public static Baseline named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("baseline name must be a plain directory name but was '" + name + "'");
        }
        return new Baseline(name, null);
    }

    /** A baseline in any directory laid out as the store writes it. */
    public static Baseline fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new Baseline(directory.getFileName() == null ? directory.toString() : directory.getFileName().toString(),
                directory);
    }

    public String name() {
        return name;
    }

    /** Where this baseline lives under the given settings. */
    public Path directory(TouchstoneSettings settings) {
        return directory != null ? directory : settings.baselineDir().resolve(name);
    }

    /** How results name this source: {@code previous-run}, {@code named:prod} or {@code directory:path}. */
    public String source() {
        if (directory != null) {
            return "directory:" + directory;
        }
        return PREVIOUS_RUN.equals(name) ? PREVIOUS_RUN : "named:" + name;
    }

    @Override
    public String toString() {
        return "Baseline[" + source() + "]";
    }
}
