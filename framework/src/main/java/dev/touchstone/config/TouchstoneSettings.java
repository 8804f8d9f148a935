package dev.touchstone.config;

import dev.touchstone.config.internal.ConfigParser;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The settings that shape evaluation. Immutable; read from a key lookup ({@link #from}): the
 * engine's configuration parameters, or system properties in a plain test.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TouchstoneSettings(long seed, double confidence, int resamples, double alpha,
        InconclusivePolicy inconclusive, Path baselineDir, MissingBaselinePolicy baselineMissing,
        MultiplicityCorrection multiplicity, MultiplicityScope multiplicityScope, double power,
        McNemarVariant mcnemar, @Nullable Path cacheDirectory) {

    public TouchstoneSettings {
        ConfigParser.requireOpenUnitInterval(ConfigKeys.CONFIDENCE, confidence, ConfigKeys.DEFAULT_CONFIDENCE);
        ConfigParser.requireAtLeast(ConfigKeys.BOOTSTRAP_RESAMPLES, resamples, ConfigKeys.MIN_RESAMPLES);
        ConfigParser.requireOpenUnitInterval(ConfigKeys.ALPHA, alpha, ConfigKeys.DEFAULT_ALPHA);
        ConfigParser.requireOpenUnitInterval(ConfigKeys.POWER, power, ConfigKeys.DEFAULT_POWER);
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
                ConfigParser.longValue(ConfigKeys.SEED, lookup.apply(ConfigKeys.SEED), d.seed()),
                ConfigParser.openUnitInterval(ConfigKeys.CONFIDENCE, lookup.apply(ConfigKeys.CONFIDENCE), d.confidence()),
                ConfigParser.intAtLeast(ConfigKeys.BOOTSTRAP_RESAMPLES, lookup.apply(ConfigKeys.BOOTSTRAP_RESAMPLES),
                        ConfigKeys.MIN_RESAMPLES, d.resamples()),
                ConfigParser.openUnitInterval(ConfigKeys.ALPHA, lookup.apply(ConfigKeys.ALPHA), d.alpha()),
                ConfigParser.enumValue(ConfigKeys.INCONCLUSIVE, lookup.apply(ConfigKeys.INCONCLUSIVE), d.inconclusive()),
                ConfigParser.path(ConfigKeys.BASELINE_DIR, lookup.apply(ConfigKeys.BASELINE_DIR), d.baselineDir()),
                ConfigParser.enumValue(ConfigKeys.BASELINE_MISSING, lookup.apply(ConfigKeys.BASELINE_MISSING),
                        d.baselineMissing()),
                ConfigParser.enumValue(ConfigKeys.MULTIPLICITY, lookup.apply(ConfigKeys.MULTIPLICITY), d.multiplicity()),
                ConfigParser.enumValue(ConfigKeys.MULTIPLICITY_SCOPE, lookup.apply(ConfigKeys.MULTIPLICITY_SCOPE),
                        d.multiplicityScope()),
                ConfigParser.openUnitInterval(ConfigKeys.POWER, lookup.apply(ConfigKeys.POWER), d.power()),
                ConfigParser.enumValue(ConfigKeys.MCNEMAR, lookup.apply(ConfigKeys.MCNEMAR), d.mcnemar()),
                ConfigParser.path(ConfigKeys.CACHE_DIR, lookup.apply(ConfigKeys.CACHE_DIR), d.cacheDirectory()));
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

    public TouchstoneSettings withBaselineMissing(MissingBaselinePolicy policy) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, policy,
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
}
