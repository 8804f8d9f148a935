package dev.touchstone.metric.internal;

import dev.touchstone.config.McNemarVariant;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricSpec.BuiltIn;
import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.Confusion;
import dev.touchstone.metric.internal.builtin.ConfusionMetric;
import dev.touchstone.metric.internal.builtin.CountMetric;
import dev.touchstone.metric.internal.builtin.EndpointMetric;
import dev.touchstone.metric.internal.builtin.PairedOutcome;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.ScoreSample;
import dev.touchstone.metric.internal.builtin.SumsMetric;
import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.internal.Bootstrap;
import dev.touchstone.stats.internal.BootstrapComparison;
import dev.touchstone.stats.internal.ComparisonTest;
import dev.touchstone.stats.internal.PairedProportions;
import dev.touchstone.stats.internal.Power;
import dev.touchstone.stats.PowerCurve;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Paired tests of a model against its reference on the same examples, chosen by the metric's
 * family: McNemar (or Tango's score test with a margin) for proportions over label-defined
 * examples, DeLong for ROC AUC, otherwise a bootstrap that keeps pairs together and, where the
 * metric allows, does not grow with the number of examples (joint confusion cells, sums).
 * Differences are oriented so that positive means the model is better.
 */
final class PairedTests {

    private PairedTests() {
    }

    /** The paired test; {@code margin} is the tolerated shortfall, in the metric's units. */
    static ComparisonTest test(PairedData data, MetricSpec spec, double margin, Alternative alternative, double level,
            TouchstoneSettings settings, Resampling resampling) {
        double sign = spec.higherIsBetter() ? 1 : -1;
        if (spec instanceof MetricSpec.Custom) {
            return rows(data, spec, sign, margin, alternative, level, resampling);
        }
        BuiltIn builtIn = (BuiltIn) spec;
        Kind kind = builtIn.averaging().kind();
        return builtIn.metric().accept(new BuiltInMetric.Family<ComparisonTest>() {
            @Override
            public ComparisonTest confusion(ConfusionMetric m) {
                int target = target(data, builtIn);
                Optional<PairedOutcome> outcome = m.pairedOutcome(kind, target);
                if (outcome.isPresent()) {
                    long[] table = discordant(data, outcome.get());
                    if (margin > 0) {
                        return PairedProportions.withMargin(table[0], table[1], table[2], margin, alternative, level);
                    }
                    return settings.mcnemar() == McNemarVariant.CHI_SQUARE
                            ? PairedProportions.mcnemarChiSquare(table[0], table[1], table[2], alternative, level)
                            : PairedProportions.mcnemarExact(table[0], table[1], table[2], alternative, level);
                }
                return jointCells(data, m, kind, target, margin, alternative, level, resampling);
            }

            @Override
            public ComparisonTest sums(SumsMetric m) {
                return PairedTests.sums(data, m, sign, margin, alternative, level, resampling);
            }

            @Override
            public ComparisonTest ranking(RankingMetric m) {
                return switch (kind) {
                    case DEFAULT -> m.pairedTest(data.modelScore, data.referenceScore, data.positives(), margin,
                            alternative, level, resampling);
                    case CLASS -> {
                        int c = data.scoredClasses.indexOf(builtIn.averaging().className());
                        boolean[] positive = new boolean[data.size];
                        for (int i = 0; i < data.size; i++) {
                            positive[i] = data.scoredLabel[i] == c;
                        }
                        yield m.pairedTest(data.modelClassScores[c], data.referenceClassScores[c], positive, margin,
                                alternative, level, resampling);
                    }
                    default -> m.pairedTestAveraged(data.scoredLabel, data.modelClassScores, data.referenceClassScores,
                            kind, margin, alternative, level);
                };
            }

            @Override
            public ComparisonTest count(CountMetric m) {
                throw notComparable(m);
            }

            @Override
            public ComparisonTest endpoint(EndpointMetric m) {
                throw notComparable(m);
            }
        });
    }

    /**
     * The power of the test that {@link #test} ran: exact for McNemar's exact test (with the
     * pairs' discordant share), otherwise {@code approximate}.
     */
    static PowerCurve power(PairedData data, MetricSpec spec, ComparisonTest test, PowerCurve approximate) {
        if (!PairedProportions.MCNEMAR_EXACT.equals(test.name()) || !(spec instanceof BuiltIn builtIn)
                || !(builtIn.metric() instanceof ConfusionMetric m)) {
            return approximate;
        }
        Optional<PairedOutcome> outcome = m.pairedOutcome(builtIn.averaging().kind(), target(data, builtIn));
        if (outcome.isEmpty()) {
            return approximate;
        }
        long[] table = discordant(data, outcome.get());
        return table[2] == 0 ? approximate : Power.mcnemarExact(table[2], (double) (table[0] + table[1]) / table[2]);
    }

    /** The reference's value of the metric on the paired examples. */
    static double referenceValue(PairedData data, MetricSpec spec, Resampling resampling) {
        if (spec instanceof MetricSpec.Custom custom) {
            return custom.metric().compute(data.side(false, all(data.size)));
        }
        BuiltIn builtIn = (BuiltIn) spec;
        Kind kind = builtIn.averaging().kind();
        return builtIn.metric().accept(new BuiltInMetric.Family<Double>() {
            @Override
            public Double confusion(ConfusionMetric m) {
                return m.value(cellsOf(data, data.reference, all(data.size)), kind, target(data, builtIn));
            }

            @Override
            public Double sums(SumsMetric m) {
                return m.value(SumsEvaluation.sums(SumsEvaluation.columns(m, truth(data, m), data.referenceEstimate != null
                        ? data.referenceEstimate : data.referenceScore)), data.size);
            }

            @Override
            public Double ranking(RankingMetric m) {
                return switch (kind) {
                    case DEFAULT -> m.estimate(split(data.referenceScore, data.positives(),
                            data.classes[data.positive]), resampling).value();
                    case CLASS -> {
                        int c = data.scoredClasses.indexOf(builtIn.averaging().className());
                        boolean[] positive = new boolean[data.size];
                        for (int i = 0; i < data.size; i++) {
                            positive[i] = data.scoredLabel[i] == c;
                        }
                        yield m.estimate(split(data.referenceClassScores[c], positive, data.scoredClasses.get(c)),
                                resampling).value();
                    }
                    default -> m.estimateAveraged(data.scoredLabel, data.referenceClassScores, kind,
                            data.scoredClasses).value();
                };
            }

            @Override
            public Double count(CountMetric m) {
                return (double) data.size;
            }

            @Override
            public Double endpoint(EndpointMetric m) {
                throw notComparable(m);
            }
        });
    }

    private static QualityConfigurationException notComparable(BuiltInMetric metric) {
        return new QualityConfigurationException(metric.id() + " cannot be compared example by example with a reference");
    }

    static int target(PairedData data, BuiltIn metric) {
        boolean perClassTarget = metric.metric().perClass()
                && (metric.averaging().kind() == Kind.DEFAULT || metric.averaging().kind() == Kind.CLASS);
        return perClassTarget ? Pairing.target(data, metric) : -1;
    }

    /** {b, c, n}: examples only the model gets right, only the reference gets right, and all counted. */
    private static long[] discordant(PairedData data, PairedOutcome outcome) {
        long b = 0;
        long c = 0;
        long n = 0;
        for (int i = 0; i < data.size; i++) {
            int y = data.label[i];
            if (!outcome.counts(y)) {
                continue;
            }
            n++;
            boolean a = outcome.success(y, data.model[i]);
            boolean r = outcome.success(y, data.reference[i]);
            if (a && !r) {
                b++;
            } else if (!a && r) {
                c++;
            }
        }
        return new long[] {b, c, n};
    }

    private static Confusion cellsOf(PairedData data, int[] predicted, int[] positions) {
        int k = data.classes.length;
        long[] cells = new long[k * k];
        for (int p : positions) {
            cells[data.label[p] * k + predicted[p]]++;
        }
        return new Confusion(cells, List.of(data.classes));
    }

    // The joint (label, model, reference) cells resampled as one multinomial: pairs stay together.
    private static ComparisonTest jointCells(PairedData data, ConfusionMetric m, Kind kind, int target, double margin,
            Alternative alternative, double level, Resampling resampling) {
        int k = data.classes.length;
        long[] joint = new long[k * k * k];
        for (int i = 0; i < data.size; i++) {
            joint[(data.label[i] * k + data.model[i]) * k + data.reference[i]]++;
        }
        double difference = m.value(cellsOf(data, data.model, all(data.size)), kind, target)
                - m.value(cellsOf(data, data.reference, all(data.size)), kind, target);
        List<String> classes = List.of(data.classes);
        long[] cellsA = new long[k * k];
        long[] cellsB = new long[k * k];
        double[] replicates = Bootstrap.ofCells(joint, resampling.resamples(), resampling.seed(), resampling.stream(),
                draw -> {
                    Arrays.fill(cellsA, 0);
                    Arrays.fill(cellsB, 0);
                    for (int y = 0; y < k; y++) {
                        for (int a = 0; a < k; a++) {
                            for (int r = 0; r < k; r++) {
                                long count = draw[(y * k + a) * k + r];
                                cellsA[y * k + a] += count;
                                cellsB[y * k + r] += count;
                            }
                        }
                    }
                    return m.value(new Confusion(cellsA, classes), kind, target)
                            - m.value(new Confusion(cellsB, classes), kind, target);
                });
        return BootstrapComparison.fromReplicates(difference, replicates, margin, alternative, level, true);
    }

    // Both models' columns resampled on the same draws; a mean needs only the differences.
    private static ComparisonTest sums(PairedData data, SumsMetric m, double sign, double margin,
            Alternative alternative, double level, Resampling resampling) {
        double[] truth = truth(data, m);
        double[][] a = SumsEvaluation.columns(m, truth, data.isRegression() ? data.modelEstimate : data.modelScore);
        double[][] b = SumsEvaluation.columns(m, truth, data.isRegression() ? data.referenceEstimate : data.referenceScore);
        int n = data.size;
        int c = m.columns();
        double difference = sign * (m.value(SumsEvaluation.sums(a), n) - m.value(SumsEvaluation.sums(b), n));
        double[] replicates;
        if (m.isMean()) {
            double[] diff = new double[n];
            for (int i = 0; i < n; i++) {
                diff[i] = a[0][i] - b[0][i];
            }
            replicates = Bootstrap.ofSums(new double[][] {diff}, resampling.resamples(), resampling.seed(),
                    resampling.stream(), s -> sign * s[0] / n);
        } else {
            double[][] joint = new double[2 * c][];
            System.arraycopy(a, 0, joint, 0, c);
            System.arraycopy(b, 0, joint, c, c);
            replicates = Bootstrap.ofSums(joint, resampling.resamples(), resampling.seed(), resampling.stream(), s ->
                    sign * (m.value(Arrays.copyOfRange(s, 0, c), n) - m.value(Arrays.copyOfRange(s, c, 2 * c), n)));
        }
        return BootstrapComparison.fromReplicates(difference, replicates, margin, alternative, level, true);
    }

    private static double[] truth(PairedData data, SumsMetric m) {
        if (data.isRegression()) {
            return data.target;
        }
        double[] truth = new double[data.size];
        for (int i = 0; i < data.size; i++) {
            truth[i] = data.trueClass || data.label[i] == data.positive ? 1 : 0;
        }
        return truth;
    }

    // Anything else (user-defined metrics): resample the pairs themselves.
    private static ComparisonTest rows(PairedData data, MetricSpec spec, double sign, double margin,
            Alternative alternative, double level, Resampling resampling) {
        MetricSpec.Custom custom = (MetricSpec.Custom) spec;
        int m = data.size;
        int[] all = all(m);
        double difference = sign * (custom.metric().compute(data.side(true, all))
                - custom.metric().compute(data.side(false, all)));
        int[] positions = new int[m];
        double[] replicates = Bootstrap.ofRows(m, resampling.resamples(), resampling.seed(), resampling.stream(),
                drawn -> {
                    System.arraycopy(drawn, 0, positions, 0, m);
                    return sign * (custom.metric().compute(data.side(true, positions))
                            - custom.metric().compute(data.side(false, positions)));
                });
        return BootstrapComparison.fromReplicates(difference, replicates, margin, alternative, level, true);
    }

    private static ScoreSample split(double[] scores, boolean[] positive, String positiveName) {
        int p = 0;
        for (boolean b : positive) {
            if (b) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[positive.length - p];
        int i = 0;
        int j = 0;
        for (int r = 0; r < positive.length; r++) {
            if (positive[r]) {
                pos[i++] = scores[r];
            } else {
                neg[j++] = scores[r];
            }
        }
        return new ScoreSample(pos, neg, false, positiveName);
    }

    static int[] all(int m) {
        int[] positions = new int[m];
        for (int i = 0; i < m; i++) {
            positions[i] = i;
        }
        return positions;
    }
}
