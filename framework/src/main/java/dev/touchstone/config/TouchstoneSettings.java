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
        McNemarVariant mcnemar, @Nullable Path cacheDirectory, int maxRecordBytes, int maxResponseBytes) {

    public TouchstoneSettings {
        ConfigParser.requireOpenUnitInterval(ConfigKeys.CONFIDENCE, confidence, ConfigKeys.DEFAULT_CONFIDENCE);
        ConfigParser.requireBetween(ConfigKeys.BOOTSTRAP_RESAMPLES, resamples, ConfigKeys.MIN_RESAMPLES,
                ConfigKeys.MAX_RESAMPLES, ConfigKeys.WHY_MAX_RESAMPLES);
        ConfigParser.requireBetween(ConfigKeys.MAX_RECORD_BYTES, maxRecordBytes, ConfigKeys.MIN_MAX_RECORD_BYTES,
                ConfigKeys.MAX_MAX_RECORD_BYTES, ConfigKeys.WHY_MAX_MAX_RECORD_BYTES);
        ConfigParser.requireBetween(ConfigKeys.MAX_RESPONSE_BYTES, maxResponseBytes, ConfigKeys.MIN_MAX_RESPONSE_BYTES,
                ConfigKeys.MAX_MAX_RESPONSE_BYTES, ConfigKeys.WHY_MAX_MAX_RESPONSE_BYTES);
        ConfigParser.requireOpenUnitInterval(ConfigKeys.ALPHA, alpha, ConfigKeys.DEFAULT_ALPHA);
        ConfigParser.requireOpenUnitInterval(ConfigKeys.POWER, power, ConfigKeys.DEFAULT_POWER);
    }

    /** Settings with the default baseline and comparison options. */
    public TouchstoneSettings(long seed, double confidence, int resamples, double alpha, InconclusivePolicy inconclusive) {
        this(seed, confidence, resamples, alpha, inconclusive, Path.of(ConfigKeys.DEFAULT_BASELINE_DIR),
                MissingBaselinePolicy.FAIL, MultiplicityCorrection.HOLM, MultiplicityScope.STATEMENT,
                ConfigKeys.DEFAULT_POWER, McNemarVariant.EXACT, null, ConfigKeys.DEFAULT_MAX_RECORD_BYTES,
                ConfigKeys.DEFAULT_MAX_RESPONSE_BYTES);
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
                ConfigParser.intBetween(ConfigKeys.BOOTSTRAP_RESAMPLES, lookup.apply(ConfigKeys.BOOTSTRAP_RESAMPLES),
                        ConfigKeys.MIN_RESAMPLES, ConfigKeys.MAX_RESAMPLES, ConfigKeys.WHY_MAX_RESAMPLES, d.resamples()),
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
                ConfigParser.path(ConfigKeys.CACHE_DIR, lookup.apply(ConfigKeys.CACHE_DIR), d.cacheDirectory()),
                ConfigParser.intBetween(ConfigKeys.MAX_RECORD_BYTES, lookup.apply(ConfigKeys.MAX_RECORD_BYTES),
                        ConfigKeys.MIN_MAX_RECORD_BYTES, ConfigKeys.MAX_MAX_RECORD_BYTES,
                        ConfigKeys.WHY_MAX_MAX_RECORD_BYTES, d.maxRecordBytes()),
                ConfigParser.intBetween(ConfigKeys.MAX_RESPONSE_BYTES, lookup.apply(ConfigKeys.MAX_RESPONSE_BYTES),
                        ConfigKeys.MIN_MAX_RESPONSE_BYTES, ConfigKeys.MAX_MAX_RESPONSE_BYTES,
                        ConfigKeys.WHY_MAX_MAX_RESPONSE_BYTES, d.maxResponseBytes()));
    }

    public TouchstoneSettings withSeed(long newSeed) {
        return new TouchstoneSettings(newSeed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }

    public TouchstoneSettings withResamples(int newResamples) {
        return new TouchstoneSettings(seed, confidence, newResamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }

    public TouchstoneSettings withInconclusive(InconclusivePolicy policy) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, policy, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }

    public TouchstoneSettings withBaselineMissing(MissingBaselinePolicy policy) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, policy,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }

    public TouchstoneSettings withBaselineDir(Path directory) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, directory, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }

    /** Where endpoint responses are cached between runs ({@value ConfigKeys#CACHE_DIR}); empty: no cache. */
    public Optional<Path> responseCache() {
        return Optional.ofNullable(cacheDirectory);
    }

    public TouchstoneSettings withCacheDirectory(@Nullable Path directory) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, directory, maxRecordBytes, maxResponseBytes);
    }

    /** Data records (a CSV record, a JSON Lines line) longer than this many bytes are an error. */
    public TouchstoneSettings withMaxRecordBytes(int bytes) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, bytes, maxResponseBytes);
    }

    /** Endpoint responses longer than this many bytes fail their examples. */
    public TouchstoneSettings withMaxResponseBytes(int bytes) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                multiplicity, multiplicityScope, power, mcnemar, cacheDirectory, maxRecordBytes, bytes);
    }

    public TouchstoneSettings withMultiplicity(MultiplicityCorrection correction, MultiplicityScope scope) {
        return new TouchstoneSettings(seed, confidence, resamples, alpha, inconclusive, baselineDir, baselineMissing,
                correction, scope, power, mcnemar, cacheDirectory, maxRecordBytes, maxResponseBytes);
    }
}
