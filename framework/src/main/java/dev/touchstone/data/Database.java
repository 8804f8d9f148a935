package dev.touchstone.data;

import dev.touchstone.config.Secret;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a SQL dataset lives: a JDBC URL and, when the server wants them, a user and a password
 * from a {@link Secret}. The password is read when a connection opens and never appears in a
 * message, log line or result; {@link #toString()} and {@link #describe()} name where it comes
 * from. Parameters in the URL ({@code ?password=...}) are never printed either: messages show
 * the URL up to its parameters, without a user-info part.
 *
 * <pre>{@code
 * Database warehouse = Database.at("jdbc:postgresql://localhost:5432/ml")
 *         .withUser("touchstone").withPassword(Secret.env("PGPASSWORD"));
 * Dataset logged = Dataset.fromQuery(warehouse, "select * from predictions where day = '2026-12-01'");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Database {

    private final String url;
    private final @Nullable String user;
    private final @Nullable Secret password;

    private Database(String url, @Nullable String user, @Nullable Secret password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A database by its JDBC URL ({@code jdbc:postgresql://host:5432/db}, {@code jdbc:duckdb:/path/file.db}). */
    public static Database at(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:', such as jdbc:postgresql://localhost:5432/db;"
                    + " got '" + redact(jdbcUrl) + "'");
        }
        return new Database(jdbcUrl, null, null);
    }

    /** The user to connect as. */
    public Database withUser(String name) {
        Objects.requireNonNull(name, "user");
        if (name.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        return new Database(url, name, password);
    }

    /** The password, read from the secret when a connection opens. */
    public Database withPassword(Secret secret) {
        return new Database(url, user, Objects.requireNonNull(secret, "password"));
    }

    /** The JDBC URL as given; may hold parameters, so never print it: use {@link #describe()}. */
    public String url() {
        return url;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** {@code postgresql://localhost:5432/ml}: the URL without {@code jdbc:}, user info or parameters. */
    public String describe() {
        return redact(url);
    }

    static String redact(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int cut = rest.length();
        for (char c : new char[] {'?', ';', '&'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        rest = rest.substring(0, cut);
        int slashes = rest.indexOf("//");
        int at = rest.lastIndexOf('@');
        if (slashes >= 0 && at > slashes) {
            rest = rest.substring(0, slashes + 2) + rest.substring(at + 1);
        }
        return dev.touchstone.internal.text.Printable.escape(rest);
    }

    @Override
    public String toString() {
        return "Database[" + describe() + (user == null ? "" : ", user '" + user + "'")
                + (password == null ? "" : ", password from " + password.origin()) + "]";
    }
}
