package dev.touchstone.engine;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.MissingBaselinePolicy;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.config.internal.ConfigParser;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of one engine run, read once from the platform's configuration parameters
 * (which include system properties and {@code junit-platform.properties}). Bad values fail fast
 * with the key, the value and what is allowed; unknown {@code touchstone.*} keys (a typo such as
 * {@code touchstone.confidense}) are warnings that name the closest known key.
 *
 * @param warnings one line per unknown key, for the console
 * @param allure   where and whether Allure results are written
 */
record EngineConfiguration(TouchstoneSettings settings, Path resultsDir, boolean recordOutcomes,
        boolean updateBaseline, int outcomesMaxRows, boolean prune, boolean force, List<String> warnings,
        AllureSettings allure) {

    EngineConfiguration {
        warnings = List.copyOf(warnings);
    }

    /**
     * The project directory Surefire and Failsafe pass to the tests ({@code basedir}): relative
     * results, baseline, cache and Allure results directories resolve against it, so a build started from another
     * directory (or a fork with another working directory) writes no stray {@code target/} there.
     */
    static final String BASEDIR = "basedir";

    static EngineConfiguration from(ConfigurationParameters parameters) {
        Function<String, String> lookup = key -> parameters.get(key).orElse(null);
        Path basedir = basedir(lookup.apply(BASEDIR));
        TouchstoneSettings settings = TouchstoneSettings.from(lookup);
        settings = settings.withBaselineDir(basedir.resolve(settings.baselineDir()));
        if (settings.cacheDirectory() != null) {
            settings = settings.withCacheDirectory(basedir.resolve(settings.cacheDirectory()));
        }
        boolean update = ConfigParser.bool(ConfigKeys.BASELINE_UPDATE, lookup.apply(ConfigKeys.BASELINE_UPDATE),
                ConfigKeys.DEFAULT_BASELINE_UPDATE);
        if (update && settings.baselineMissing() == MissingBaselinePolicy.FAIL) {
            // the update records what is missing: a first run with it ends green
            settings = settings.withBaselineMissing(MissingBaselinePolicy.RECORD);
        }
        return new EngineConfiguration(settings,
                basedir.resolve(ConfigParser.path(ConfigKeys.RESULTS_DIR, lookup.apply(ConfigKeys.RESULTS_DIR),
                        Path.of(ConfigKeys.DEFAULT_RESULTS_DIR))),
                ConfigParser.bool(ConfigKeys.OUTCOMES_RECORD, lookup.apply(ConfigKeys.OUTCOMES_RECORD),
                        ConfigKeys.DEFAULT_OUTCOMES_RECORD),
                update,
                ConfigParser.intAtLeast(ConfigKeys.OUTCOMES_MAX_ROWS, lookup.apply(ConfigKeys.OUTCOMES_MAX_ROWS), 0,
                        ConfigKeys.DEFAULT_OUTCOMES_MAX_ROWS),
                ConfigParser.bool(ConfigKeys.BASELINE_PRUNE, lookup.apply(ConfigKeys.BASELINE_PRUNE),
                        ConfigKeys.DEFAULT_BASELINE_PRUNE),
                ConfigParser.bool(ConfigKeys.BASELINE_FORCE, lookup.apply(ConfigKeys.BASELINE_FORCE),
                        ConfigKeys.DEFAULT_BASELINE_FORCE),
                ConfigParser.unknownKeys(keys(parameters), ConfigKeys.known()),
                AllureSettings.from(lookup, basedir));
    }

    /** The absolute project directory, or the empty path (paths stay relative to the working directory). */
    private static Path basedir(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Path.of("");
        }
        try {
            Path path = Path.of(raw.strip());
            return path.isAbsolute() ? path : Path.of("");
        } catch (InvalidPathException e) {
            return Path.of("");
        }
    }

    /** Every key the run was given: the parameters' own, and system properties of Touchstone's prefix. */
    private static Set<String> keys(ConfigurationParameters parameters) {
        Set<String> keys = new TreeSet<>();
        try {
            keys.addAll(parameters.keySet());
        } catch (UnsupportedOperationException | AbstractMethodError e) {
            // a platform before 1.9 cannot list its parameters: only system properties are checked
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("touchstone.")) {
                keys.add(name);
            }
        }
        return keys;
    }
}
