package dev.touchstone.engine;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.internal.ConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where and whether the engine writes Allure results ({@code touchstone.allure.*}). The
 * directory follows Allure's own {@code allure.results.directory} when the user set it, so a
 * build already configured for Allure gets Touchstone's results where it looks for them.
 */
record AllureSettings(boolean enabled, Path directory, boolean clean) {

    static final String ALLURE_RESULTS_DIRECTORY = "allure.results.directory";

    /** The settings; a relative results directory resolves against {@code basedir} (the empty path: the working directory). */
    static AllureSettings from(Function<String, String> lookup, Path basedir) {
        boolean enabled = ConfigParser.bool(ConfigKeys.ALLURE_ENABLED, lookup.apply(ConfigKeys.ALLURE_ENABLED),
                ConfigKeys.DEFAULT_ALLURE_ENABLED);
        boolean clean = ConfigParser.bool(ConfigKeys.ALLURE_RESULTS_CLEAN, lookup.apply(ConfigKeys.ALLURE_RESULTS_CLEAN),
                ConfigKeys.DEFAULT_ALLURE_RESULTS_CLEAN);
        String allure = lookup.apply(ALLURE_RESULTS_DIRECTORY);
        if (allure == null || allure.isBlank()) {
            allure = fromAllureProperties();
        }
        Path fallback = Path.of(allure == null || allure.isBlank() ? ConfigKeys.DEFAULT_ALLURE_RESULTS_DIR : allure.trim());
        Path directory = ConfigParser.path(ConfigKeys.ALLURE_RESULTS_DIR, lookup.apply(ConfigKeys.ALLURE_RESULTS_DIR),
                fallback);
        return new AllureSettings(enabled, basedir.resolve(directory), clean);
    }

    // allure.properties on the test classpath, as Allure reads it
    private static String fromAllureProperties() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = AllureSettings.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream("allure.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(ALLURE_RESULTS_DIRECTORY);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
