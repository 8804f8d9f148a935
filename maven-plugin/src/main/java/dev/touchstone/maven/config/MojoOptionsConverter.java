package dev.touchstone.maven.config;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.internal.ConfigParser;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.gate.GateOptions;
import dev.touchstone.gate.Limit;
import dev.touchstone.gate.MarkdownSummary;
import dev.touchstone.gate.Rule;
import dev.touchstone.gate.Threshold;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place where Mojo fields become the framework's options, so that every value is
 * validated the same way and the converter can be tested without Maven. A bad value fails with
 * a {@link QualityConfigurationException} that names the key (the user property, or the path in
 * {@code <rules>}) and the value as written; options are parsed by {@link ConfigParser}, as the
 * engine's are. Keys shared with the engine are declared on {@link ConfigKeys}; the ones below
 * are the goals' own.
 */
public final class MojoOptionsConverter {

    public static final String MAX_ALLOWED_VIOLATIONS = "touchstone.maxAllowedViolations";
    public static final String MAX_INCONCLUSIVE = "touchstone.maxInconclusive";
    public static final String BASELINE_NAME = "touchstone.baseline.name";
    public static final String ALLURE_VERSION = "touchstone.report.allureVersion";

    /** The file name of the results the engine writes. */
    public static final String RESULTS_FILE = "results.json";
    /** The file name of the Markdown summary the check goal writes beside it. */
    public static final String SUMMARY_FILE = MarkdownSummary.FILE_NAME;

    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.\\-]*");

    private MojoOptionsConverter() {
    }

    /** The {@code check} goal's options, without a baseline to report on. */
    public static CheckOptions check(File resultsDirectory, boolean haltOnFailure, boolean failIfNoResults,
            String inconclusive, String maxAllowedViolations, String maxInconclusive, List<RuleConfiguration> rules) {
        Path dir = resultsDirectory.toPath();
        return new CheckOptions(dir.resolve(RESULTS_FILE), dir.resolve(SUMMARY_FILE), haltOnFailure, failIfNoResults,
                gate(inconclusive, maxAllowedViolations, maxInconclusive, rules));
    }

    /**
     * The {@code check} goal's options, reporting how much of {@code baseline} (the directory of
     * one baseline) ran; {@code filteredRun} when the build selected tests ({@code -Dtest}).
     */
    public static CheckOptions check(File resultsDirectory, boolean haltOnFailure, boolean failIfNoResults,
            String inconclusive, String maxAllowedViolations, String maxInconclusive, List<RuleConfiguration> rules,
            File baseline, boolean filteredRun) {
        CheckOptions options = check(resultsDirectory, haltOnFailure, failIfNoResults, inconclusive,
                maxAllowedViolations, maxInconclusive, rules);
        return new CheckOptions(options.resultsFile(), options.summaryFile(), haltOnFailure, failIfNoResults,
                options.gate().withBaseline(baseline.toPath(), filteredRun));
    }

    /** The gate: inconclusive policy, allowed violations, cap on inconclusive results, POM rules. */
    public static GateOptions gate(String inconclusive, String maxAllowedViolations, String maxInconclusive,
            List<RuleConfiguration> rules) {
        GateOptions options = GateOptions.withDefaults()
                .withInconclusive(policy(inconclusive))
                .withMaxAllowedViolations(count(MAX_ALLOWED_VIOLATIONS, maxAllowedViolations, 0))
                .withRules(rules(rules));
        if (maxInconclusive != null && !maxInconclusive.isBlank()) {
            options = options.withMaxInconclusive(count(MAX_INCONCLUSIVE, maxInconclusive, 0));
        }
        return options;
    }

    static InconclusivePolicy policy(String value) {
        return ConfigParser.enumValue(ConfigKeys.INCONCLUSIVE, value, InconclusivePolicy.FAIL);
    }

    static int count(String key, String value, int fallback) {
        return ConfigParser.intAtLeast(key, value, 0, fallback);
    }

    static List<Rule> rules(List<RuleConfiguration> configured) {
        List<Rule> rules = new ArrayList<>();
        if (configured == null) {
            return rules;
        }
        for (int r = 0; r < configured.size(); r++) {
            String at = "rules.rule[" + (r + 1) + "]";
            RuleConfiguration rc = configured.get(r);
            if (rc == null) {
                throw new QualityConfigurationException(at + " is empty: expected <slices> and <limits>");
            }
            List<LimitConfiguration> limitConfigs = rc.getLimits() == null ? List.of() : rc.getLimits();
            if (limitConfigs.isEmpty()) {
                throw new QualityConfigurationException(at + " has no limits: expected <limits><limit><metric>recall"
                        + "</metric><minimum>0.80</minimum></limit></limits>");
            }
            List<Limit> limits = new ArrayList<>();
            for (int l = 0; l < limitConfigs.size(); l++) {
                limits.add(limit(at + ".limits.limit[" + (l + 1) + "]", limitConfigs.get(l)));
            }
            try {
                rules.add(Rule.forSlices(Rule.splitPatterns(rc.getSlices())).withLimits(limits));
            } catch (QualityConfigurationException e) {
                throw new QualityConfigurationException(at + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static Limit limit(String at, LimitConfiguration lc) {
        if (lc == null) {
            throw new QualityConfigurationException(at + " is empty: expected <metric> and <minimum>, <maximum> or <maxRegression>");
        }
        Threshold minimum = threshold(at + ".minimum", lc.getMinimum());
        Threshold maximum = threshold(at + ".maximum", lc.getMaximum());
        Threshold maxRegression = threshold(at + ".maxRegression", lc.getMaxRegression());
        try {
            Limit limit = Limit.on(lc.getMetric());
            if (minimum != null) {
                limit = limit.withMinimum(minimum);
            }
            if (maximum != null) {
                limit = limit.withMaximum(maximum);
            }
            if (maxRegression != null) {
                limit = limit.withMaxRegression(maxRegression);
            }
            if (limit.isEmpty()) {
                throw new QualityConfigurationException("limit on " + limit.metric() + " has no minimum, maximum or "
                        + "maxRegression: expected at least one, such as <minimum>0.80</minimum>");
            }
            return limit;
        } catch (QualityConfigurationException e) {
            throw new QualityConfigurationException(at + ": " + e.getMessage(), e);
        }
    }

    private static Threshold threshold(String key, String value) {
        return value == null ? null : Threshold.parse(key, value);
    }

    /** The {@code baseline} goal's options; the name must be a plain directory name. */
    public static BaselineOptions baseline(File resultsDirectory, File baselineDirectory, String name, boolean prune,
            boolean force) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw ConfigParser.invalid(BASELINE_NAME, name, "a plain directory name such as previous-run or prod");
        }
        return new BaselineOptions(resultsDirectory.toPath(), baselineDirectory.toPath(), name.trim(), prune, force);
    }

    /** The {@code report} goal's options. */
    public static ReportOptions report(File allureResults, File reportDirectory, boolean singleFile, String allureVersion,
            File toolsDirectory, boolean failIfNoResults) {
        if (allureVersion == null || !VERSION.matcher(allureVersion.trim()).matches()) {
            throw ConfigParser.invalid(ALLURE_VERSION, allureVersion, "an Allure 2 commandline version such as 2.34.1");
        }
        return new ReportOptions(allureResults.toPath(), reportDirectory.toPath(), singleFile, allureVersion.trim(),
                toolsDirectory.toPath(), failIfNoResults);
    }
}
