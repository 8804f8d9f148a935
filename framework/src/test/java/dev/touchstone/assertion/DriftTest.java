package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.previousWindows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.stats.internal.TwoSampleKs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Drift of columns: verdicts, effect thresholds against size, multiplicity over columns, slices and windows. */
class DriftTest {

    /** {@code n} rows: x ~ N(shift, 1), y ~ N(0, 1), a category ("a" with probability pA, else "b"), a segment. */
    static Dataset data(String name, int n, double shift, double pA, long seed) {
        Random random = new Random(seed);
        DatasetBuilder b = Dataset.builder(name).columns("x", "y", "category", "segment", "ts");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String segment = i % 2 == 0 ? "a" : "b";
            double x = random.nextGaussian() + ("a".equals(segment) ? shift : 0);
            b.row(x, random.nextGaussian(), random.nextDouble() < pA ? "a" : "b", segment,
                    start.plusSeconds(86_400L * (i % 10)).toString());
        }
        return b.build();
    }

    static List<StatementResult> collect(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.standalone().collecting(results::add, r -> { }).run(statement);
        return results;
    }

    @Test
    void a_shift_is_drift_with_the_statistic_p_value_and_effect_in_the_result() {
        Dataset reference = data("reference", 2000, 0, 0.5, 1);
        Dataset current = data("current", 2000, 0.6, 0.5, 2);
        List<StatementResult> results = collect(() -> assertThat(current).column("x").hasNoDriftFrom(reference)
                .byKolmogorovSmirnov());
        SliceResult slice = results.get(0).slices().get(0);
        assertThat(slice.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(slice.metric()).isEqualTo("ks(x)");
        ComparisonResult test = slice.comparison().orElseThrow();
        assertThat(test.test()).isEqualTo("ks-2samp-exact");
        assertThat(test.source()).isEqualTo("dataset:reference");
        assertThat(test.referenceN()).isEqualTo(2000);
        double[][] xs = {column(reference), column(current)};
        TwoSampleKs.Result expected = TwoSampleKs.test(xs[0], xs[1]);
        assertThat(slice.value().value()).isEqualTo(expected.statistic());
        assertThat(test.pValue()).isEqualTo(expected.pValue());
        assertThat(slice.message()).contains("drift: effect").contains("reference : dataset:reference");
        // as a plain assertion it throws
        assertThatThrownBy(() -> assertThat(current).column("x").hasNoDriftFrom(reference).byKolmogorovSmirnov())
                .isInstanceOf(QualityAssertionError.class).hasMessageContaining("ks(x)");
    }

    static double[] column(Dataset d) {
        var table = d.table();
        double[] values = new double[table.rowCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(table.column("x").text(i));
        }
        return values;
    }

    @Test
    void a_tiny_effect_on_many_rows_is_significant_but_not_an_alarm() {
        Dataset reference = data("reference", 200_000, 0, 0.5, 3);
        Dataset current = data("current", 200_000, 0.06, 0.5, 4); // segment a only: 0.03 overall
        List<StatementResult> results = collect(() -> assertThat(current).column("x").hasNoDriftFrom(reference)
                .byKolmogorovSmirnov());
        SliceResult slice = results.get(0).slices().get(0);
        assertThat(slice.comparison().orElseThrow().pValue()).isLessThan(0.05);
        assertThat(slice.comparison().orElseThrow().test()).isEqualTo("ks-2samp-asymptotic");
        assertThat(slice.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(slice.reason()).startsWith("no drift that matters");
        // with a minimum effect the user sets lower, the same data is drift
        List<StatementResult> strict = collect(() -> assertThat(current).column("x").hasNoDriftFrom(reference)
                .withMinimumEffect(0.005).byKolmogorovSmirnov());
        assertThat(strict.get(0).slices().get(0).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void many_columns_are_one_family_and_only_the_drifted_one_fails() {
        Dataset reference = data("reference", 3000, 0, 0.5, 5);
        Dataset current = data("current", 3000, 0, 0.7, 6);
        List<StatementResult> results = collect(() -> assertThat(current).columns("x", "y", "category")
                .hasNoDriftFrom(reference).byPopulationStabilityIndex());
        List<SliceResult> slices = results.get(0).slices();
        assertThat(slices).extracting(SliceResult::metric).containsExactly("psi(x)", "psi(y)", "psi(category)");
        assertThat(slices).extracting(SliceResult::verdict).containsExactly(Verdict.PASSED, Verdict.PASSED,
                Verdict.PASSED);
        // PSI of 0.5 -> 0.7: 0.2 ln(0.7/0.5) + 0.2 ln(0.5/0.3) = 0.1695, below the default 0.2
        assertThat(slices.get(2).value().value()).isBetween(0.12, 0.22);
        List<StatementResult> chi = collect(() -> assertThat(current).columns("x", "y", "category")
                .hasNoDriftFrom(reference).byChiSquare());
        List<SliceResult> chiSlices = chi.get(0).slices();
        assertThat(chiSlices).extracting(SliceResult::verdict).containsExactly(Verdict.PASSED, Verdict.PASSED,
                Verdict.FAILED);
        ComparisonResult category = chiSlices.get(2).comparison().orElseThrow();
        assertThat(category.family()).isEqualTo("chi_square over 3 columns × 1 slice");
        assertThat(category.multiplicity()).isEqualTo("holm");
        assertThat(category.adjustedPValue()).isGreaterThanOrEqualTo(category.pValue());
    }

    @Test
    void each_slice_is_compared_with_the_same_slice_of_the_reference() {
        Dataset reference = data("reference", 4000, 0, 0.5, 7);
        Dataset current = data("current", 4000, 0.5, 0.5, 8);
        List<StatementResult> results = collect(() -> assertThat(current).onEachSliceOf("segment").column("x")
                .hasNoDriftFrom(reference).byWasserstein());
        List<SliceResult> slices = results.get(0).slices();
        assertThat(slices).extracting(SliceResult::slice).containsExactly("segment=a", "segment=b");
        assertThat(slices).extracting(SliceResult::verdict).containsExactly(Verdict.FAILED, Verdict.PASSED);
        assertThat(slices.get(0).value().value()).isBetween(0.4, 0.6); // about half a standard deviation
        assertThat(slices.get(0).comparison().orElseThrow().referenceN()).isEqualTo(2000);
    }

    @Test
    void the_last_window_can_be_compared_with_the_windows_before_it() {
        Dataset current = data("current", 2000, 0, 0.5, 9);
        List<StatementResult> results = collect(() -> assertThat(current).onLastWindowOf("ts", Duration.ofDays(1))
                .column("category").hasNoDriftFrom(previousWindows(5)).byJensenShannon());
        SliceResult slice = results.get(0).slices().get(0);
        assertThat(slice.slice()).isEqualTo("ts@2026-12-10T00:00Z/P1D");
        assertThat(slice.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(slice.comparison().orElseThrow().source()).isEqualTo("previous-windows(5)");
        assertThat(slice.comparison().orElseThrow().referenceN()).isEqualTo(1000);
    }

    @Test
    void numeric_only_methods_refuse_categories_and_previous_windows_need_windows() {
        Dataset reference = data("reference", 100, 0, 0.5, 1);
        assertThatThrownBy(() -> assertThat(reference).column("category").hasNoDriftFrom(reference).byKolmogorovSmirnov())
                .isInstanceOf(QualityConfigurationException.class).hasMessageContaining("is not numeric")
                .hasMessageContaining("byChiSquare()");
        assertThatThrownBy(() -> assertThat(reference).column("x").hasNoDriftFrom(previousWindows(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("onLastWindowOf");
    }
}
