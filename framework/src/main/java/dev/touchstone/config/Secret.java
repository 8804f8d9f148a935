package dev.touchstone.config;

import java.util.Objects;
import java.util.function.Supplier;
import dev.touchstone.config.internal.SecretAccess;
import org.apiguardian.api.API;

/**
 * A credential (API key, bearer token) read when a request is sent. Its text never appears in
 * {@link #toString()}, in exception messages, in logs or in results: only the endpoint client
 * reads it, to put it in a request header, and every text the client produces is scrubbed of it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Secret {

    static {
        SecretAccess.install(Secret::reveal, Secret::bearer);
    }

    private final String origin;
    private final Supplier<String> value;

    private Secret(String origin, Supplier<String> value) {
        this.origin = origin;
        this.value = value;
    }

    /** The value of environment variable {@code name}, read when first needed. */
    public static Secret env(String name) {
        requireName(name);
        return new Secret("environment variable '" + name + "'", () -> System.getenv(name));
    }

    /** The value of system property {@code name}, read when first needed. */
    public static Secret systemProperty(String name) {
        requireName(name);
        return new Secret("system property '" + name + "'", () -> System.getProperty(name));
    }

    /** A literal value, for tests; prefer {@link #env} in specs, so secrets stay out of source code. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret("a literal secret", () -> value);
    }

    /** {@code "Bearer " + token}, with the token's origin. */
    static Secret bearer(Secret token) {
        return new Secret(token.origin, () -> "Bearer " + token.reveal());
    }

    /** Where the value comes from ("environment variable 'API_KEY'"); never the value. */
    public String origin() {
        return origin;
    }

    /** The value: only for the endpoint client. Fails, naming the origin, when it is not set. */
    String reveal() {
        String text = value.get();
        if (text == null || text.isEmpty()) {
            throw new QualityConfigurationException("a credential is not set: " + origin
                    + " is " + (text == null ? "undefined" : "empty"));
        }
        return text;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a secret needs the name of the variable that holds it");
        }
    }

    @Override
    public String toString() {
        return "***";
    }
}
