package dev.touchstone.export;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.Secret;
import dev.touchstone.config.internal.ConfigParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a run exports, read from the configuration keys of {@link ConfigKeys} ({@code touchstone.prometheus.*},
 * {@code touchstone.results.jsonl}). Credentials are named, never written: {@code env:NAME} or
 * {@code property:NAME}, read into a {@link Secret} when the push is sent.
 *
 * @param prometheus   whether {@code metrics.prom} is written
 * @param pushgateway  the Pushgateway's base URL, if the exposition is pushed
 * @param job          the {@code job} of the push's grouping key
 * @param instance     an optional {@code instance} of the grouping key
 * @param token        a bearer token for the Pushgateway
 * @param username     a user name for basic authentication
 * @param password     the password for basic authentication
 * @param jsonLines    whether {@code results.jsonl} is written
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record ExportSettings(boolean prometheus, Optional<URI> pushgateway, String job, Optional<String> instance,
        Optional<Secret> token, Optional<String> username, Optional<Secret> password, boolean jsonLines) {

    /** Reads and checks the keys; a bad value fails with the key, the value and what is allowed. */
    public static ExportSettings from(Function<String, String> lookup) {
        boolean prometheus = ConfigParser.bool(ConfigKeys.PROMETHEUS_ENABLED, lookup.apply(ConfigKeys.PROMETHEUS_ENABLED),
                ConfigKeys.DEFAULT_PROMETHEUS_ENABLED);
        Optional<URI> gateway = Optional.ofNullable(url(lookup.apply(ConfigKeys.PROMETHEUS_PUSHGATEWAY)));
        String job = name(ConfigKeys.PROMETHEUS_JOB, lookup.apply(ConfigKeys.PROMETHEUS_JOB), ConfigKeys.DEFAULT_PROMETHEUS_JOB);
        Optional<String> instance = Optional.ofNullable(blankToNull(lookup.apply(ConfigKeys.PROMETHEUS_INSTANCE)))
                .map(v -> name(ConfigKeys.PROMETHEUS_INSTANCE, v, v));
        Optional<Secret> token = secret(ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN,
                lookup.apply(ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN));
        Optional<String> username = Optional.ofNullable(blankToNull(lookup.apply(ConfigKeys.PROMETHEUS_PUSHGATEWAY_USERNAME)));
        Optional<Secret> password = secret(ConfigKeys.PROMETHEUS_PUSHGATEWAY_PASSWORD,
                lookup.apply(ConfigKeys.PROMETHEUS_PUSHGATEWAY_PASSWORD));
        if (username.isPresent() != password.isPresent()) {
            throw ConfigParser.invalid(username.isPresent() ? ConfigKeys.PROMETHEUS_PUSHGATEWAY_PASSWORD
                    : ConfigKeys.PROMETHEUS_PUSHGATEWAY_USERNAME, null, "both a user name and a password for basic "
                    + "authentication, or neither");
        }
        if (token.isPresent() && username.isPresent()) {
            throw ConfigParser.invalid(ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN, "(set)", "either a bearer token or a "
                    + "user name and password, not both");
        }
        boolean jsonLines = ConfigParser.bool(ConfigKeys.RESULTS_JSONL, lookup.apply(ConfigKeys.RESULTS_JSONL),
                ConfigKeys.DEFAULT_RESULTS_JSONL);
        return new ExportSettings(prometheus, gateway, job, instance, token, username, password, jsonLines);
    }

    private static @Nullable URI url(@Nullable String raw) {
        String text = blankToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ConfigParser.invalid(ConfigKeys.PROMETHEUS_PUSHGATEWAY, raw, "an http(s) URL without credentials or "
                + "query, e.g. http://localhost:9091 (credentials go in " + ConfigKeys.PROMETHEUS_PUSHGATEWAY_TOKEN + ")");
    }

    private static String name(String key, @Nullable String raw, String fallback) {
        String text = blankToNull(raw);
        if (text == null) {
            return fallback;
        }
        if (!text.matches("[A-Za-z0-9_.-]+")) {
            throw ConfigParser.invalid(key, raw, "letters, digits, '_', '.' and '-'");
        }
        return text;
    }

    // The value names where the secret is; a literal is refused so that no credential sits in a configuration file.
    private static Optional<Secret> secret(String key, @Nullable String raw) {
        String text = blankToNull(raw);
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith("env:") && text.length() > 4) {
            return Optional.of(Secret.env(text.substring(4)));
        }
        if (text.startsWith("property:") && text.length() > 9) {
            return Optional.of(Secret.systemProperty(text.substring(9)));
        }
        throw ConfigParser.invalid(key, "(hidden)", "where the credential is, env:NAME (an environment variable) or "
                + "property:NAME (a system property); never the credential itself");
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
