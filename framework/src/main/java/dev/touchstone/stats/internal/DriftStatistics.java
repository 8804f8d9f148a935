package dev.touchstone.stats.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apiguardian.api.API;

/**
 * Distances and tests between a reference and a current distribution, as SciPy computes them
 * where SciPy has them: {@code chi2_contingency} (with Yates' correction on one degree of freedom,
 * Cramér's V from the uncorrected statistic as {@code scipy.stats.contingency.association}),
 * {@code spatial.distance.jensenshannon} (base 2), {@code stats.wasserstein_distance}; and the
 * population stability index. Binned statistics take counts per bin; numeric columns are binned
 * on the reference's quantiles ({@link #quantileEdges}).
 *
 * <p>p-values where SciPy has none: PSI and the Jensen–Shannon divergence are, for two samples
 * of sizes n and m from one distribution over k bins, asymptotically (1/n + 1/m)·χ²ₖ₋₁ and
 * (1/n + 1/m)·χ²ₖ₋₁/8 (both are second-order equal to the χ² distance Σ(p−q)²/π, Pearson's
 * statistic over the pooled proportions); the Wasserstein distance gets a permutation p-value.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class DriftStatistics {

    /** Proportions below this are raised to it in PSI, so that an empty bin does not make it infinite. */
    public static final double PSI_FLOOR = 1e-4;

    private DriftStatistics() {
    }

    /** A statistic, its p-value (NaN when none) and its degrees of freedom or permutations. */
    public record Result(double statistic, double pValue, double effect, String method) {
    }

    /** Pearson's χ² test of homogeneity of the 2 × k table (reference, current) × bins, as {@code chi2_contingency}. */
    public static Result chiSquare(long[] reference, long[] current) {
        long[][] table = nonEmptyColumns(reference, current);
        int columns = table[0].length;
        double n1 = Arrays.stream(table[0]).sum();
        double n2 = Arrays.stream(table[1]).sum();
        double total = n1 + n2;
        int dof = columns - 1;
        if (dof <= 0) {
            return new Result(0.0, 1.0, 0.0, "chi-square, 0 degrees of freedom (one category)");
        }
        double corrected = 0;
        double plain = 0;
        for (int c = 0; c < columns; c++) {
            double colSum = table[0][c] + table[1][c];
            for (int r = 0; r < 2; r++) {
                double expected = (r == 0 ? n1 : n2) * colSum / total;
                double observed = table[r][c];
                double diff = observed - expected;
                plain += diff * diff / expected;
                if (dof == 1) {
                    double magnitude = Math.min(0.5, Math.abs(diff));
                    diff = diff - Math.signum(diff) * magnitude;
                }
                corrected += diff * diff / expected;
            }
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(corrected);
        double cramer = Math.sqrt(plain / total); // min(2, k) - 1 = 1
        return new Result(corrected, p, cramer, "chi-square, " + dof + " degrees of freedom"
                + (dof == 1 ? ", Yates-corrected" : ""));
    }

    /** The population stability index Σ (c − r)·ln(c / r) over the bins' proportions, each at least {@link #PSI_FLOOR}. */
    public static Result psi(long[] reference, long[] current) {
        long[][] table = nonEmptyColumns(reference, current);
        double n1 = Arrays.stream(table[0]).sum();
        double n2 = Arrays.stream(table[1]).sum();
        double psi = 0;
        for (int c = 0; c < table[0].length; c++) {
            double r = Math.max(table[0][c] / n1, PSI_FLOOR);
            double q = Math.max(table[1][c] / n2, PSI_FLOOR);
            psi += (q - r) * Math.log(q / r);
        }
        return new Result(psi, chiSquareLimit(psi, n1, n2, table[0].length), psi, "psi, chi-square limit");
    }

    /** The Jensen–Shannon distance (base 2, in [0, 1]) between the bins' proportions, as SciPy's {@code jensenshannon}. */
    public static Result jensenShannon(long[] reference, long[] current) {
        long[][] table = nonEmptyColumns(reference, current);
        double n1 = Arrays.stream(table[0]).sum();
        double n2 = Arrays.stream(table[1]).sum();
        double divergence = 0; // in nats
        for (int c = 0; c < table[0].length; c++) {
            double p = table[0][c] / n1;
            double q = table[1][c] / n2;
            double m = (p + q) / 2;
            divergence += (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
        }
        divergence /= 2;
        double distance = Math.sqrt(Math.max(0, divergence) / Math.log(2));
        return new Result(distance, chiSquareLimit(8 * divergence, n1, n2, table[0].length), distance,
                "jensen-shannon, chi-square limit");
    }

    // P(χ²ₖ₋₁ > x / (1/n1 + 1/n2))
    private static double chiSquareLimit(double x, double n1, double n2, int bins) {
        if (bins < 2) {
            return 1.0;
        }
        return ChiSquaredDistribution.of(bins - 1).survivalProbability(x / (1 / n1 + 1 / n2));
    }

    /** The first Wasserstein distance between two samples, as {@code scipy.stats.wasserstein_distance}. */
    public static double wasserstein(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double[] pooled = new double[x.length + y.length];
        boolean[] first = new boolean[pooled.length];
        merge(x, y, pooled, first);
        return distance(pooled, first, x.length, y.length);
    }

    /**
     * The Wasserstein distance with a permutation p-value: the share of {@code permutations}
     * random relabellings of the pooled values whose distance reaches the observed one
     * ((1 + hits) / (1 + permutations)).
     */
    public static Result wassersteinTest(double[] a, double[] b, int permutations, long seed, String stream) {
        return wassersteinTest(a, b, permutations, Randomness.stream(seed, stream));
    }

    static Result wassersteinTest(double[] a, double[] b, int permutations, UniformRandomProvider random) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double[] pooled = new double[x.length + y.length];
        boolean[] first = new boolean[pooled.length];
        merge(x, y, pooled, first);
        double observed = distance(pooled, first, x.length, y.length);
        boolean[] labels = first.clone();
        int hits = 0;
        double tolerance = observed * 1e-12;
        for (int p = 0; p < permutations; p++) {
            for (int i = labels.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                boolean t = labels[i];
                labels[i] = labels[j];
                labels[j] = t;
            }
            if (distance(pooled, labels, x.length, y.length) >= observed - tolerance) {
                hits++;
            }
        }
        return new Result(observed, (1.0 + hits) / (1.0 + permutations), observed,
                "wasserstein, " + permutations + " permutations");
    }

    private static void merge(double[] x, double[] y, double[] pooled, boolean[] first) {
        int i = 0;
        int j = 0;
        for (int k = 0; k < pooled.length; k++) {
            if (j >= y.length || i < x.length && x[i] <= y[j]) {
                pooled[k] = x[i++];
                first[k] = true;
            } else {
                pooled[k] = y[j++];
            }
        }
    }

    // ∫ |F₁ − F₂|: between consecutive pooled values the two ECDFs are constant.
    private static double distance(double[] pooled, boolean[] first, int n1, int n2) {
        double sum = 0;
        long a = 0;
        long b = 0;
        for (int k = 0; k < pooled.length - 1; k++) {
            if (first[k]) {
                a++;
            } else {
                b++;
            }
            double width = pooled[k + 1] - pooled[k];
            if (width != 0) {
                sum += Math.abs((double) a / n1 - (double) b / n2) * width;
            }
        }
        return sum;
    }

    /**
     * Interior bin edges at the reference's {@code i/bins} quantiles (linear interpolation, as
     * NumPy's default), without repeats: values below the first edge fall in the first bin, a
     * value equal to an edge in the bin above it.
     */
    public static double[] quantileEdges(double[] reference, int bins) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] edges = new double[bins - 1];
        int count = 0;
        for (int i = 1; i < bins; i++) {
            double q = Percentiles.quantile(sorted, (double) i / bins);
            if (count == 0 || q > edges[count - 1]) {
                edges[count++] = q;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    /** How many of {@code values} fall in each bin of {@code edges} (edges.length + 1 bins). */
    public static long[] binCounts(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            int at = Arrays.binarySearch(edges, v);
            int bin = at >= 0 ? upperEqual(edges, at) + 1 : -at - 1;
            counts[bin]++;
        }
        return counts;
    }

    private static int upperEqual(double[] edges, int at) {
        int i = at;
        while (i + 1 < edges.length && edges[i + 1] == edges[at]) {
            i++;
        }
        return i;
    }

    private static long[][] nonEmptyColumns(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("reference and current need the same bins");
        }
        int k = 0;
        for (int c = 0; c < reference.length; c++) {
            if (reference[c] + current[c] > 0) {
                k++;
            }
        }
        long[][] table = new long[2][k];
        int at = 0;
        for (int c = 0; c < reference.length; c++) {
            if (reference[c] + current[c] > 0) {
                table[0][at] = reference[c];
                table[1][at] = current[c];
                at++;
            }
        }
        if (Arrays.stream(table[0]).sum() == 0 || Arrays.stream(table[1]).sum() == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        return table;
    }
}
