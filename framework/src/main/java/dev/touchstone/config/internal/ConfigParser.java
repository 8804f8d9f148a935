package dev.touchstone.config.internal;

import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * An integer from {@code min} to {@code max}; a larger one fails with {@code why} the maximum
     * is what it is (it should say what more would cost).
     */
    public static int intBetween(String key, @Nullable String raw, int min, int max, String why, int fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, between(min, max));
        }
        if (value > max) {
            throw invalid(key, raw, between(min, max) + ": " + why);
        }
        if (value < min) {
            throw invalid(key, raw, between(min, max));
        }
        return (int) value;
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

    /** Checks a value set in code against the rule {@link #intBetween} applies to text. */
    public static int requireBetween(String key, int value, int min, int max, String why) {
        return intBetween(key, Integer.toString(value), min, max, why, value);
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

    /**
     * The {@code touchstone.*} keys among {@code keys} that are not in {@code known}, each with a
     * warning that names it and the closest known key ("did you mean ..."), sorted. Values are
     * never shown: an unknown key may hold a secret.
     */
    public static List<String> unknownKeys(Collection<String> keys, Collection<String> known) {
        List<String> warnings = new ArrayList<>();
        keys.stream().filter(k -> k.startsWith("touchstone.") && !known.contains(k)).sorted().distinct()
                .forEach(key -> warnings.add("unknown configuration key " + key + " is ignored"
                        + closest(key, known).map(k -> "; did you mean " + k + "?").orElse(
                                "; the known keys are listed on dev.touchstone.config.ConfigKeys")));
        return warnings;
    }

    /** The known key nearest to {@code key} in edit distance, when near enough to be a typo of it. */
    static Optional<String> closest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        // a typo changes a few characters; a third of the part after "touchstone." is the most
        int tail = key.length() - "touchstone.".length();
        return best != null && bestDistance <= Math.max(2, tail / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String between(int min, int max) {
        return String.format(Locale.ROOT, "an integer from %d to %,d", min, max);
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
