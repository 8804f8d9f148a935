package dev.touchstone.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The settings that shape evaluation. Immutable; read from a key lookup ({@link #from}): the
 * engine's configuration parameters, or system properties in a plain test.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TouchstoneSettings(long seed, double confidence, int resamples, double alpha,
        InconclusivePolicy inconclusive, Path baselineDir, MissingBaselinePolicy baselineMissing,
        MultiplicityCorrection multiplicity, MultiplicityScope multiplicityScope, double power,
        McNemarVariant mcnemar, @Nullable Path cacheDirectory) {

    public TouchstoneSettings {
        if (!(confidence > 0 && confidence < 1)) {
            throw invalid(ConfigKeys.CONFIDENCE, Double.toString(confidence), "a number in (0, 1), e.g. 0.95");
        }
        if (resamples < 100) {
            throw invalid(ConfigKeys.BOOTSTRAP_RESAMPLES, Integer.toString(resamples), "an integer of at least 100");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw invalid(ConfigKeys.ALPHA, Double.toString(alpha), "a number in (0, 1), e.g. 0.05");
        }
        if (!(power > 0 && power < 1)) {
            throw invalid(ConfigKeys.POWER, Double.toString(power), "a number in (0, 1), e.g. 0.8");
        }
    }

    /** Settings with the default baseline and comparison options. */
    public TouchstoneSettings(long seed, double confidence, int resamples, double alpha, InconclusivePolicy inconclusive) {
        this(seed, confidence, resamples, alpha, inconclusive, Path.of(ConfigKeys.DEFAULT_BASELINE_DIR),
                MissingBaselinePolicy.FAIL, MultiplicityCorrection.HOLM, MultiplicityScope.STATEMENT,
                ConfigKeys.DEFAULT_POWER, McNemarVariant.EXACT, null);
    }

    public static TouchstoneSettings defaults() {
        return new TouchstoneSettings(ConfigKeys.DEFAULT_SEED, ConfigKeys.DEFAULT_CONFIDENCE,
                ConfigKeys.DEFAULT_RESAMPLES, ConfigKeys.DEFAULT_ALPHA, InconclusivePolicy.FAIL);
    }

    /** Settings from a key lookup (absent keys take their defaults); bad values fail fast. */
    public static TouchstoneSettings from(Function<String, String> lookup) {
        TouchstoneSettings d = defaults();
        return new TouchstoneSettings(
                parse(lookup, ConfigKeys.SEED, d.seed(), Long::parseLong, "an integer"),
                parse(lookup, ConfigKeys.CONFIDENCE, d.confidence(), TouchstoneSettings::openUnit, "a number in (0, 1), e.g. 0.95"),
                parse(lookup, ConfigKeys.BOOTSTRAP_RESAMPLES, d.resamples(), TouchstoneSettings::resampleCount,
                        "an integer of at least 100"),
                parse(lookup, ConfigKeys.ALPHA, d.alpha(), TouchstoneSettings::openUnit, "a number in (0, 1), e.g. 0.05"),
                parse(lookup, ConfigKeys.INCONCLUSIVE, d.inconclusive(),
                        v -> InconclusivePolicy.valueOf(v.toUpperCase(Locale.ROOT)), "one of fail, skip"),
                parse(lookup, ConfigKeys.BASELINE_DIR, d.baselineDir(), Path::of, "a directory path"),
                parse(lookup, ConfigKeys.BASELINE_MISSING, d.baselineMissing(),
                        v -> MissingBaselinePolicy.valueOf(v.toUpperCase(Locale.ROOT)), "one of fail, skip"),
                parse(lookup, ConfigKeys.MULTIPLICITY, d.multiplicity(),
                        v -> MultiplicityCorrection.valueOf(v.toUpperCase(Locale.ROOT)), "one of holm, bonferroni, bh, none"),
                parse(lookup, ConfigKeys.MULTIPLICITY_SCOPE, d.multiplicityScope(),
                        v -> MultiplicityScope.valueOf(v.toUpperCase(Locale.ROOT)), "one of statement, spec, run"),
                parse(lookup, ConfigKeys.POWER, d.power(), TouchstoneSettings::openUnit, "a number in (0, 1), e.g. 0.8"),
                parse(lookup, ConfigKeys.MCNEMAR, d.mcnemar(),
                        v -> McNemarVariant.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')),
                        "one of exact, chi-square"),
                parse(lookup, ConfigKeys.CACHE_DIR, d.cacheDirectory(), Path::of, "a directory path"));
    }

    public TouchstoneSettings withSeed(long newSeed) {
        return new TouchstoneSettings(newSeed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory);
    }

    public TouchstoneSettings withResamples(int newResamples) {
        return new TouchstoneSettings(seed, confidence, newResamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory);
    }

    public TouchstoneSettings withInconclusive(InconclusivePolicy policy) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, policy, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory);
    }

    public TouchstoneSettings withBaselineDir(Path directory) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, directory, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory);
    }

    /** Where endpoint responses are cached between runs ({@value ConfigKeys#CACHE_DIR}); empty: no cache. */
    public Optional<Path> responseCache() {
        return Optional.ofNullable(cacheDirectory);
    }

    public TouchstoneSettings withCacheDirectory(@Nullable Path directory) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, directory);
    }

    public TouchstoneSettings withMultiplicity(MultiplicityCorrection correction, MultiplicityScope scope) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                correction, scope, power, mcnemar, cacheDirectory);
    }

    private static <T> T parse(Function<String, String> lookup, String key, T fallback,
            Function<String, T> parser, String allowed) {
        String raw = lookup.apply(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw invalid(key, raw, allowed);
        }
    }

    // Range checks happen on the text as written, so an error quotes the user's own value.
    private static double openUnit(String text) {
        double value = Double.parseDouble(text);
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static int resampleCount(String text) {
        int value = Integer.parseInt(text);
        if (value < 100) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static QualityConfigurationException invalid(String key, String value, String allowed) {
        return new QualityConfigurationException("configuration " + key + "=" + value + " is invalid: expected " + allowed);
    }
}
