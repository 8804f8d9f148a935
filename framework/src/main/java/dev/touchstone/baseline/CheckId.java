package dev.touchstone.baseline;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which check a statement belongs to: the key of its baseline entries. The engine sets it for
 * the check it runs; in a plain JUnit test it is the calling test class and method.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CheckId(String spec, String check) {

    private static final ThreadLocal<CheckId> CURRENT = new ThreadLocal<>();

    /** Runs {@code action} as check {@code id}. */
    public static void runAs(CheckId id, Runnable action) {
        CheckId previous = CURRENT.get();
        CURRENT.set(id);
        try {
            action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The check set by the engine, or else the first caller outside Touchstone and the JDK. */
    public static Optional<CheckId> current() {
        CheckId id = CURRENT.get();
        if (id != null) {
            return Optional.of(id);
        }
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("dev.touchstone.")
                        && !f.getClassName().startsWith("java.")
                        && !f.getClassName().startsWith("jdk.")
                        && !f.getClassName().startsWith("sun."))
                .findFirst()
                .map(f -> new CheckId(f.getClassName(), f.getMethodName())));
    }
}
