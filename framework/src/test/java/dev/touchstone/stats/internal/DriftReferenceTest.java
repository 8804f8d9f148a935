package dev.touchstone.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Drift statistics against SciPy ({@code reference/drift/generate_drift_reference.py}): KS
 * statistic and p-value, χ² of contingency, Cramér's V, PSI, Jensen–Shannon distance,
 * Wasserstein distance, quantile bin edges, the Kolmogorov limit and the window anomaly test,
 * all to a relative 1e-9.
 */
class DriftReferenceTest {

    static List<Map<String, String>> read(String file) {
        String resource = "/reference/drift/" + file;
        try (InputStream in = DriftReferenceTest.class.getResourceAsStream(resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (header == null) {
                    header = parts;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], parts[i]);
                }
                rows.add(row);
            }
            assertThat(rows).as(resource).isNotEmpty();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] numbers(String text) {
        return text.isBlank() ? new double[0] : Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    static long[] counts(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-14));
    }

    static Map<String, double[][]> samples() {
        Map<String, double[][]> byCase = new HashMap<>();
        for (Map<String, String> row : read("samples.csv")) {
            double[][] pair = byCase.computeIfAbsent(row.get("case"), k -> new double[2][]);
            pair["reference".equals(row.get("sample")) ? 0 : 1] = numbers(row.get("values"));
        }
        return byCase;
    }

    static double[][] sample(Map<String, double[][]> stored, String name) {
        if (!name.startsWith("grid:")) {
            return stored.get(name);
        }
        String[] sides = name.split("\\|");
        return new double[][] {grid(sides[0]), grid(sides[1])};
    }

    // grid:norm:<n>:<shift>: the normal quantiles at (i + 0.5) / n, shifted
    static double[] grid(String spec) {
        String[] parts = spec.split(":");
        int n = Integer.parseInt(parts[2]);
        double shift = Double.parseDouble(parts[3]);
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = normal.inverseCumulativeProbability((i + 0.5) / n) + shift;
        }
        return values;
    }

    @Test
    void kolmogorov_smirnov_matches_ks_2samp() {
        Map<String, double[][]> stored = samples();
        for (Map<String, String> row : read("ks.csv")) {
            double[][] ab = sample(stored, row.get("case"));
            TwoSampleKs.Result r = TwoSampleKs.test(ab[0], ab[1]);
            String what = row.get("case");
            assertThat(r.method()).as(what).isEqualTo(row.get("method"));
            if ("exact".equals(row.get("method"))) {
                close(r.statistic(), Double.parseDouble(row.get("statistic")), what + " statistic");
            } else {
                assertThat(r.statistic()).as(what).isCloseTo(Double.parseDouble(row.get("statistic")), within(1e-12));
                // SciPy's own asymptotic p-value (kstwo at round(en)) is within 0.005 of the limit
                assertThat(r.pValue()).as(what + " vs ks_2samp auto").isCloseTo(
                        Double.parseDouble(row.get("scipy_auto_pvalue")), within(0.005));
            }
            close(r.pValue(), Double.parseDouble(row.get("pvalue")), what + " p-value");
        }
    }

    @Test
    void the_kolmogorov_limit_matches_kstwobign() {
        for (Map<String, String> row : read("kolmogorov.csv")) {
            close(TwoSampleKs.kolmogorovSurvival(Double.parseDouble(row.get("lam"))), Double.parseDouble(row.get("sf")),
                    "Q(" + row.get("lam") + ")");
        }
    }

    @Test
    void binned_statistics_match_chi2_contingency_association_and_jensenshannon() {
        for (Map<String, String> row : read("binned.csv")) {
            long[] r = counts(row.get("reference"));
            long[] c = counts(row.get("current"));
            String what = row.get("case");
            DriftStatistics.Result chi = DriftStatistics.chiSquare(r, c);
            close(chi.statistic(), Double.parseDouble(row.get("chi2")), what + " chi2");
            close(chi.pValue(), Double.parseDouble(row.get("chi2_pvalue")), what + " chi2 p");
            assertThat(chi.method()).contains(row.get("dof") + " degrees of freedom");
            close(chi.effect(), Double.parseDouble(row.get("cramer_v")), what + " Cramér's V");
            close(DriftStatistics.psi(r, c).statistic(), Double.parseDouble(row.get("psi")), what + " PSI");
            close(DriftStatistics.jensenShannon(r, c).statistic(), Double.parseDouble(row.get("js_distance")),
                    what + " JS distance");
        }
    }

    @Test
    void wasserstein_matches_wasserstein_distance() {
        Map<String, double[][]> stored = samples();
        for (Map<String, String> row : read("wasserstein.csv")) {
            double[][] ab = sample(stored, row.get("case"));
            close(DriftStatistics.wasserstein(ab[0], ab[1]), Double.parseDouble(row.get("distance")), row.get("case"));
        }
    }

    @Test
    void bin_edges_are_numpy_quantiles_without_repeats() {
        Map<String, double[][]> stored = samples();
        for (Map<String, String> row : read("edges.csv")) {
            double[] expected = numbers(row.get("edges"));
            double[] actual = DriftStatistics.quantileEdges(stored.get(row.get("case"))[0], Integer.parseInt(row.get("bins")));
            assertThat(actual).as(row.get("case")).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                close(actual[i], expected[i], row.get("case") + " edge " + i);
            }
        }
    }

    @Test
    void the_window_anomaly_test_matches_the_t_distribution() {
        for (Map<String, String> row : read("anomaly.csv")) {
            WindowAnomaly.Result r = WindowAnomaly.test(numbers(row.get("reference")),
                    Double.parseDouble(row.get("latest")), Boolean.parseBoolean(row.get("higher_is_better").toLowerCase()),
                    0.95, Boolean.parseBoolean(row.get("proportion").toLowerCase()));
            String what = row.get("case");
            close(r.t(), Double.parseDouble(row.get("t")), what + " t");
            close(r.pValue(), Double.parseDouble(row.get("pvalue")), what + " p");
            close(r.low(), Double.parseDouble(row.get("low")), what + " low");
            close(r.high(), Double.parseDouble(row.get("high")), what + " high");
        }
    }
}
