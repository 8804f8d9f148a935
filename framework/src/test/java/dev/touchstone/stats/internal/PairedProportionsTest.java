package dev.touchstone.stats.internal;

import dev.touchstone.stats.Interval;




import static dev.touchstone.stats.internal.ComparisonReference.alternative;
import static dev.touchstone.stats.internal.ComparisonReference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * References: R 4.2 {@code binom.test} and {@code mcnemar.test}; statsmodels 0.13
 * {@code mcnemar}; Tango's score test and interval in 50-digit arithmetic from the constrained
 * likelihood (see {@code generate_comparison_reference.py}). Relative 1e-9.
 */
class PairedProportionsTest {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    static Stream<ReferenceCsv.Row> mcnemarR() {
        return ComparisonReference.stream("mcnemar_r.csv");
    }

    static Stream<ReferenceCsv.Row> mcnemarStatsmodels() {
        return ComparisonReference.stream("mcnemar_statsmodels.csv");
    }

    static Stream<ReferenceCsv.Row> tangoInterval() {
        return ComparisonReference.stream("tango_interval.csv");
    }

    static Stream<ReferenceCsv.Row> tangoTest() {
        return ComparisonReference.stream("tango_test.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcnemarR")
    void exactTestMatchesBinomTest(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        long n = row.integer("n");
        Alternative alternative = alternative(row.text("alternative"));

        ComparisonTest test = PairedProportions.mcnemarExact(b, c, n, alternative, 0.95);

        assertThat(test.name()).isEqualTo("mcnemar-exact");
        assertThat(test.paired()).isTrue();
        assertThat(test.difference()).isEqualTo((b - c) / (double) n);
        assertThat(test.interval().method()).isEqualTo("tango");
        if (b + c == 0) {
            // binom.test refuses 0 trials; Touchstone's documented limit: no evidence.
            assertThat(test.pValue()).isEqualTo(1.0);
            assertThat(test.statistic()).isZero();
        } else {
            assertThat(test.statistic()).isEqualTo(row.number("exact_statistic"));
            assertClose(test.pValue(), row.number("exact_p"), "binom.test p " + row);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcnemarR")
    void chiSquareTestMatchesMcnemarTest(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        long n = row.integer("n");
        Alternative alternative = alternative(row.text("alternative"));

        ComparisonTest test = PairedProportions.mcnemarChiSquare(b, c, n, alternative, 0.95);
        ComparisonTest twoSided = PairedProportions.mcnemarChiSquare(b, c, n, Alternative.TWO_SIDED, 0.95);

        assertThat(test.name()).isEqualTo("mcnemar-chisq-cc");
        if (b + c == 0) {
            // mcnemar.test divides 0 by 0 (NaN); Touchstone returns the limit.
            assertThat(row.number("chisq_cc_p")).isNaN();
            assertThat(test.statistic()).isZero();
            assertThat(test.pValue()).isEqualTo(1.0);
            return;
        }
        assertClose(test.statistic(), row.number("chisq_cc_statistic"), "statistic " + row);
        assertClose(twoSided.pValue(), row.number("chisq_cc_p"), "two-sided p " + row);
        // One-sided: the signed root of the corrected statistic.
        double z = Math.signum((double) (b - c)) * Math.sqrt(row.number("chisq_cc_statistic"));
        double expected = switch (alternative) {
            case LESS -> NORMAL.cumulativeProbability(z);
            case GREATER -> NORMAL.survivalProbability(z);
            case TWO_SIDED -> row.number("chisq_cc_p");
        };
        assertClose(test.pValue(), expected, "one-sided p " + row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcnemarStatsmodels")
    void agreesWithStatsmodels(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        long n = row.integer("n");
        assertClose(PairedProportions.mcnemarExact(b, c, n, Alternative.TWO_SIDED, 0.95).pValue(),
                row.number("exact_p"), "statsmodels exact p " + row);
        ComparisonTest chiSquare = PairedProportions.mcnemarChiSquare(b, c, n, Alternative.TWO_SIDED, 0.95);
        if (b != c) {
            assertClose(chiSquare.statistic(), row.number("chisq_cc_statistic"), "statsmodels chi2 " + row);
            assertClose(chiSquare.pValue(), row.number("chisq_cc_p"), "statsmodels chi2 p " + row);
        } else {
            // statsmodels subtracts the correction even when b = c, giving 1/(b + c) instead of R's 0.
            assertThat(chiSquare.statistic()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tangoInterval")
    void tangoIntervalMatchesReference(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        long n = row.integer("n");
        double level = row.number("level");

        Interval interval = PairedProportions.mcnemarExact(b, c, n, Alternative.TWO_SIDED, level).interval();

        assertThat(interval.level()).isEqualTo(level);
        assertThat(interval.method()).isEqualTo("tango");
        assertClose(interval.low(), row.number("low"), "low " + row);
        assertClose(interval.high(), row.number("high"), "high " + row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tangoTest")
    void tangoScoreTestMatchesReference(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        long n = row.integer("n");
        double margin = row.number("margin");

        ComparisonTest less = PairedProportions.withMargin(b, c, n, margin, Alternative.LESS, 0.95);
        ComparisonTest greater = PairedProportions.withMargin(b, c, n, margin, Alternative.GREATER, 0.95);
        ComparisonTest twoSided = PairedProportions.withMargin(b, c, n, margin, Alternative.TWO_SIDED, 0.95);

        assertThat(less.name()).isEqualTo("tango-score");
        assertClose(less.statistic(), row.number("statistic"), "Z " + row);
        assertClose(less.pValue(), row.number("p_less"), "p less " + row);
        assertClose(greater.pValue(), row.number("p_greater"), "p greater " + row);
        assertClose(twoSided.pValue(), row.number("p_two_sided"), "p two-sided " + row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcnemarR")
    void tangoWithoutMarginIsTheUncorrectedMcnemarTest(ReferenceCsv.Row row) {
        long b = row.integer("b");
        long c = row.integer("c");
        if (b + c == 0 || !"two.sided".equals(row.text("alternative"))) {
            return;
        }
        ComparisonTest test = PairedProportions.withMargin(b, c, row.integer("n"), 0.0, Alternative.TWO_SIDED, 0.95);
        assertClose(test.statistic() * test.statistic(), row.number("chisq_statistic"), "Z^2 " + row);
        assertClose(test.pValue(), row.number("chisq_p"), "p " + row);
    }

    @Test
    void referenceCoversTheRequiredCases() {
        var cases = ComparisonReference.read("paired_cases.csv");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases).anySatisfy(r -> assertThat(r.integer("b") + r.integer("c")).isZero());
        assertThat(cases).anySatisfy(r -> assertThat(r.integer("b") + r.integer("c")).isBetween(1L, 5L));
        assertThat(cases).anySatisfy(r -> assertThat(r.integer("b")).isEqualTo(r.integer("n")));
        assertThat(cases).anySatisfy(r -> assertThat(r.integer("c")).isEqualTo(r.integer("n")));
        assertThat(cases).anySatisfy(r -> assertThat(r.integer("b") + r.integer("c")).isGreaterThanOrEqualTo(9_000_000));
    }

    @Test
    void intervalInvertsTheMarginTest() {
        // The lower bound of the level-c interval is above -d exactly when the one-sided score test
        // of Δ = -d rejects at (1 - c)/2: interval and margin test never disagree.
        double level = 0.9;
        for (long n : new long[] {7, 40, 300}) {
            for (long b = 0; b <= n; b += Math.max(1, n / 7)) {
                for (long c = 0; c <= n - b; c += Math.max(1, n / 9)) {
                    Interval interval = PairedProportions.mcnemarExact(b, c, n, Alternative.TWO_SIDED, level).interval();
                    for (double margin : new double[] {0.0, 0.03, 0.1, 0.25}) {
                        if (Math.abs(interval.low() + margin) < 1e-9) {
                            continue;
                        }
                        double p = PairedProportions.withMargin(b, c, n, margin, Alternative.GREATER, level).pValue();
                        assertThat(p < (1 - level) / 2).as("b=%d c=%d n=%d margin=%s low=%s p=%s", b, c, n, margin,
                                interval.low(), p).isEqualTo(interval.low() > -margin);
                    }
                }
            }
        }
    }

    @Test
    void tangoStatisticDecreasesInDelta() {
        long[][] tables = {{0, 0, 10}, {3, 12, 50}, {40, 20, 160}, {0, 7, 7}, {7, 0, 7}, {1, 30, 31}, {150, 120, 2000}};
        for (long[] t : tables) {
            double previous = Double.POSITIVE_INFINITY;
            for (int i = 1; i < 2000; i++) {
                double delta = -1 + i / 1000.0;
                double z = PairedProportions.tangoStatistic(t[0], t[1], t[2], delta);
                assertThat(z).as("Z(%s) for %s", delta, java.util.Arrays.toString(t)).isLessThanOrEqualTo(previous);
                assertThat(z).isNotNaN();
                previous = z;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Alternative.class)
    void noDiscordantPairsIsNoEvidence(Alternative alternative) {
        for (ComparisonTest test : new ComparisonTest[] {
                PairedProportions.mcnemarExact(0, 0, 2000, alternative, 0.95),
                PairedProportions.mcnemarChiSquare(0, 0, 2000, alternative, 0.95)}) {
            assertThat(test.isDefined()).isTrue();
            assertThat(test.difference()).isZero();
            assertThat(test.statistic()).isZero();
            assertThat(test.pValue()).isEqualTo(1.0);
            assertThat(test.standardError()).isZero();
            double z = NormalQuantiles.z(0.95);
            assertThat(test.interval().low()).isCloseTo(-z * z / (2000 + z * z), within(1e-15));
            assertThat(test.interval().high()).isCloseTo(z * z / (2000 + z * z), within(1e-15));
        }
        ComparisonTest margin = PairedProportions.withMargin(0, 0, 2000, 0.01, alternative, 0.95);
        assertThat(margin.isDefined()).isTrue();
        assertThat(margin.statistic()).isPositive().isFinite();
    }

    @ParameterizedTest
    @EnumSource(Alternative.class)
    void noPairsIsUndefined(Alternative alternative) {
        for (ComparisonTest test : new ComparisonTest[] {
                PairedProportions.mcnemarExact(0, 0, 0, alternative, 0.95),
                PairedProportions.mcnemarChiSquare(0, 0, 0, alternative, 0.95),
                PairedProportions.withMargin(0, 0, 0, 0.02, alternative, 0.95)}) {
            assertThat(test.isDefined()).isFalse();
            assertThat(test.pValue()).isEqualTo(1.0);
            assertThat(test.difference()).isNaN();
            assertThat(test.standardError()).isNaN();
            assertThat(test.interval().isDefined()).isFalse();
            assertThat(test.interval().method()).isEqualTo("tango");
        }
    }

    @Test
    void standardErrorIsTheUnrestrictedEstimate() {
        ComparisonTest test = PairedProportions.mcnemarExact(60, 100, 2000, Alternative.LESS, 0.95);
        double pb = 0.03;
        double pc = 0.05;
        assertThat(test.standardError()).isCloseTo(Math.sqrt((pb + pc - (pb - pc) * (pb - pc)) / 2000), within(1e-15));
        assertThat(test.difference()).isCloseTo(-0.02, within(1e-15));
    }

    @Test
    void hugeCountsStayFinite() {
        // Beyond 10^7 discordant pairs the incomplete beta loses relative accuracy (documented);
        // the results stay finite, ordered and exactly 1 for b = c.
        long n = 1L << 50;
        long half = 1L << 40;
        assertThat(PairedProportions.mcnemarExact(half, half, n, Alternative.TWO_SIDED, 0.95).pValue()).isEqualTo(1.0);
        long gap = 1L << 22;
        ComparisonTest worse = PairedProportions.mcnemarExact(half, half + gap, n, Alternative.LESS, 0.95);
        double z = -gap / Math.sqrt(2.0 * half + gap);
        assertThat(worse.pValue()).isCloseTo(NORMAL.cumulativeProbability(z), within(1e-4));
        assertThat(worse.interval().isDefined()).isTrue();
        assertThat(worse.interval().low()).isLessThan(worse.difference());
        assertThat(worse.interval().high()).isGreaterThan(worse.difference());
    }

    @Test
    void argumentsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.mcnemarExact(-1, 0, 5, Alternative.LESS, 0.95))
                .withMessageContaining("non-negative").withMessageContaining("b=-1");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.mcnemarExact(3, 3, 5, Alternative.LESS, 0.95))
                .withMessageContaining("must not exceed the n pairs");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.mcnemarChiSquare(1, 1, 5, Alternative.LESS, 1.0))
                .withMessageContaining("confidence level");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.withMargin(1, 1, 5, -0.01, Alternative.LESS, 0.95))
                .withMessageContaining("margin must be in [0, 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.withMargin(1, 1, 5, Double.NaN, Alternative.LESS, 0.95))
                .withMessageContaining("margin");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedProportions.mcnemarExact(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                Alternative.LESS, 0.95)).withMessageContaining("must not exceed");
        assertThatNullPointerException().isThrownBy(() -> PairedProportions.mcnemarExact(1, 1, 5, null, 0.95))
                .withMessageContaining("alternative");
    }
}
