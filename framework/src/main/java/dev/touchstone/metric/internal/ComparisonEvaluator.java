package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.baseline.LoadedBaseline;
import dev.touchstone.baseline.RecordedOutcomes;
import dev.touchstone.config.McNemarVariant;
import dev.touchstone.config.MissingBaselinePolicy;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.Averaging.Kind;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.stats.Alternative;
import dev.touchstone.stats.AucComparison;
import dev.touchstone.stats.AucEstimate;
import dev.touchstone.stats.Bootstrap;
import dev.touchstone.stats.BootstrapComparison;
import dev.touchstone.stats.ComparisonTest;
import dev.touchstone.stats.IndependentProportions;
import dev.touchstone.stats.NormalComparison;
import dev.touchstone.stats.PairedProportions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.opentest4j.TestAbortedException;

/**
 * Compares a model with its reference (a champion model or a recorded baseline) on one slice.
 * The test is chosen by what is known: paired tests when the same examples are on both sides
 * (McNemar for proportions, DeLong for ROC AUC, a paired bootstrap otherwise), unpaired tests
 * from the reference's recorded summary when they are not (score test / Newcombe interval for
 * proportions, unpaired DeLong for ROC AUC, a normal approximation otherwise). Differences are
 * oriented so that positive means better, whatever the metric's direction.
 */
public final class ComparisonEvaluator {

    /**
     * One slice compared.
     *
     * @param test            oriented: {@code difference} is better-minus-worse, interval likewise
     * @param referenceValue  the reference's value (on the paired examples when paired)
     */
    public record SliceComparison(SliceEstimate model, String source, double referenceValue, long referenceN,
            boolean paired, String pairing, ComparisonTest test, double margin, String undefinedReason) {

        public boolean isDefined() {
            return undefinedReason == null;
        }
    }

    private ComparisonEvaluator() {
    }

    /**
     * @param alternative LESS to test for a degradation beyond the margin, GREATER for an improvement
     * @param margin      from the reference value to the absolute tolerance
     */
    public static SliceComparison compare(Outcomes outcomes, SliceRows slice, MetricDefinition metric, Reference reference,
            TouchstoneSettings settings, Alternative alternative, DoubleUnaryOperator margin, double level) {
        SliceEstimate model = MetricEvaluator.evaluate(outcomes, slice, metric, settings);
        if (!model.isDefined()) {
            return undefined(model, reference.source(), model.undefinedReason());
        }
        boolean higherIsBetter = metric.higherIsBetter();
        String stream = MetricEvaluator.streamKey(outcomes, slice, metric.name()) + "\u0000vs\u0000" + reference.source();
        if (reference instanceof Reference.Champion champion) {
            Outcomes other = Outcomes.of(champion.model(), outcomes.dataset(), settings);
            SliceEstimate ref = MetricEvaluator.evaluate(other, slice, metric, settings);
            if (!ref.isDefined()) {
                return undefined(model, reference.source(), "the reference's " + metric.name() + " is undefined: "
                        + ref.undefinedReason());
            }
            PairedData paired = Pairing.withModel(outcomes, other, slice, metric);
            double d = margin.applyAsDouble(ref.value());
            ComparisonTest test = pairedTest(paired, metric, model.value(), ref.value(), higherIsBetter, d, alternative,
                    level, settings, stream);
            return new SliceComparison(model, reference.source(), ref.value(), slice.size(), true,
                    "both models on the same " + slice.size() + " examples", test, d, null);
        }
        Reference.Recorded recorded = (Reference.Recorded) reference;
        Path directory = recorded.baseline().directory(settings);
        CheckId id = CheckId.current().orElse(new CheckId("?", "?"));
        String key = BaselineEntry.key(id.spec(), id.check(), slice.name(), metric.name());
        Optional<LoadedBaseline> loaded = BaselineStore.load(directory);
        Optional<BaselineEntry> entry = loaded.flatMap(b -> b.entry(key));
        if (entry.isEmpty()) {
            String message = "no baseline entry " + key + " in " + directory.toAbsolutePath().normalize()
                    + (loaded.isEmpty() ? " (no baseline was recorded there)" : "")
                    + "; record one by running the specs with -Dtouchstone.baseline.update=true"
                    + " (or mvn touchstone:baseline after mvn verify)";
            throw new MissingBaselineException(message, settings.baselineMissing() == MissingBaselinePolicy.SKIP);
        }
        BaselineEntry base = entry.get();
        double d = margin.applyAsDouble(base.value());
        String fingerprint = outcomes.fingerprint();
        if (fingerprint.equals(base.fingerprint())) {
            Optional<RecordedOutcomes> examples = loaded.get().outcomes(base);
            if (examples.isPresent()) {
                Optional<PairedData> paired = Pairing.withRecorded(outcomes, examples.get(), slice, metric);
                if (paired.isPresent()) {
                    double refValue = PairedMetrics.referenceValue(paired.get(), metric, outcomes, settings);
                    ComparisonTest test = pairedTest(paired.get(), metric, model.value(), refValue, higherIsBetter, d,
                            alternative, level, settings, stream);
                    return new SliceComparison(model, reference.source(), refValue, slice.size(), true,
                            "the same " + slice.size() + " examples (by id) as the baseline", test, d, null);
                }
            }
        }
        String why = !fingerprint.equals(base.fingerprint())
                ? "the baseline was computed on different data (fingerprint " + shortPrint(base.fingerprint())
                        + ", now " + shortPrint(fingerprint) + ")"
                : "the baseline has no per-example outcomes for all these examples";
        ComparisonTest test = unpairedTest(model, base, metric, higherIsBetter, d, alternative, level);
        return new SliceComparison(model, reference.source(), base.value(), base.n(), false, why, test, d, null);
    }

    /** A comparison with a baseline that has no entry for the statement. */
    public static final class MissingBaselineException extends QualityConfigurationException {
        private static final long serialVersionUID = 1L;
        private final boolean skip;

        MissingBaselineException(String message, boolean skip) {
            super(message);
            this.skip = skip;
        }

        /** What the check should end as: an abort under {@code touchstone.baseline.missing=skip}, else this error. */
        public RuntimeException outcome() {
            return skip ? new TestAbortedException(getMessage()) : this;
        }
    }

    private static String shortPrint(String fingerprint) {
        return fingerprint == null ? "none" : fingerprint.substring(0, Math.min(fingerprint.length(), 19));
    }

    private static SliceComparison undefined(SliceEstimate model, String source, String reason) {
        return new SliceComparison(model, source, Double.NaN, 0, false, "", null, 0, reason);
    }

    private static ComparisonTest pairedTest(PairedData data, MetricDefinition metric, double modelValue,
            double referenceValue, boolean higherIsBetter, double margin, Alternative alternative, double level,
            TouchstoneSettings settings, String stream) {
        if (metric instanceof BuiltIn builtIn) {
            long[] table = PairedMetrics.proportionTable(data, builtIn);
            if (table != null) {
                long b = table[0];
                long c = table[1];
                long n = table[2];
                if (margin > 0) {
                    return PairedProportions.withMargin(b, c, n, margin, alternative, level);
                }
                return settings.mcnemar() == McNemarVariant.CHI_SQUARE
                        ? PairedProportions.mcnemarChiSquare(b, c, n, alternative, level)
                        : PairedProportions.mcnemarExact(b, c, n, alternative, level);
            }
            if (builtIn.metric() == BuiltInMetric.ROC_AUC) {
                boolean[] positive = new boolean[data.size];
                int target = Arrays.asList(data.classes).indexOf(PairedMetrics.positiveName(data, builtIn));
                for (int i = 0; i < data.size; i++) {
                    positive[i] = data.label[i] == target;
                }
                return AucComparison.paired(data.modelScore, data.referenceScore, positive, margin, alternative, level);
            }
        }
        double sign = higherIsBetter ? 1 : -1;
        double difference = sign * (modelValue - referenceValue);
        double[] replicates = PairedMetrics.replicates(data, metric, sign, settings.resamples(), settings.seed(), stream);
        return BootstrapComparison.fromReplicates(difference, replicates, margin, alternative, level, true);
    }

    private static ComparisonTest unpairedTest(SliceEstimate model, BaselineEntry base, MetricDefinition metric,
            boolean higherIsBetter, double margin, Alternative alternative, double level) {
        Map<String, Double> mine = model.statistics();
        Map<String, Double> theirs = base.statistics();
        if (mine.containsKey("successes") && theirs.containsKey("successes")) {
            return IndependentProportions.compare(mine.get("successes").longValue(), mine.get("trials").longValue(),
                    theirs.get("successes").longValue(), theirs.get("trials").longValue(), margin, alternative, level);
        }
        if (mine.containsKey("variance") && theirs.containsKey("variance")) {
            AucEstimate a = new AucEstimate(model.value(), mine.get("variance"), mine.get("positives").intValue(),
                    mine.get("negatives").intValue());
            AucEstimate b = new AucEstimate(base.value(), theirs.get("variance"), theirs.get("positives").intValue(),
                    theirs.get("negatives").intValue());
            return AucComparison.unpaired(a, b, margin, alternative, level);
        }
        double sign = higherIsBetter ? 1 : -1;
        double seModel = model.at(level).statistics().getOrDefault("standardError", Double.NaN);
        double seBase = theirs.getOrDefault("standardError", Double.NaN);
        return NormalComparison.compare(sign * (model.value() - base.value()), seModel, seBase, margin, alternative, level);
    }

    static List<String> none() {
        return new ArrayList<>();
    }
}
