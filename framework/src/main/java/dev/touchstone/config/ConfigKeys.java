package dev.touchstone.config;

import org.apiguardian.api.API;

/**
 * Every configuration key Touchstone reads, with its default. Keys are read from
 * {@code junit-platform.properties}, Surefire/Failsafe {@code configurationParameters} (through
 * the engine) or, in a plain JUnit Jupiter test, from system properties.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ConfigKeys {

    /** Seed of every random choice (bootstrap resampling); default {@value #DEFAULT_SEED}. */
    public static final String SEED = "touchstone.seed";
    public static final long DEFAULT_SEED = 42L;

    /** Default confidence level of intervals; default {@value #DEFAULT_CONFIDENCE}. */
    public static final String CONFIDENCE = "touchstone.confidence";
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Number of bootstrap resamples; default {@value #DEFAULT_RESAMPLES}. */
    public static final String BOOTSTRAP_RESAMPLES = "touchstone.bootstrap.resamples";
    public static final int DEFAULT_RESAMPLES = 10_000;

    /** What an INCONCLUSIVE verdict does: {@code fail} (default) or {@code skip} (aborted test). */
    public static final String INCONCLUSIVE = "touchstone.inconclusive";

    /** Significance level of comparisons with a baseline; default {@value #DEFAULT_ALPHA}. */
    public static final String ALPHA = "touchstone.alpha";
    public static final double DEFAULT_ALPHA = 0.05;

    /** Where the results file goes; default {@code target/touchstone}. */
    public static final String RESULTS_DIR = "touchstone.results.dir";

    /** Where baselines are kept; default {@value #DEFAULT_BASELINE_DIR}. */
    public static final String BASELINE_DIR = "touchstone.baseline.dir";
    public static final String DEFAULT_BASELINE_DIR = "src/test/touchstone";

    /** Multiple-comparison correction: {@code holm} (default), {@code bonferroni}, {@code bh}, {@code none}. */
    public static final String MULTIPLICITY = "touchstone.multiplicity";

    /** Family of the correction: {@code statement} (default), {@code spec}, {@code run}. */
    public static final String MULTIPLICITY_SCOPE = "touchstone.multiplicity.scope";

    /** Target power for reporting detectable differences; default {@value #DEFAULT_POWER}. */
    public static final String POWER = "touchstone.power";
    public static final double DEFAULT_POWER = 0.8;

    /** Which McNemar test paired proportions use: {@code exact} (default) or {@code chi-square}. */
    public static final String MCNEMAR = "touchstone.test.mcnemar";

    /** Where per-example outcomes of the run are recorded for later paired comparisons; default true. */
    public static final String OUTCOMES_RECORD = "touchstone.outcomes.record";

    /**
     * Datasets with more rows than this keep no per-example outcomes in the baseline candidate
     * (their comparisons with a baseline are then unpaired); default {@value #DEFAULT_OUTCOMES_MAX_ROWS}.
     */
    public static final String OUTCOMES_MAX_ROWS = "touchstone.outcomes.max-rows";
    public static final int DEFAULT_OUTCOMES_MAX_ROWS = 1_000_000;

    /** Record the current run as the new baseline; default false. */
    public static final String BASELINE_UPDATE = "touchstone.baseline.update";

    /** What a missing baseline does: {@code fail} (default) or {@code skip}. */
    public static final String BASELINE_MISSING = "touchstone.baseline.missing";

    /** Directory of the endpoint response cache; unset means no cache. */
    public static final String CACHE_DIR = "touchstone.cache.dir";

    private ConfigKeys() {
    }
}
