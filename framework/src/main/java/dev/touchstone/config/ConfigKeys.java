package dev.touchstone.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Every configuration key Touchstone reads, declared once, with its allowed values and default.
 * Keys are read from {@code junit-platform.properties}, Surefire/Failsafe
 * {@code configurationParameters} (through the engine) or, in a plain JUnit Jupiter test, from
 * system properties. A blank value counts as unset; a bad one fails the run with
 * {@code configuration <key>=<value> is invalid: expected <allowed values>}. Enum values are
 * written in lower case, with {@code -} between words, and read in any case. A
 * {@code touchstone.*} key that is neither declared here nor one of the Maven plugin's
 * ({@link #MAVEN_PLUGIN_KEYS}) is reported once per run with the closest known key ("did you
 * mean touchstone.confidence?"), never its value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConfigKeys {

    /**
     * Directory of {@code results.json} and the baseline candidate: {@value}.
     *
     * <p>A path; a relative one resolves against the project directory Surefire or Failsafe pass
     * ({@code basedir}), else the working directory; default {@value #DEFAULT_RESULTS_DIR}.
     */
    public static final String RESULTS_DIR = "touchstone.results.dir";
    public static final String DEFAULT_RESULTS_DIR = "target/touchstone";

    /**
     * Directory of the baselines: {@value}.
     *
     * <p>A path; a relative one resolves as {@link #RESULTS_DIR} does; default {@value #DEFAULT_BASELINE_DIR}.
     */
    public static final String BASELINE_DIR = "touchstone.baseline.dir";
    public static final String DEFAULT_BASELINE_DIR = "src/test/touchstone";

    /**
     * Seed of every random choice, such as bootstrap resampling: {@value}.
     *
     * <p>Any integer ({@code long}); default {@value #DEFAULT_SEED}.
     */
    public static final String SEED = "touchstone.seed";
    public static final long DEFAULT_SEED = 42L;

    /**
     * Default confidence level of intervals: {@value}.
     *
     * <p>A number in (0, 1); default {@value #DEFAULT_CONFIDENCE}.
     */
    public static final String CONFIDENCE = "touchstone.confidence";
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * Significance level of comparisons with a baseline: {@value}.
     *
     * <p>A number in (0, 1); default {@value #DEFAULT_ALPHA}.
     */
    public static final String ALPHA = "touchstone.alpha";
    public static final double DEFAULT_ALPHA = 0.05;

    /**
     * Number of bootstrap resamples: {@value}.
     *
     * <p>An integer from {@value #MIN_RESAMPLES} to {@value #MAX_RESAMPLES}; default
     * {@value #DEFAULT_RESAMPLES}. The maximum: the Monte Carlo error of a percentile bound falls
     * as one over the square root of the resamples, so going from 10,000 to 1,000,000 resamples
     * moves the bounds by about a tenth of what the default already leaves (below the reported
     * decimals), while time and memory grow in proportion (each resample is kept, and a row
     * bootstrap redraws every row): beyond a million, a run only gets slower or runs out of memory.
     */
    public static final String BOOTSTRAP_RESAMPLES = "touchstone.bootstrap.resamples";
    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final int MIN_RESAMPLES = 100;
    public static final int MAX_RESAMPLES = 1_000_000;
    /** Why {@link #MAX_RESAMPLES}, for the message of a larger value. */
    public static final String WHY_MAX_RESAMPLES = "more resamples do not change the reported intervals,"
            + " they only cost time and memory";

    /**
     * What an INCONCLUSIVE verdict does: {@value}.
     *
     * <p>{@code fail} (default: the test fails) or {@code skip} (the test is aborted); see
     * {@link InconclusivePolicy}.
     */
    public static final String INCONCLUSIVE = "touchstone.inconclusive";

    /**
     * Multiple-comparison correction of p-values: {@value}.
     *
     * <p>{@code holm} (default), {@code bonferroni}, {@code bh} or {@code none}; see
     * {@link MultiplicityCorrection}.
     */
    public static final String MULTIPLICITY = "touchstone.multiplicity";

    /**
     * Which comparisons form one family for the correction: {@value}.
     *
     * <p>{@code statement} (default), {@code spec} or {@code run}; see {@link MultiplicityScope}.
     */
    public static final String MULTIPLICITY_SCOPE = "touchstone.multiplicity.scope";

    /**
     * Target power for reporting the smallest detectable difference: {@value}.
     *
     * <p>A number in (0, 1); default {@value #DEFAULT_POWER}.
     */
    public static final String POWER = "touchstone.power";
    public static final double DEFAULT_POWER = 0.8;

    /**
     * Which McNemar test paired proportions use: {@value}.
     *
     * <p>{@code exact} (default) or {@code chi-square}; see {@link McNemarVariant}.
     */
    public static final String MCNEMAR = "touchstone.test.mcnemar";

    /**
     * Whether the run records per-example outcomes for later paired comparisons: {@value}.
     *
     * <p>{@code true} (default) or {@code false}.
     */
    public static final String OUTCOMES_RECORD = "touchstone.outcomes.record";
    public static final boolean DEFAULT_OUTCOMES_RECORD = true;

    /**
     * Datasets with more rows than this keep no per-example outcomes in the baseline candidate
     * (their comparisons with a baseline are then unpaired): {@value}.
     *
     * <p>An integer of at least 0; default {@value #DEFAULT_OUTCOMES_MAX_ROWS}.
     */
    public static final String OUTCOMES_MAX_ROWS = "touchstone.outcomes.max-rows";
    public static final int DEFAULT_OUTCOMES_MAX_ROWS = 1_000_000;

    /**
     * Whether the run is promoted to the {@code previous-run} baseline at its end, as
     * {@code touchstone:baseline} would: {@value}.
     *
     * <p>{@code true} or {@code false} (default). Merges, refuses a run with results that did
     * not pass unless {@link #BASELINE_FORCE}; see also {@link #BASELINE_PRUNE}.
     */
    public static final String BASELINE_UPDATE = "touchstone.baseline.update";
    public static final boolean DEFAULT_BASELINE_UPDATE = false;

    /**
     * What a comparison with a baseline that has no entry does: {@value}.
     *
     * <p>{@code fail} (default: an error that says how to record it), {@code skip}, or
     * {@code record} (the run adds the missing entries to the baseline and the check is skipped,
     * saying so); see {@link MissingBaselinePolicy}. Under {@link #BASELINE_UPDATE}, {@code fail}
     * acts as {@code record}: the update records them.
     */
    public static final String BASELINE_MISSING = "touchstone.baseline.missing";

    /**
     * Whether promoting a run removes the baseline's entries the run did not measure: {@value}.
     *
     * <p>{@code true} or {@code false} (default: they are kept, so a filtered run loses nothing).
     * Read by {@code touchstone:baseline} and by {@link #BASELINE_UPDATE}.
     */
    public static final String BASELINE_PRUNE = "touchstone.baseline.prune";
    public static final boolean DEFAULT_BASELINE_PRUNE = false;

    /**
     * Whether a run may be promoted although it has results that did not pass (FAILED, ERROR,
     * INCONCLUSIVE), or although pruning would remove entries of checks that did not run: {@value}.
     *
     * <p>{@code true} or {@code false} (default: such a promotion is refused, saying what it
     * would bless or lose). Read by {@code touchstone:baseline} and by {@link #BASELINE_UPDATE}.
     */
    public static final String BASELINE_FORCE = "touchstone.baseline.force";
    public static final boolean DEFAULT_BASELINE_FORCE = false;

    /**
     * Directory of the endpoint response cache: {@value}.
     *
     * <p>A path, relative to the working directory; unset (default): no cache.
     */
    public static final String CACHE_DIR = "touchstone.cache.dir";

    /**
     * Whether the run writes the Prometheus text exposition {@code metrics.prom} beside
     * {@code results.json}: {@value}.
     *
     * <p>{@code true} (default) or {@code false}.
     */
    public static final String PROMETHEUS_ENABLED = "touchstone.prometheus.enabled";
    public static final boolean DEFAULT_PROMETHEUS_ENABLED = true;

    /**
     * The Prometheus Pushgateway the run's metrics are pushed to: {@value}.
     *
     * <p>An http(s) URL such as {@code http://pushgateway:9091}; unset (default): no push. A push
     * replaces the metrics of its group ({@link #PROMETHEUS_JOB}, {@link #PROMETHEUS_INSTANCE}).
     */
    public static final String PROMETHEUS_PUSHGATEWAY = "touchstone.prometheus.pushgateway";

    /**
     * The {@code job} label of the push: {@value}.
     *
     * <p>Letters, digits, {@code _}, {@code .} and {@code -}; default {@value #DEFAULT_PROMETHEUS_JOB}.
     */
    public static final String PROMETHEUS_JOB = "touchstone.prometheus.job";
    public static final String DEFAULT_PROMETHEUS_JOB = "touchstone";

    /**
     * The {@code instance} label of the push, so that several monitoring jobs keep their own
     * metrics: {@value}.
     *
     * <p>Letters, digits, {@code _}, {@code .} and {@code -}; unset (default): none.
     */
    public static final String PROMETHEUS_INSTANCE = "touchstone.prometheus.instance";

    /**
     * Where the Pushgateway's bearer token is: {@value}.
     *
     * <p>{@code env:NAME} (an environment variable) or {@code property:NAME} (a system
     * property), read when the push is sent; never the token itself. Unset (default): no token.
     */
    public static final String PROMETHEUS_PUSHGATEWAY_TOKEN = "touchstone.prometheus.pushgateway.token";

    /**
     * The user name for basic authentication at the Pushgateway: {@value}.
     *
     * <p>Unset (default): none; needs {@link #PROMETHEUS_PUSHGATEWAY_PASSWORD}.
     */
    public static final String PROMETHEUS_PUSHGATEWAY_USERNAME = "touchstone.prometheus.pushgateway.username";

    /**
     * Where the password for basic authentication at the Pushgateway is: {@value}.
     *
     * <p>{@code env:NAME} or {@code property:NAME}, as {@link #PROMETHEUS_PUSHGATEWAY_TOKEN}.
     */
    public static final String PROMETHEUS_PUSHGATEWAY_PASSWORD = "touchstone.prometheus.pushgateway.password";

    /**
     * Whether the run also writes {@code results.jsonl}, one JSON object per result with the run's
     * facts, for log pipelines (ELK, Loki): {@value}.
     *
     * <p>{@code true} or {@code false} (default).
     */
    public static final String RESULTS_JSONL = "touchstone.results.jsonl";
    public static final boolean DEFAULT_RESULTS_JSONL = false;

    /**
     * The longest record a data file may have, in bytes: {@value}. A CSV record (several lines
     * when a quoted field holds line breaks) or a JSON Lines line that is longer is an error that
     * names the file and the line, instead of filling the memory.
     *
     * <p>An integer from {@value #MIN_MAX_RECORD_BYTES} to {@value #MAX_MAX_RECORD_BYTES}
     * (the largest Java array); default {@value #DEFAULT_MAX_RECORD_BYTES} (16 MiB).
     */
    public static final String MAX_RECORD_BYTES = "touchstone.data.max-record-bytes";
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    public static final int MIN_MAX_RECORD_BYTES = 1024;
    public static final int MAX_MAX_RECORD_BYTES = Integer.MAX_VALUE - 16;
    /** Why {@link #MAX_MAX_RECORD_BYTES}, for the message of a larger value. */
    public static final String WHY_MAX_MAX_RECORD_BYTES = "a record must fit in one Java array";

    /**
     * The largest endpoint response body, in bytes: {@value}. A longer response fails the
     * examples of its request ("response larger than 4,194,304 bytes"); the rest of the body is
     * not read, and it is never cached.
     *
     * <p>An integer from {@value #MIN_MAX_RESPONSE_BYTES} to {@value #MAX_MAX_RESPONSE_BYTES};
     * default {@value #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB).
     */
    public static final String MAX_RESPONSE_BYTES = "touchstone.endpoint.max-response-bytes";
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 << 20;
    public static final int MIN_MAX_RESPONSE_BYTES = 1024;
    public static final int MAX_MAX_RESPONSE_BYTES = 1 << 30;
    /** Why {@link #MAX_MAX_RESPONSE_BYTES}, for the message of a larger value. */
    public static final String WHY_MAX_MAX_RESPONSE_BYTES = "each request in flight holds its whole response in"
            + " memory, several times over while it is parsed";

    /**
     * Whether the engine writes Allure results: {@value}. It writes them itself, in Allure 2's
     * format, so a report needs neither {@code allure-junit-platform} nor {@code allure.properties};
     * with Allure's JUnit Platform listener on the test classpath, it adds its evidence to the
     * listener's results instead of writing its own.
     *
     * <p>{@code true} or {@code false}; default {@value #DEFAULT_ALLURE_ENABLED}.
     */
    public static final String ALLURE_ENABLED = "touchstone.allure.enabled";
    public static final boolean DEFAULT_ALLURE_ENABLED = true;

    /**
     * Directory of the Allure results: {@value}. Unset, it is Allure's own
     * {@code allure.results.directory} (a system property or {@code allure.properties} on the test
     * classpath) if that is set, else {@value #DEFAULT_ALLURE_RESULTS_DIR}, where the plugin's
     * {@code report} goal reads them.
     *
     * <p>A path, relative to the working directory.
     */
    public static final String ALLURE_RESULTS_DIR = "touchstone.allure.results.dir";
    public static final String DEFAULT_ALLURE_RESULTS_DIR = "target/allure-results";

    /**
     * Whether a run first removes the Allure results of Touchstone's earlier runs: {@value}.
     * Allure shows several results of one test as retries; with {@code false} earlier runs stay
     * and show as retries. Results of other tools and Allure's {@code history} are never removed.
     *
     * <p>{@code true} or {@code false}; default {@value #DEFAULT_ALLURE_RESULTS_CLEAN}.
     */
    public static final String ALLURE_RESULTS_CLEAN = "touchstone.allure.results.clean";
    public static final boolean DEFAULT_ALLURE_RESULTS_CLEAN = true;

    /**
     * The keys of the Maven plugin's goals ({@code check}, {@code baseline}, {@code report}):
     * Maven passes {@code -D} properties on to the test JVM, so the engine sees them too and must
     * not report them as unknown.
     */
    public static final List<String> MAVEN_PLUGIN_KEYS = List.of("touchstone.skip", "touchstone.haltOnFailure",
            "touchstone.failIfNoResults", "touchstone.maxAllowedViolations", "touchstone.maxInconclusive",
            "touchstone.baseline.name", "touchstone.report.dir", "touchstone.report.single-file",
            "touchstone.report.allureResults", "touchstone.report.allureVersion", "touchstone.report.toolsDir",
            "touchstone.version");

    /** Every key declared here, sorted: the configuration keys the framework and the engine read. */
    public static Set<String> declared() {
        Set<String> keys = new TreeSet<>();
        for (Field field : ConfigKeys.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("touchstone.") && !value.contains(" ")) {
                        keys.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }

    /** The keys of {@link #declared()} and {@link #MAVEN_PLUGIN_KEYS}: what no warning is about. */
    public static Set<String> known() {
        Set<String> keys = declared();
        keys.addAll(MAVEN_PLUGIN_KEYS);
        return keys;
    }

    private ConfigKeys() {
    }
}
