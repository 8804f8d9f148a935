package dev.touchstone.config.internal;

import dev.touchstone.config.Secret;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The only way to a secret's value: for the clients that must send it (endpoint requests).
 * {@code Secret} keeps {@code reveal} package-private and hands this class a bridge when loaded.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class SecretAccess {

    private static volatile Function<Secret, String> reveal;
    private static volatile UnaryOperator<Secret> bearer;

    private SecretAccess() {
    }

    /** Called by {@code Secret}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Function<Secret, String> revealBridge, UnaryOperator<Secret> bearerBridge) {
        if (reveal == null) {
            reveal = Objects.requireNonNull(revealBridge, "reveal");
            bearer = Objects.requireNonNull(bearerBridge, "bearer");
        }
    }

    /** The value; fails, naming the origin, when it is not set. Never log or print it. */
    public static String reveal(Secret secret) {
        return bridge(reveal).apply(secret);
    }

    /** {@code "Bearer " + token}, with the token's origin. */
    public static Secret bearer(Secret token) {
        return bridge(bearer).apply(token);
    }

    private static <T> T bridge(T bridge) {
        if (bridge == null) {
            throw new IllegalStateException("Secret has not installed its bridge");
        }
        return bridge;
    }
}
