package dev.touchstone.engine;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import java.nio.file.Path;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of one engine run, read once from the platform's configuration parameters
 * (which include system properties and {@code junit-platform.properties}). Bad values fail fast
 * with the key, the value and what is allowed.
 */
record EngineConfiguration(TouchstoneSettings settings, Path resultsDir, boolean recordOutcomes,
        boolean updateBaseline, int outcomesMaxRows) {

    static EngineConfiguration from(ConfigurationParameters parameters) {
        TouchstoneSettings settings = TouchstoneSettings.from(key -> parameters.get(key).orElse(null));
        Path resultsDir = Path.of(parameters.get(Constants.RESULTS_DIR).orElse(Constants.DEFAULT_RESULTS_DIR));
        return new EngineConfiguration(settings, resultsDir, bool(parameters, Constants.OUTCOMES_RECORD, true),
                bool(parameters, Constants.BASELINE_UPDATE, false), maxRows(parameters));
    }

    private static int maxRows(ConfigurationParameters parameters) {
        String raw = parameters.get(Constants.OUTCOMES_MAX_ROWS).orElse(null);
        if (raw == null || raw.isBlank()) {
            return dev.touchstone.config.ConfigKeys.DEFAULT_OUTCOMES_MAX_ROWS;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new QualityConfigurationException("configuration " + Constants.OUTCOMES_MAX_ROWS + "=" + raw
                + " is invalid: expected an integer >= 0");
    }

    private static boolean bool(ConfigurationParameters parameters, String key, boolean fallback) {
        String raw = parameters.get(key).orElse(null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (raw.trim().equalsIgnoreCase("true") || raw.trim().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw.trim());
        }
        throw new QualityConfigurationException("configuration " + key + "=" + raw + " is invalid: expected true or false");
    }
}
