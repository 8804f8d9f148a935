package dev.touchstone.assertion.internal;

import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.metric.internal.builtin.Range;
import dev.touchstone.result.Expectation;
import java.math.BigDecimal;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A bound that the metric's range decides on its own: {@code accuracy().isAtLeast(-1)} can never
 * fail and {@code brierScore().isBelow(10)} neither, {@code recall().isAbove(1)} can never pass.
 * Such a statement tests nothing (or everything); it is reported, never rejected, with the
 * range of the metric as its definition gives it ({@link BuiltInMetrics#forResultName}).
 * Metrics of the user's own have no known range and are never reported.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class VacuousBounds {

    private VacuousBounds() {
    }

    /**
     * Why {@code expectation} on {@code metric} (a result name: {@code accuracy}, {@code f1(macro)})
     * cannot fail or cannot pass whatever the data; empty for a bound the data can decide, and
     * for comparisons with a reference.
     */
    public static Optional<String> warning(String metric, Expectation expectation) {
        if (expectation.isComparison()) {
            return Optional.empty();
        }
        Optional<Range> known = BuiltInMetrics.forResultName(metric).map(m -> m.range());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Range range = known.get();
        double low = range.low();
        double high = range.high();
        double t = expectation.threshold();
        String statement = statement(expectation);
        String name = metric;
        return switch (expectation.kind()) {
            case ABOVE -> t < low ? never(statement, "fail", name + " is never below " + end(low), range)
                    : t >= high ? never(statement, "pass", name + " is never above " + end(high), range) : Optional.empty();
            case AT_LEAST -> t <= low ? never(statement, "fail", name + " is never below " + end(low), range)
                    : t > high ? never(statement, "pass", name + " is never above " + end(high), range) : Optional.empty();
            case BELOW -> t > high ? never(statement, "fail", name + " is never above " + end(high), range)
                    : t <= low ? never(statement, "pass", name + " is never below " + end(low), range) : Optional.empty();
            case AT_MOST -> t >= high ? never(statement, "fail", name + " is never above " + end(high), range)
                    : t < low ? never(statement, "pass", name + " is never below " + end(low), range) : Optional.empty();
            case BETWEEN -> t <= low && expectation.upper() >= high
                    ? never(statement, "fail", name + " always lies in " + range, range)
                    : expectation.upper() < low || t > high
                            ? never(statement, "pass", name + " never lies in that range", range) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> never(String statement, String what, String because, Range range) {
        String consequence = what.equals("fail")
                ? "; the statement passes whenever the metric can be computed, so it tests nothing"
                : "; the statement fails whatever the model does";
        return Optional.of(statement + " can never " + what + ": " + because + " (its range is " + range + ")"
                + consequence);
    }

    /** {@code isAtLeast(-1)}, {@code withConfidence(0.95).isBelow(10)}, {@code isBetween(-1, 2)}. */
    private static String statement(Expectation e) {
        String confidence = e.confidence().isPresent() ? "withConfidence(" + number(e.confidence().getAsDouble()) + ")."
                : "";
        return confidence + switch (e.kind()) {
            case ABOVE -> "isAbove(" + number(e.threshold()) + ")";
            case AT_LEAST -> "isAtLeast(" + number(e.threshold()) + ")";
            case BELOW -> "isBelow(" + number(e.threshold()) + ")";
            case AT_MOST -> "isAtMost(" + number(e.threshold()) + ")";
            case BETWEEN -> "isBetween(" + number(e.threshold()) + ", " + number(e.upper()) + ")";
            default -> e.kind().id();
        };
    }

    private static String number(double x) {
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    private static String end(double x) {
        return number(x);
    }
}
