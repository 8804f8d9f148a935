package dev.touchstone.result;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the results file: one statement on one slice (or a check that could not be
 * evaluated, with verdict ERROR). Fields that do not apply are {@code null}, exactly as in
 * {@code results.json}.
 *
 * <p>The fields after {@code durationMillis} were added in 0.3 (schema version 1 still: a file
 * without them reads, and a reader that does not know them can ignore them). With them, an entry
 * holds every fact its messages show ({@link #evidence()}), so that every rendering, the gate's
 * too, works from numbers rather than from the text of a message.
 *
 * @param sliceDefinition how the slice was defined ({@code hour < 6 or hour >= 20})
 * @param undefinedReason why the metric is undefined on the slice; {@code value} then holds
 *                        scikit-learn's conventional value, for reference only
 * @param difference      model − reference with its interval, for comparisons
 * @param power           the power of the test that decided, for comparisons
 * @param reason          one sentence: why this verdict
 * @param examplesNeeded  for INCONCLUSIVE, roughly how many examples would decide
 * @param notes           facts about the data worth knowing (a class never predicted, ...)
 * @param warning         a warning about the statement itself (a bound the metric's range decides)
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
        long durationMillis,
        @Nullable String sliceDefinition,
        @Nullable String undefinedReason,
        @Nullable DifferenceEntry difference,
        @Nullable PowerEntry power,
        @Nullable String reason,
        @Nullable Long examplesNeeded,
        List<String> notes,
        @Nullable String warning) {

    public CheckEntry {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An entry with the fields of schema 0.1 only, as files written before 0.3 hold them. */
    public CheckEntry(String uniqueId, String spec, String check, @Nullable String model, @Nullable String dataset,
            @Nullable String slice, @Nullable String metric, @Nullable Double value, @Nullable Long n,
            @Nullable IntervalEntry interval, @Nullable ExpectationEntry expectation, @Nullable BaselineEntry baseline,
            @Nullable TestEntry test, Verdict verdict, String message, long durationMillis) {
        this(uniqueId, spec, check, model, dataset, slice, metric, value, n, interval, expectation, baseline, test,
                verdict, message, durationMillis, null, null, null, null, null, null, List.of(), null);
    }

    /** The entry of a judged slice of a statement. */
    public static CheckEntry of(String uniqueId, String spec, String check, SliceResult result, long durationMillis) {
        return of(uniqueId, spec, check, Evidence.of(result), result.message(), durationMillis);
    }

    /** The entry of {@code evidence}, with its message. */
    public static CheckEntry of(String uniqueId, String spec, String check, Evidence e, String message,
            long durationMillis) {
        return new CheckEntry(uniqueId, spec, check, e.model(), e.dataset(), e.slice(), e.metric(), e.value(), e.n(),
                e.interval(), e.expectation(), e.baseline(), e.test(), e.verdict(), message, durationMillis,
                e.sliceDefinition(), e.undefinedReason(), e.difference(), e.power(), e.reason(), e.examplesNeeded(),
                e.notes(), e.warning());
    }

    /** The entry of a check that could not be evaluated. */
    public static CheckEntry error(String uniqueId, String spec, String check, String message, long durationMillis) {
        return new CheckEntry(uniqueId, spec, check, null, null, null, null, null, null, null, null, null, null,
                Verdict.ERROR, message, durationMillis);
    }

    /** The facts of this entry, as every rendering reads them. */
    public Evidence evidence() {
        return new Evidence(model, dataset, slice, sliceDefinition, metric, value, undefinedReason, n, interval,
                expectation, baseline, difference, test, power, verdict, reason, examplesNeeded, notes, warning);
    }

    /** {@code "interval": {"level", "low", "high", "method"}}. */
    public record IntervalEntry(double level, @Nullable Double low, @Nullable Double high, String method) {
    }

    /**
     * {@code "expectation": {"kind", "threshold", "tolerance", "confidence", "relativeTolerance"}};
     * {@code upper} for between.
     *
     * @param relativeTolerance the relative tolerance as written ({@code 0.01} for 1%), when the
     *                          statement gave one; {@code tolerance} is its value in the metric's units
     */
    public record ExpectationEntry(String kind, @Nullable Double threshold, @Nullable Double upper, double tolerance,
            @Nullable Double confidence, @Nullable Double relativeTolerance) {

        public ExpectationEntry(String kind, @Nullable Double threshold, @Nullable Double upper, double tolerance,
                @Nullable Double confidence) {
            this(kind, threshold, upper, tolerance, confidence, null);
        }
    }

    /**
     * {@code "baseline": {"source", "value", "n", "paired", "pairing"}}.
     *
     * @param pairing why the comparison is paired or not, in words
     */
    public record BaselineEntry(String source, @Nullable Double value, @Nullable Long n, boolean paired,
            @Nullable String pairing) {

        public BaselineEntry(String source, @Nullable Double value, @Nullable Long n, boolean paired) {
            this(source, value, n, paired, null);
        }
    }

    /**
     * {@code "test": {"name", "statistic", "pValue", "adjustedPValue", "alpha", "multiplicity",
     * "family", "hypothesis"}}.
     *
     * @param hypothesis what a small {@code pValue} shows: {@code worse} (worse than the reference
     *                   by more than the tolerance), {@code better}, or {@code non-inferior} (not
     *                   worse by more than the tolerance); null in files written before 0.3
     */
    public record TestEntry(String name, @Nullable Double statistic, @Nullable Double pValue,
            @Nullable Double adjustedPValue, double alpha, @Nullable String multiplicity, @Nullable String family,
            @Nullable String hypothesis) {

        public TestEntry(String name, @Nullable Double statistic, @Nullable Double pValue,
                @Nullable Double adjustedPValue, double alpha, @Nullable String multiplicity, @Nullable String family) {
            this(name, statistic, pValue, adjustedPValue, alpha, multiplicity, family, null);
        }
    }

    /**
     * {@code "difference": {"value", "level", "low", "high", "method", "higherIsBetter"}}: model −
     * reference in the metric's units, with its two-sided interval.
     *
     * @param higherIsBetter the metric's direction, which says whether a negative difference is worse
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public record DifferenceEntry(double value, double level, @Nullable Double low, @Nullable Double high,
            String method, boolean higherIsBetter) {
    }

    /**
     * {@code "power": {"power", "minimumDetectableDifference", "alpha", "comparisons", "exact"}}:
     * the smallest worsening (or, for {@code better}, gain) the test detects with {@code power}
     * at the α that decides.
     *
     * @param minimumDetectableDifference in the metric's units; null when no difference can be detected
     * @param alpha       the significance level each comparison is held to (α over the family's size)
     * @param comparisons how many comparisons the multiplicity correction ran over
     * @param exact       whether the power is exact (McNemar's exact test) or a normal approximation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public record PowerEntry(double power, @Nullable Double minimumDetectableDifference, double alpha, int comparisons,
            boolean exact) {
    }
}
