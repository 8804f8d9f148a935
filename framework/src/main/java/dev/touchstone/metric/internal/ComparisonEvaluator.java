package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.Baselines;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.baseline.LoadedBaseline;
import dev.touchstone.baseline.RecordedOutcomes;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricSpec.BuiltIn;
import dev.touchstone.metric.internal.builtin.Input;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.internal.AucComparison;
import dev.touchstone.stats.internal.AucEstimate;
import dev.touchstone.stats.internal.ComparisonTest;
import dev.touchstone.stats.internal.IndependentProportions;
import dev.touchstone.stats.internal.NormalComparison;
import dev.touchstone.stats.internal.NormalQuantiles;
import dev.touchstone.stats.internal.Power;
import dev.touchstone.stats.PowerCurve;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Compares a model with its reference (a champion model or a recorded baseline) on one slice.
 * The test is chosen by what is known: paired tests when the same examples are on both sides
 * (McNemar for proportions, DeLong for ROC AUC, a paired bootstrap otherwise), unpaired tests
 * from the reference's recorded summary when they are not (score test / Newcombe interval for
 * proportions, unpaired DeLong for ROC AUC, a normal approximation otherwise). Differences are
 * oriented so that positive means better, whatever the metric's direction.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ComparisonEvaluator {

    /**
     * One slice compared.
     *
     * @param test            oriented: {@code difference} is better-minus-worse, interval likewise
     * @param referenceValue  the reference's value (on the paired examples when paired)
     */
    public record SliceComparison(SliceEstimate model, String source, double referenceValue, long referenceN,
            boolean paired, String pairing, ComparisonTest test, double margin, String undefinedReason,
            PowerCurve power, double referenceStandardError) {

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
    public static SliceComparison compare(Outcomes outcomes, SliceRows slice, MetricSpec metric, Reference reference,
            TouchstoneSettings settings, Alternative alternative, DoubleUnaryOperator margin, double level,
            @Nullable CheckId check, Baselines baselines) {
        if (slice.isPushed()) {
            // a comparison may pair examples: it reads the columns it needs into memory
            outcomes.engine().ifPresent(e -> e.say(e.source() + ": comparisons with a baseline or another model are"
                    + " computed in memory, where examples can be paired"));
        }
        return compareInMemory(outcomes, SliceResolver.inMemory(slice), metric, reference, settings, alternative, margin,
                level, check, baselines);
    }

    private static SliceComparison compareInMemory(Outcomes outcomes, SliceRows slice, MetricSpec metric,
            Reference reference, TouchstoneSettings settings, Alternative alternative, DoubleUnaryOperator margin,
            double level, @Nullable CheckId check, Baselines baselines) {
        SliceEstimate model = MetricEvaluator.evaluate(outcomes, slice, metric, settings);
        if (!model.isDefined()) {
            return undefined(model, reference.source(), model.undefinedReason());
        }
        boolean higherIsBetter = metric.higherIsBetter();
        Resampling resampling = MetricEvaluator.resampling(outcomes, slice, metric.name(), settings)
                .substream("vs\u0000" + reference.source());
        if (reference instanceof Reference.Champion champion) {
            Outcomes other = Outcomes.of(champion.model(), outcomes.dataset(), settings);
            SliceEstimate ref = MetricEvaluator.evaluate(other, slice, metric, settings);
            if (!ref.isDefined()) {
                return undefined(model, reference.source(), "the reference's " + metric.name() + " is undefined: "
                        + ref.undefinedReason());
            }
            double d = margin.applyAsDouble(ref.value());
            if (!comparablePerExample(metric)) {
                // Latency and failures of two endpoints: their summaries, not example by example.
                Map<String, Double> theirs = ref.at(level).statistics();
                ComparisonTest test = unpairedTest(model, ref.value(), theirs, higherIsBetter, d, alternative, level);
                return new SliceComparison(model, reference.source(), ref.value(), slice.size(), false,
                        "two runs of the endpoints on the same " + slice.size() + " examples", test, d, null,
                        normalPower(test, level), theirs.getOrDefault("standardError", Double.NaN));
            }
            PairedData paired = Pairing.withModel(outcomes, other, slice, metric);
            ComparisonTest test = PairedTests.test(paired, metric, d, alternative, level, settings, resampling);
            return new SliceComparison(model, reference.source(), ref.value(), slice.size(), true,
                    "both models on the same " + slice.size() + " examples", test, d, null,
                    PairedTests.power(paired, metric, test, normalPower(test, level)), Double.NaN);
        }
        Reference.Recorded recorded = (Reference.Recorded) reference;
        Path directory = recorded.baseline().directory(settings);
        CheckId id = java.util.Objects.requireNonNull(check, "a recorded baseline needs the check's id");
        String key = BaselineEntry.key(id.spec(), id.check(), outcomes.model().name(), outcomes.dataset().name(),
                slice.name(), metric.name());
        Optional<LoadedBaseline> loaded = baselines.load(directory);
        Optional<BaselineEntry> entry = loaded.flatMap(b -> b.entry(key));
        if (entry.isEmpty()) {
            List<String> others = loaded.map(b -> b.entries().values().stream()
                    .filter(e -> e.spec().equals(id.spec()) && e.check().equals(id.check())
                            && e.slice().equals(slice.name()) && e.metric().equals(metric.name()))
                    .map(e -> e.model() + "@" + e.dataset()).toList()).orElse(List.of());
            throw new MissingBaselineException(directory, key, loaded.isPresent(), others);
        }
        BaselineEntry base = entry.get();
        double d = margin.applyAsDouble(base.value());
        String fingerprint = outcomes.fingerprint();
        String why = !fingerprint.equals(base.fingerprint())
                ? "the baseline was computed on different data (fingerprint " + shortPrint(base.fingerprint())
                        + ", now " + shortPrint(fingerprint) + ")"
                : comparablePerExample(metric) ? "the baseline has no per-example outcomes for all these examples"
                        : metric.name() + " is compared by its summary, not example by example";
        if (fingerprint.equals(base.fingerprint()) && comparablePerExample(metric)) {
            Optional<RecordedOutcomes> examples = loaded.get().outcomes(base);
            if (examples.isPresent()) {
                Optional<PairedData> paired = Pairing.withRecorded(outcomes, examples.get(), slice, metric);
                if (paired.isPresent()) {
                    double refValue = PairedTests.referenceValue(paired.get(), metric, resampling);
                    String mismatch = mismatch(base, refValue, slice.size());
                    if (mismatch == null) {
                        ComparisonTest test = PairedTests.test(paired.get(), metric, d, alternative, level, settings,
                                resampling);
                        return new SliceComparison(model, reference.source(), refValue, slice.size(), true,
                                "the same " + slice.size() + " examples (by id) as the baseline", test, d, null,
                                PairedTests.power(paired.get(), metric, test, normalPower(test, level)), Double.NaN);
                    }
                    why = mismatch;
                }
            }
        }
        ComparisonTest test = unpairedTest(model, base.value(), base.statistics(), higherIsBetter, d, alternative, level);
        return new SliceComparison(model, reference.source(), base.value(), base.n(), false, why, test, d, null,
                normalPower(test, level), base.statistics().getOrDefault("standardError", Double.NaN));
    }

    /**
     * Why recorded outcomes cannot stand for an entry, or null when they reproduce its value on
     * the same number of examples: outcomes edited, or replaced by another model's on the same
     * data, must never become the reference of a paired test.
     */
    private static @Nullable String mismatch(BaselineEntry base, double reproduced, int n) {
        if (n != base.n()) {
            return "the slice has " + n + " examples now and had " + base.n() + " when the baseline was recorded";
        }
        if (Math.abs(reproduced - base.value()) <= 1e-9 * Math.max(1, Math.abs(base.value()))) {
            return null;
        }
        return "the baseline's per-example outcomes (" + base.outcomes() + ") give " + base.metric() + " "
                + String.format(java.util.Locale.ROOT, "%.4f", reproduced) + " on these examples, but its entry records "
                + String.format(java.util.Locale.ROOT, "%.4f", base.value())
                + ": they are not the outcomes the entry was computed from (edited, or another model's)";
    }

    /** Whether two models' values can be lined up example by example (not so for latency or failures). */
    private static boolean comparablePerExample(MetricSpec metric) {
        return !(metric instanceof BuiltIn b) || b.metric().input(b.averaging()) != Input.ENDPOINT;
    }

    /** A comparison with a baseline that has no entry for one slice. */
    public static final class MissingBaselineException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path directory;
        private final String key;
        private final boolean baselineExists;
        private final List<String> otherModels;

        MissingBaselineException(Path directory, String key, boolean baselineExists, List<String> otherModels) {
            super("no baseline entry " + key + " in " + directory);
            this.directory = directory;
            this.key = key;
            this.baselineExists = baselineExists;
            this.otherModels = List.copyOf(otherModels);
        }

        /**
         * {@code model@dataset} of the baseline's entries for the same check, slice and metric: a
         * renamed model or dataset has none of its own.
         */
        public List<String> otherModels() {
            return otherModels;
        }

        public Path directory() {
            return directory;
        }

        public String key() {
            return key;
        }

        /** Whether the baseline exists (and lacks the entry), or none was recorded in the directory at all. */
        public boolean baselineExists() {
            return baselineExists;
        }
    }

    private static String shortPrint(String fingerprint) {
        return fingerprint == null ? "none" : fingerprint.substring(0, Math.min(fingerprint.length(), 19));
    }

    private static SliceComparison undefined(SliceEstimate model, String source, String reason) {
        return new SliceComparison(model, source, Double.NaN, 0, false, "", null, 0, reason, null, Double.NaN);
    }

    /**
     * A test from summaries: the model's estimate against the reference's value and statistics.
     * Like every test here it is oriented so that a positive difference means the model is better:
     * a proportion where lower is better (a failure rate) is compared through its complement.
     */
    private static ComparisonTest unpairedTest(SliceEstimate model, double referenceValue, Map<String, Double> theirs,
            boolean higherIsBetter, double margin, Alternative alternative, double level) {
        Map<String, Double> mine = model.statistics();
        if (mine.containsKey("successes") && theirs.containsKey("successes")) {
            long x1 = mine.get("successes").longValue();
            long n1 = mine.get("trials").longValue();
            long x2 = theirs.get("successes").longValue();
            long n2 = theirs.get("trials").longValue();
            return higherIsBetter
                    ? IndependentProportions.compare(x1, n1, x2, n2, margin, alternative, level)
                    : IndependentProportions.compare(n1 - x1, n1, n2 - x2, n2, margin, alternative, level);
        }
        if (mine.containsKey("variance") && theirs.containsKey("variance")) {
            AucEstimate a = new AucEstimate(model.value(), mine.get("variance"), mine.get("positives").intValue(),
                    mine.get("negatives").intValue());
            AucEstimate b = new AucEstimate(referenceValue, theirs.get("variance"), theirs.get("positives").intValue(),
                    theirs.get("negatives").intValue());
            return AucComparison.unpaired(a, b, margin, alternative, level);
        }
        double sign = higherIsBetter ? 1 : -1;
        double seModel = model.at(level).statistics().getOrDefault("standardError", Double.NaN);
        double seBase = theirs.getOrDefault("standardError", Double.NaN);
        return NormalComparison.compare(sign * (model.value() - referenceValue), seModel, seBase, margin, alternative,
                level);
    }

    /**
     * The normal approximation of the test's power. The interval's width gives an honest standard
     * error even where the test's own is 0 (no discordant pairs): what a power figure must rest on.
     */
    static PowerCurve normalPower(ComparisonTest test, double level) {
        double se = test.interval().isDefined()
                ? Math.max(test.standardError(), test.interval().width() / (2 * NormalQuantiles.z(level)))
                : test.standardError();
        return Power.normal(Double.isNaN(se) ? 0 : se);
    }

    static List<String> none() {
        return new ArrayList<>();
    }
}
