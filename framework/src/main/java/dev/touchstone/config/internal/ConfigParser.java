package dev.touchstone.config.internal;

import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one parser of configuration values (the keys of {@link dev.touchstone.config.ConfigKeys} and the Maven goals'
 * options), so that every value is read the same way and every bad one fails with the same
 * message: {@code configuration <key>=<value> is invalid: expected <what is allowed>}, quoting
 * the value as written. A null or blank value is absent and takes the fallback; surrounding
 * spaces are ignored.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ConfigParser {

    private ConfigParser() {
    }

    /**
     * An enum constant by its documented spelling: lower case, with {@code -} for {@code _}
     * ({@code fail}, {@code chi-square}); case is ignored and {@code _} accepted as well.
     */
    public static <E extends Enum<E>> E enumValue(String key, @Nullable String raw, E fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw invalid(key, raw, "one of " + Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
                .map(ConfigParser::spelling).collect(Collectors.joining(", ")));
    }

    /** How {@code constant} is written in configuration: {@code CHI_SQUARE} is {@code chi-square}. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code true} or {@code false}, in any case. */
    public static boolean bool(String key, @Nullable String raw, boolean fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        String text = raw.strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid(key, raw, "true or false");
    }

    /** Any integer that fits a {@code long}. */
    public static long longValue(String key, @Nullable String raw, long fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "an integer");
        }
    }

    /** An integer of at least {@code min}. */
    public static int intAtLeast(String key, @Nullable String raw, int min, int fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(key, raw, atLeast(min));
    }

    /** A number strictly between 0 and 1, such as a confidence level; {@code fallback} is the example. */
    public static double openUnitInterval(String key, @Nullable String raw, double fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (value > 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(key, raw, openUnitInterval(fallback));
    }

    /** A path, such as a directory; relative ones are left relative. */
    public static @Nullable Path path(String key, @Nullable String raw, @Nullable Path fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        try {
            return Path.of(raw.strip());
        } catch (InvalidPathException e) {
            throw invalid(key, raw, "a directory path");
        }
    }

    /** Checks a value set in code against the rule {@link #intAtLeast} applies to text. */
    public static int requireAtLeast(String key, int value, int min) {
        if (value < min) {
            throw invalid(key, Integer.toString(value), atLeast(min));
        }
        return value;
    }

    /** Checks a value set in code against the rule {@link #openUnitInterval} applies to text. */
    public static double requireOpenUnitInterval(String key, double value, double example) {
        if (!(value > 0 && value < 1)) {
            throw invalid(key, Double.toString(value), openUnitInterval(example));
        }
        return value;
    }

    /** The error of a bad value: {@code configuration <key>=<value> is invalid: expected <expected>}. */
    public static QualityConfigurationException invalid(String key, @Nullable String value, String expected) {
        return new QualityConfigurationException("configuration " + key + "=" + value + " is invalid: expected " + expected);
    }

    private static String atLeast(int min) {
        return "an integer of at least " + min;
    }

    private static String openUnitInterval(double example) {
        return "a number in (0, 1), e.g. " + example;
    }

    private static boolean isAbsent(@Nullable String raw) {
        return raw == null || raw.isBlank();
    }
}
