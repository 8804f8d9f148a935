package dev.touchstone.engine;

import dev.touchstone.config.ConfigKeys;
import org.apiguardian.api.API;

/**
 * The engine's ID and every configuration key it reads (from {@code junit-platform.properties},
 * Surefire/Failsafe {@code configurationParameters} or system properties). The keys and their
 * defaults are documented on {@link ConfigKeys}; they are repeated here so that engine users find
 * them in one place.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Constants {

    /** The engine ID: in unique IDs ({@code [engine:touchstone]}) and Surefire's {@code includeJUnit5Engines}. */
    public static final String ENGINE_ID = "touchstone";

    /** Directory of {@code results.json}; default {@value #DEFAULT_RESULTS_DIR}. */
    public static final String RESULTS_DIR = ConfigKeys.RESULTS_DIR;
    public static final String DEFAULT_RESULTS_DIR = "target/touchstone";

    public static final String BASELINE_DIR = ConfigKeys.BASELINE_DIR;
    public static final String SEED = ConfigKeys.SEED;
    public static final String CONFIDENCE = ConfigKeys.CONFIDENCE;
    public static final String ALPHA = ConfigKeys.ALPHA;
    public static final String BOOTSTRAP_RESAMPLES = ConfigKeys.BOOTSTRAP_RESAMPLES;
    public static final String INCONCLUSIVE = ConfigKeys.INCONCLUSIVE;
    public static final String MULTIPLICITY = ConfigKeys.MULTIPLICITY;
    public static final String MULTIPLICITY_SCOPE = ConfigKeys.MULTIPLICITY_SCOPE;
    public static final String POWER = ConfigKeys.POWER;
    public static final String BASELINE_UPDATE = ConfigKeys.BASELINE_UPDATE;
    public static final String BASELINE_MISSING = ConfigKeys.BASELINE_MISSING;
    public static final String CACHE_DIR = ConfigKeys.CACHE_DIR;
    public static final String MCNEMAR = ConfigKeys.MCNEMAR;
    public static final String OUTCOMES_RECORD = ConfigKeys.OUTCOMES_RECORD;
    public static final String OUTCOMES_MAX_ROWS = ConfigKeys.OUTCOMES_MAX_ROWS;

    private Constants() {
    }
}
