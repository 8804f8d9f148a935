package dev.touchstone.result;

import dev.touchstone.metric.MetricValue;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.DifferenceEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.PowerEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import dev.touchstone.stats.Interval;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one statement on one slice, exactly as {@code results.json} holds them: what every
 * rendering (the thrown error, the engine's console, the gate's table and summary, the report)
 * is written from. Built from a judged {@link SliceResult} ({@link #of}) or read back from a
 * results entry ({@link CheckEntry#evidence()}); both give the same record, so a number reads the
 * same whichever way it came. Numbers that are not numbers (NaN) are {@code null}, as in JSON.
 *
 * <p>Fields have the meaning of the results entry's fields of the same name ({@link CheckEntry}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Evidence(
        @Nullable String model,
        @Nullable String dataset,
        @Nullable String slice,
        @Nullable String sliceDefinition,
        @Nullable String metric,
        @Nullable Double value,
        @Nullable String undefinedReason,
        @Nullable Long n,
        @Nullable IntervalEntry interval,
        @Nullable ExpectationEntry expectation,
        @Nullable BaselineEntry baseline,
        @Nullable DifferenceEntry difference,
        @Nullable TestEntry test,
        @Nullable PowerEntry power,
        Verdict verdict,
        @Nullable String reason,
        @Nullable Long examplesNeeded,
        List<String> notes,
        @Nullable String warning) {

    public Evidence {
        Objects.requireNonNull(verdict, "verdict");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The facts of a judged slice. */
    public static Evidence of(SliceResult result) {
        MetricValue value = result.value();
        Interval ci = value.interval();
        Expectation x = result.expectation();
        ComparisonResult c = result.comparison().orElse(null);
        return new Evidence(result.model(), result.dataset(), value.slice(), result.sliceDefinition(), value.metric(),
                number(value.value()), value.undefinedReason().orElse(null), value.n(),
                new IntervalEntry(ci.level(), number(ci.low()), number(ci.high()), ci.method()),
                x == null ? null : new ExpectationEntry(x.kind().id(), x.isComparison() ? null : number(x.threshold()),
                        x.kind() == Expectation.Kind.BETWEEN ? number(x.upper()) : null, x.tolerance(),
                        x.confidence().isPresent() ? x.confidence().getAsDouble() : null, number(x.relativeTolerance())),
                c == null ? null : new BaselineEntry(c.source(), number(c.referenceValue()), c.referenceN(), c.paired(),
                        c.pairing()),
                c == null ? null : new DifferenceEntry(c.difference(), c.interval().level(), number(c.interval().low()),
                        number(c.interval().high()), c.interval().method(), c.higherIsBetter()),
                c == null ? null : new TestEntry(c.test(), number(c.statistic()), number(c.pValue()),
                        number(c.adjustedPValue()), c.alpha(), c.multiplicity(), c.family(), c.hypothesis()),
                c == null ? null : new PowerEntry(c.power(), number(c.minimumDetectableDifference()), c.decidingAlpha(),
                        c.familySize(), c.powerCurve().isExact()),
                result.verdict(), result.reason(),
                result.examplesNeeded() != null && result.examplesNeeded().isPresent()
                        ? result.examplesNeeded().getAsLong() : null,
                value.notes(), result.warning().orElse(null));
    }

    /** This evidence with another reason. */
    public Evidence withReason(@Nullable String newReason) {
        return new Evidence(model, dataset, slice, sliceDefinition, metric, value, undefinedReason, n, interval,
                expectation, baseline, difference, test, power, verdict, newReason, examplesNeeded, notes, warning);
    }

    /** Whether the metric has a value on the slice (not undefined, and a number). */
    public boolean isDefined() {
        return undefinedReason == null && value != null;
    }

    // NaN and infinities are not JSON numbers: what results.json would hold
    private static @Nullable Double number(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
