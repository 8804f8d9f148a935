package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.MonitoringJudge;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.ColumnValues;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.metric.internal.WindowResolver;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.slice.PreviousWindows;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.DriftStatistics;
import dev.touchstone.stats.internal.Multiplicity;
import dev.touchstone.stats.internal.TwoSampleKs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Drift of columns from a reference, judged by one method at a time; each method reports its
 * statistic, a p-value and an effect size, and a column drifts (FAILED) only when the effect is
 * at least the minimum effect <em>and</em> the p-value, adjusted over every column and slice of
 * the statement ({@code touchstone.multiplicity}, Holm by default), is at most α: a tiny shift on
 * millions of rows is significant but not an alarm.
 *
 * <table>
 *   <caption>methods, effect sizes and default minimum effects</caption>
 *   <tr><th>method</th><th>columns</th><th>effect (the value)</th><th>p-value</th><th>minimum effect</th></tr>
 *   <tr><td>{@link #byKolmogorovSmirnov()}</td><td>numeric</td><td>D = max |F₁ − F₂|</td>
 *       <td>exact up to 10,000 rows a side, else asymptotic</td><td>0.1</td></tr>
 *   <tr><td>{@link #byChiSquare()}</td><td>any (numbers in reference-quantile bins)</td><td>Cramér's V</td>
 *       <td>χ² of the 2 × k table</td><td>0.1</td></tr>
 *   <tr><td>{@link #byPopulationStabilityIndex()}</td><td>any</td><td>PSI</td>
 *       <td>χ² limit of PSI / (1/n + 1/m)</td><td>0.2</td></tr>
 *   <tr><td>{@link #byJensenShannon()}</td><td>any</td><td>Jensen–Shannon distance (base 2)</td>
 *       <td>χ² limit of 8 JSD / (1/n + 1/m)</td><td>0.1</td></tr>
 *   <tr><td>{@link #byWasserstein()}</td><td>numeric</td><td>W₁ / standard deviation of the reference</td>
 *       <td>permutation test</td><td>0.1</td></tr>
 * </table>
 *
 * <p>Binned methods put a numeric column in {@link #withBins(int) 10} bins at the reference's
 * quantiles; missing values are a bin (a category) of their own, so a change in how often a
 * value is missing is drift too. Results are named {@code psi(age)}, {@code ks(age)}, ...
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DriftAssert {

    /** What the columns are compared with. */
    sealed interface Reference {
        String source();

        record OfDataset(Dataset dataset) implements Reference {
            @Override
            public String source() {
                return "dataset:" + dataset.name();
            }
        }

        record Previous(PreviousWindows windows) implements Reference {
            @Override
            public String source() {
                return windows.source();
            }
        }
    }

    record Options(OptionalDouble minimumEffect, int bins, int permutations) {
        static final Options DEFAULTS = new Options(OptionalDouble.empty(), 10, 1000);
    }

    private enum Method {
        KS("ks", 0.1, true), CHI_SQUARE("chi_square", 0.1, false), PSI("psi", 0.2, false),
        JENSEN_SHANNON("jensen_shannon", 0.1, false), WASSERSTEIN("wasserstein", 0.1, true);

        final String id;
        final double defaultEffect;
        final boolean numericOnly;

        Method(String id, double defaultEffect, boolean numericOnly) {
            this.id = id;
            this.defaultEffect = defaultEffect;
            this.numericOnly = numericOnly;
        }
    }

    private final DatasetAssert data;
    private final List<String> columns;
    private final Reference reference;
    private final Options options;

    DriftAssert(DatasetAssert data, List<String> columns, Reference reference, Options options) {
        this.data = data;
        this.columns = columns;
        this.reference = reference;
        this.options = options;
    }

    /** The smallest effect that counts as drift, in the method's effect size (see the table above). */
    public DriftAssert withMinimumEffect(double effect) {
        if (!(effect >= 0) || Double.isInfinite(effect)) {
            throw new IllegalArgumentException("the minimum effect must be a finite number >= 0 but was " + effect);
        }
        return new DriftAssert(data, columns, reference, new Options(OptionalDouble.of(effect), options.bins(),
                options.permutations()));
    }

    /** Bins of a numeric column for the binned methods (χ², PSI, Jensen–Shannon); default 10. */
    public DriftAssert withBins(int bins) {
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000] but was " + bins);
        }
        return new DriftAssert(data, columns, reference, new Options(options.minimumEffect(), bins, options.permutations()));
    }

    /** Permutations of the Wasserstein test; default 1000. */
    public DriftAssert withPermutations(int permutations) {
        if (permutations < 99) {
            throw new IllegalArgumentException("at least 99 permutations, but was " + permutations);
        }
        return new DriftAssert(data, columns, reference, new Options(options.minimumEffect(), options.bins(), permutations));
    }

    /** Two-sample Kolmogorov–Smirnov test of numeric columns; effect D. */
    public DriftAssert byKolmogorovSmirnov() {
        return judge(Method.KS);
    }

    /** χ² test of homogeneity of the categories (or reference-quantile bins); effect Cramér's V. */
    public DriftAssert byChiSquare() {
        return judge(Method.CHI_SQUARE);
    }

    /** Population stability index over categories or reference-quantile bins. */
    public DriftAssert byPopulationStabilityIndex() {
        return judge(Method.PSI);
    }

    /** Jensen–Shannon distance (base 2) over categories or reference-quantile bins. */
    public DriftAssert byJensenShannon() {
        return judge(Method.JENSEN_SHANNON);
    }

    /** First Wasserstein distance of numeric columns, in standard deviations of the reference. */
    public DriftAssert byWasserstein() {
        return judge(Method.WASSERSTEIN);
    }

    /** A current slice and what it is compared with (or why nothing). */
    private record Pair(SliceRows current, Outcomes referenceOutcomes, SliceRows reference, String missing) {
    }

    private record Computed(String column, Pair pair, MetricValue value, DriftStatistics.Result result, String why,
            long referenceN) {
    }

    private DriftAssert judge(Method method) {
        data.open().finish();
        QualityScope scope = QualityScope.current();
        TouchstoneSettings settings = scope.settings();
        double minimum = options.minimumEffect().orElse(method.defaultEffect);
        Outcomes current = Outcomes.of(DatasetAssert.asModel(data.data()), data.data(), settings);
        List<Pair> pairs = pairs(current, settings);
        List<Computed> computed = new ArrayList<>();
        for (String column : columns) {
            for (Pair pair : pairs) {
                computed.add(compute(method, column, current, pair, settings));
            }
        }
        double[] raw = computed.stream().filter(c -> c.result() != null).mapToDouble(c -> c.result().pValue()).toArray();
        double[] adjusted = Multiplicity.adjust(raw, Multiplicity.Method.valueOf(settings.multiplicity().name()));
        String correction = settings.multiplicity().name().toLowerCase(Locale.ROOT);
        String family = method.id + " over " + columns.size() + " column" + (columns.size() == 1 ? "" : "s") + " × "
                + pairs.size() + " slice" + (pairs.size() == 1 ? "" : "s");
        List<SliceResult> slices = new ArrayList<>();
        int next = 0;
        Expectation expectation = new Expectation(Expectation.Kind.NO_DRIFT, minimum, Double.NaN, OptionalDouble.empty());
        for (Computed c : computed) {
            Optional<MonitoringJudge.Test> test = Optional.empty();
            if (c.result() != null) {
                test = Optional.of(new MonitoringJudge.Test(reference.source(), Double.NaN, c.referenceN(),
                        testName(method, c.result()), c.result().statistic(), c.result().pValue(), adjusted[next++],
                        settings.alpha(), correction, family, raw.length, c.value().value(),
                        Interval.undefined(settings.confidence(), "none")));
            }
            slices.add(MonitoringJudge.drift(data.data().name(), c.pair().current().definition(), c.value(), expectation,
                    test, c.why(), c.result() == null ? "" : c.result().method()));
        }
        StatementResult result = new StatementResult(data.description(), slices, slices.size() > 1, Optional.empty());
        MonitoringJudge.publish(result, scope);
        return this;
    }

    private static String testName(Method method, DriftStatistics.Result r) {
        return switch (method) {
            case KS -> "ks-2samp-" + r.method();
            case CHI_SQUARE -> "chi2-contingency";
            case PSI -> "psi-chi2-limit";
            case JENSEN_SHANNON -> "jensen-shannon-chi2-limit";
            case WASSERSTEIN -> "wasserstein-permutation";
        };
    }

    private List<Pair> pairs(Outcomes current, TouchstoneSettings settings) {
        List<Pair> pairs = new ArrayList<>();
        Selection selection = data.selection();
        if (reference instanceof Reference.Previous previous) {
            Selection.Windowed windowed = (Selection.Windowed) selection;
            int k = previous.windows().count();
            for (SliceRows base : windowed.base().resolve(current)) {
                List<WindowResolver.Window> windows = WindowResolver.windows(current, base, windowed.windows()).windows();
                int from = windowed.lastOnly() ? windows.size() - 1 : 0;
                for (int i = from; i < windows.size(); i++) {
                    List<int[]> before = new ArrayList<>();
                    for (int j = Math.max(0, i - k); j < i; j++) {
                        before.add(windows.get(j).rows().rows());
                    }
                    int[] rows = before.stream().flatMapToInt(Arrays::stream).sorted().toArray();
                    SliceRows ref = new SliceRows(previous.source(), previous.source(), rows, rows.length);
                    pairs.add(new Pair(windows.get(i).rows(), current, ref, i == 0 ? "no earlier window" : null));
                }
            }
            return pairs;
        }
        Dataset referenceData = ((Reference.OfDataset) reference).dataset();
        Outcomes referenceOutcomes = Outcomes.of(DatasetAssert.asModel(referenceData), referenceData, settings);
        Selection base = selection instanceof Selection.Windowed w ? w.base() : selection;
        Map<String, SliceRows> referenceSlices = new HashMap<>();
        for (SliceRows r : base.resolve(referenceOutcomes)) {
            referenceSlices.put(r.name(), r);
        }
        Map<String, SliceRows> baseByName = new LinkedHashMap<>();
        for (SliceRows b : base.resolve(current)) {
            baseByName.put(b.name(), b);
        }
        for (SliceRows slice : selection.resolve(current)) {
            String baseName = slice.name();
            int cross = baseName.indexOf(WindowResolver.CROSS);
            if (selection instanceof Selection.Windowed) {
                baseName = cross >= 0 ? baseName.substring(0, cross) : "overall";
            }
            SliceRows ref = referenceSlices.get(baseName);
            pairs.add(new Pair(slice, referenceOutcomes, ref, ref == null ? "the reference '" + referenceData.name()
                    + "' has no slice " + baseName : null));
        }
        return pairs;
    }

    private Computed compute(Method method, String column, Outcomes current, Pair pair, TouchstoneSettings settings) {
        String metric = method.id + "(" + column + ")";
        SliceRows slice = pair.current();
        ColumnValues now = ColumnValues.of(current, slice, column);
        Interval none = Interval.undefined(settings.confidence(), "none");
        if (pair.missing() != null) {
            return new Computed(column, pair, undefined(metric, slice, pair.missing(), none), null, pair.missing(), 0);
        }
        ColumnValues before = ColumnValues.of(pair.referenceOutcomes(), pair.reference(), column);
        if (method.numericOnly && (!now.numeric() || !before.numeric())) {
            throw new dev.touchstone.config.QualityConfigurationException(metric + ": column '" + column
                    + "' is not numeric, so " + method.id + " does not apply; use byChiSquare(), "
                    + "byPopulationStabilityIndex() or byJensenShannon() for categories");
        }
        List<String> notes = new ArrayList<>();
        if (now.missing() > 0 || before.missing() > 0) {
            notes.add("missing values: " + now.missing() + " of " + now.size() + " now, " + before.missing() + " of "
                    + before.size() + " in the reference" + (method.numericOnly ? " (left out of " + method.id + ")"
                    : " (a category of their own)"));
        }
        long referenceN = method.numericOnly ? before.numbers().length : before.size();
        long n = method.numericOnly ? now.numbers().length : now.size();
        if (referenceN == 0 || n == 0) {
            String why = n == 0 ? "the slice has no values of " + column : "the reference has no values of " + column;
            return new Computed(column, pair, undefined(metric, slice, why, none), null, why, referenceN);
        }
        DriftStatistics.Result result;
        double effect;
        switch (method) {
            case KS -> {
                TwoSampleKs.Result ks = TwoSampleKs.test(before.numbers(), now.numbers());
                result = new DriftStatistics.Result(ks.statistic(), ks.pValue(), ks.statistic(), ks.method());
                effect = ks.statistic();
            }
            case WASSERSTEIN -> {
                result = DriftStatistics.wassersteinTest(before.numbers(), now.numbers(), options.permutations(),
                        settings.seed(), "drift\u0000" + data.data().name() + '\u0000' + slice.name() + '\u0000' + metric);
                double sd = standardDeviation(before.numbers());
                effect = sd > 0 ? result.statistic() / sd : result.statistic() > 0 ? Double.POSITIVE_INFINITY : 0;
                notes.add(String.format(Locale.ROOT, "Wasserstein distance %.6g, reference standard deviation %.6g",
                        result.statistic(), sd));
            }
            default -> {
                long[][] counts = binned(before, now);
                result = switch (method) {
                    case CHI_SQUARE -> DriftStatistics.chiSquare(counts[0], counts[1]);
                    case PSI -> DriftStatistics.psi(counts[0], counts[1]);
                    default -> DriftStatistics.jensenShannon(counts[0], counts[1]);
                };
                effect = result.effect();
            }
        }
        MetricValue value = new MetricValue(metric, slice.name(), effect, n, none, Optional.empty(), notes,
                Optional.empty(), Map.of("referenceN", (double) referenceN));
        return new Computed(column, pair, value, result, "", referenceN);
    }

    private static MetricValue undefined(String metric, SliceRows slice, String why, Interval none) {
        return new MetricValue(metric, slice.name(), Double.NaN, slice.size(), none, Optional.of(why), List.of(),
                Optional.empty());
    }

    // Categories (and a missing category), or reference-quantile bins of numbers plus a missing bin.
    private long[][] binned(ColumnValues before, ColumnValues now) {
        if (before.numeric() && now.numeric()) {
            double[] edges = DriftStatistics.quantileEdges(before.numbers(), options.bins());
            long[] a = Arrays.copyOf(DriftStatistics.binCounts(before.numbers(), edges), edges.length + 2);
            long[] b = Arrays.copyOf(DriftStatistics.binCounts(now.numbers(), edges), edges.length + 2);
            a[edges.length + 1] = before.missing();
            b[edges.length + 1] = now.missing();
            return new long[][] {a, b};
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String[] texts : List.of(before.texts(), now.texts())) {
            for (String t : texts) {
                index.putIfAbsent(t == null ? "\u0000missing" : t, index.size());
            }
        }
        long[] a = new long[index.size()];
        long[] b = new long[index.size()];
        for (String t : before.texts()) {
            a[index.get(t == null ? "\u0000missing" : t)]++;
        }
        for (String t : now.texts()) {
            b[index.get(t == null ? "\u0000missing" : t)]++;
        }
        return new long[][] {a, b};
    }

    private static double standardDeviation(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
