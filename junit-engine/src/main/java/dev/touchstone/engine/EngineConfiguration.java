package dev.touchstone.engine;

import dev.touchstone.config.TouchstoneSettings;
import java.nio.file.Path;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of one engine run, read once from the platform's configuration parameters
 * (which include system properties and {@code junit-platform.properties}). Bad values fail fast
 * with the key, the value and what is allowed.
 */
record EngineConfiguration(TouchstoneSettings settings, Path resultsDir) {

    static EngineConfiguration from(ConfigurationParameters parameters) {
        TouchstoneSettings settings = TouchstoneSettings.from(key -> parameters.get(key).orElse(null));
        Path resultsDir = Path.of(parameters.get(Constants.RESULTS_DIR).orElse(Constants.DEFAULT_RESULTS_DIR));
        return new EngineConfiguration(settings, resultsDir);
    }
}
