package dev.touchstone.result;

import dev.touchstone.metric.MetricValue;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The judged outcome of one statement on one slice: the evidence, the expectation, the verdict
 * and why, and the full message in the one template every channel shows.
 *
 * @param model            the model's name
 * @param dataset          the dataset's name
 * @param sliceDefinition  how the slice was defined ({@code hour < 6 or hour >= 20})
 * @param value            the evaluated metric, with its interval at the judged level
 * @param expectation      what was expected
 * @param verdict          PASSED, FAILED or INCONCLUSIVE
 * @param reason           one sentence: why this verdict
 * @param examplesNeeded   for INCONCLUSIVE, roughly how many examples would decide, if known
 * @param message          the full, multi-line message
 * @param comparison       the comparison with a reference, for comparison statements
 * @param warning          a warning about the statement itself (a bound the metric's range decides)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SliceResult(String model, String dataset, String sliceDefinition, MetricValue value,
        Expectation expectation, Verdict verdict, String reason, OptionalLong examplesNeeded, String message,
        Optional<ComparisonResult> comparison, Optional<String> warning) {

    public SliceResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(warning, "warning");
    }

    public SliceResult(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, Verdict verdict, String reason, OptionalLong examplesNeeded, String message,
            Optional<ComparisonResult> comparison) {
        this(model, dataset, sliceDefinition, value, expectation, verdict, reason, examplesNeeded, message, comparison,
                Optional.empty());
    }

    /** This result with its message (rendered from its facts once they are all known). */
    public SliceResult withMessage(String newMessage) {
        return new SliceResult(model, dataset, sliceDefinition, value, expectation, verdict, reason, examplesNeeded,
                newMessage, comparison, warning);
    }

    public SliceResult(String model, String dataset, String sliceDefinition, MetricValue value,
            Expectation expectation, Verdict verdict, String reason, OptionalLong examplesNeeded, String message) {
        this(model, dataset, sliceDefinition, value, expectation, verdict, reason, examplesNeeded, message,
                Optional.empty());
    }

    public String slice() {
        return value.slice();
    }

    public String metric() {
        return value.metric();
    }
}
