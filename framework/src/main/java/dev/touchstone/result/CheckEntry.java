package dev.touchstone.result;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the results file: one statement on one slice (or a check that could not be
 * evaluated, with verdict ERROR). Fields that do not apply are {@code null}, exactly as in
 * {@code results.json}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckEntry(
        String uniqueId,
        String spec,
        String check,
        @Nullable String model,
        @Nullable String dataset,
        @Nullable String slice,
        @Nullable String metric,
        @Nullable Double value,
        @Nullable Long n,
        @Nullable IntervalEntry interval,
        @Nullable ExpectationEntry expectation,
        @Nullable BaselineEntry baseline,
        @Nullable TestEntry test,
        Verdict verdict,
        String message,
        long durationMillis) {

    public CheckEntry {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    /** The entry of a judged slice of a statement. */
    public static CheckEntry of(String uniqueId, String spec, String check, SliceResult result, long durationMillis) {
        var value = result.value();
        var interval = value.interval();
        var expectation = result.expectation();
        return new CheckEntry(uniqueId, spec, check, result.model(), result.dataset(), value.slice(), value.metric(),
                value.value(), value.n(),
                new IntervalEntry(interval.level(), interval.low(), interval.high(), interval.method()),
                new ExpectationEntry(expectation.kind().id(),
                        expectation.isComparison() ? null : expectation.threshold(),
                        expectation.kind() == Expectation.Kind.BETWEEN ? expectation.upper() : null,
                        expectation.tolerance(),
                        expectation.confidence().isPresent() ? expectation.confidence().getAsDouble() : null),
                result.comparison().map(c -> new BaselineEntry(c.source(), c.referenceValue(), c.referenceN(), c.paired()))
                        .orElse(null),
                result.comparison().map(c -> new TestEntry(c.test(), c.statistic(), c.pValue(), c.adjustedPValue(),
                        c.alpha(), c.multiplicity(), c.family())).orElse(null),
                result.verdict(), result.message(), durationMillis);
    }

    /** The entry of a check that could not be evaluated. */
    public static CheckEntry error(String uniqueId, String spec, String check, String message, long durationMillis) {
        return new CheckEntry(uniqueId, spec, check, null, null, null, null, null, null, null, null, null, null,
                Verdict.ERROR, message, durationMillis);
    }

    /** {@code "interval": {"level", "low", "high", "method"}}. */
    public record IntervalEntry(double level, @Nullable Double low, @Nullable Double high, String method) {
    }

    /** {@code "expectation": {"kind", "threshold", "tolerance", "confidence"}}; {@code upper} for between. */
    public record ExpectationEntry(String kind, @Nullable Double threshold, @Nullable Double upper, double tolerance,
            @Nullable Double confidence) {
    }

    /** {@code "baseline": {"source", "value", "n", "paired"}}. */
    public record BaselineEntry(String source, @Nullable Double value, @Nullable Long n, boolean paired) {
    }

    /** {@code "test": {"name", "statistic", "pValue", "adjustedPValue", "alpha", "multiplicity", "family"}}. */
    public record TestEntry(String name, @Nullable Double statistic, @Nullable Double pValue,
            @Nullable Double adjustedPValue, double alpha, @Nullable String multiplicity, @Nullable String family) {
    }
}
