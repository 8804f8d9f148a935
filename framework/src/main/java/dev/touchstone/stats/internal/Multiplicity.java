package dev.touchstone.stats.internal;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Adjustment of the p-values of a family of tests (one statement over many slices, a spec, a
 * run: {@code touchstone.multiplicity.scope}) so that the family as a whole keeps its error rate.
 * A test rejects at α when its adjusted p-value is at most α. The adjusted values equal
 * statsmodels' {@code multipletests(pvals, method=...)[1]}.
 *
 * <ul>
 *   <li>{@link Method#HOLM} (default, {@code touchstone.multiplicity=holm}): Holm's step-down
 *       procedure (S. Holm, "A simple sequentially rejective multiple test procedure",
 *       Scandinavian Journal of Statistics 6 (1979) 65–70). Controls the family-wise error rate
 *       (the probability of at least one false alarm) at α under any dependence between the
 *       tests, and is uniformly more powerful than Bonferroni. With sorted
 *       {@code p(1) ≤ … ≤ p(m)}: {@code adj(i) = max_{j ≤ i} min(1, (m − j + 1) p(j))}.</li>
 *   <li>{@link Method#BONFERRONI}: {@code min(1, m p)}; same guarantee, less power.</li>
 *   <li>{@link Method#BH}: Benjamini and Hochberg (J. R. Statist. Soc. B 57 (1995) 289–300)
 *       step-up, controlling the false discovery rate (for independent or positively dependent
 *       tests): {@code adj(i) = min_{j ≥ i} min(1, m p(j) / j)}. Weaker than FWER control; use
 *       it for large families where a few false alarms are acceptable.</li>
 *   <li>{@link Method#NONE}: the p-values unchanged.</li>
 * </ul>
 * Ties get the same adjusted value whatever their order. Undefined comparisons carry p = 1
 * (see {@link ComparisonTest}); keeping them in the family only makes the adjustment more
 * conservative.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Multiplicity {

    /** The adjustment procedure; the configuration values are {@code holm|bonferroni|bh|none}. */
    public enum Method {
        HOLM("holm"), BONFERRONI("bonferroni"), BH("bh"), NONE("none");

        private final String configValue;

        Method(String configValue) {
            this.configValue = configValue;
        }

        /** The value used in configuration and in {@code results.json} ({@code test.multiplicity}). */
        public String configValue() {
            return configValue;
        }

        /**
         * Parses a configuration value ({@code holm}, {@code bonferroni}, {@code bh} or
         * {@code none}; case and surrounding blanks are ignored).
         *
         * @throws IllegalArgumentException for any other value, naming the allowed ones
         */
        public static Method parse(String value) {
            Objects.requireNonNull(value, "multiplicity method must not be null (allowed: holm, bonferroni, bh, none)");
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (Method method : values()) {
                if (method.configValue.equals(normalized)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("unknown multiplicity method '" + value
                    + "'; allowed values: holm, bonferroni, bh, none");
        }
    }

    private Multiplicity() {
    }

    /**
     * The adjusted p-values, in the order of the input (which is not modified).
     *
     * @param pValues the raw p-values of the family, each in [0, 1]
     * @param method the procedure
     * @return a new array of adjusted p-values, each in [0, 1] and at least its raw value
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
     */
    public static double[] adjust(double[] pValues, Method method) {
        Objects.requireNonNull(pValues, "p-values must not be null");
        Objects.requireNonNull(method, "method must not be null");
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-value at index " + i + " must be in [0, 1] but was " + p);
            }
        }
        int m = pValues.length;
        double[] adjusted = new double[m];
        switch (method) {
            case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    adjusted[i] = Math.min(1.0, pValues[i] * m);
                }
            }
            case HOLM -> {
                int[] order = ascendingOrder(pValues);
                double running = 0;
                for (int rank = 0; rank < m; rank++) {
                    int index = order[rank];
                    running = Math.max(running, Math.min(1.0, pValues[index] * (m - rank)));
                    adjusted[index] = running;
                }
            }
            case BH -> {
                int[] order = ascendingOrder(pValues);
                double running = 1.0;
                for (int rank = m - 1; rank >= 0; rank--) {
                    int index = order[rank];
                    running = Math.min(running, pValues[index] / ((rank + 1.0) / m));
                    adjusted[index] = running;
                }
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
        return adjusted;
    }

    /** Indices that sort the values ascending (stable). */
    private static int[] ascendingOrder(double[] values) {
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[a], values[b]))
                .mapToInt(Integer::intValue).toArray();
    }
}
