package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * How a per-class metric is reduced to one number: for the positive class (the default on
 * binary data), for one named class, or averaged over classes as scikit-learn does.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Averaging(Kind kind, String className) {

    public enum Kind { DEFAULT, CLASS, MACRO, MICRO, WEIGHTED }

    public static final Averaging DEFAULT = new Averaging(Kind.DEFAULT, null);
    public static final Averaging MACRO = new Averaging(Kind.MACRO, null);
    public static final Averaging MICRO = new Averaging(Kind.MICRO, null);
    public static final Averaging WEIGHTED = new Averaging(Kind.WEIGHTED, null);

    public static Averaging forClass(String name) {
        return new Averaging(Kind.CLASS, Objects.requireNonNull(name, "class"));
    }

    /** "macro", "class=cat"; empty for the default. */
    public String suffix() {
        return switch (kind) {
            case DEFAULT -> "";
            case CLASS -> "class=" + className;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
