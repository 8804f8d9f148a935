package dev.touchstone.gate;

import dev.touchstone.metric.internal.BuiltInMetric;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** What the gate knows of metric names as the results file writes them: direction and range. */
final class Metrics {

    /** A closed range of possible values; a null end is unbounded. */
    record Range(BigDecimal low, BigDecimal high) {
        boolean contains(BigDecimal value) {
            return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
        }

        @Override
        public String toString() {
            return "[" + (low == null ? "-inf" : low.toPlainString()) + ", " + (high == null ? "inf" : high.toPlainString()) + "]";
        }
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;

    private Metrics() {
    }

    /** {@code f1} of {@code f1(macro)}, {@code recall} of {@code recall(class=3)}. */
    static String baseName(String metric) {
        int paren = metric.indexOf('(');
        return (paren < 0 ? metric : metric.substring(0, paren)).trim().toLowerCase(Locale.ROOT);
    }

    static Optional<BuiltInMetric> builtIn(String metric) {
        String base = baseName(metric);
        for (BuiltInMetric m : BuiltInMetric.values()) {
            if (m.id().equals(base)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether larger values are better; unknown (custom) metrics are taken as higher-is-better. */
    static boolean higherIsBetter(String metric) {
        return builtIn(metric).map(BuiltInMetric::higherIsBetter).orElse(true);
    }

    /** The values a built-in metric can take; empty for custom metrics. */
    static Optional<Range> range(String metric) {
        return builtIn(metric).map(m -> switch (m) {
            case MCC, COHEN_KAPPA -> new Range(ONE.negate(), ONE);
            case R2 -> new Range(null, ONE);
            case LOG_LOSS, MAE, MSE, RMSE, MAPE, SIZE -> new Range(ZERO, null);
            default -> new Range(ZERO, ONE);
        });
    }
}
