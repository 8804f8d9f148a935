package dev.touchstone.stats.internal;

import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apiguardian.api.API;

/**
 * Bootstrap replicates of a statistic, drawn from one deterministic stream per (seed, key) so
 * that results do not depend on the order in which statements run. Three schemes, chosen so
 * that the cost does not grow with the number of rows where the math allows it:
 * <ul>
 *   <li>{@link #ofCells}: the statistic is a function of cell counts (a confusion matrix, a
 *       score histogram). Resampling rows with replacement is exactly a multinomial draw of the
 *       cell counts, so each replicate costs O(cells), whatever the number of rows.</li>
 *   <li>{@link #ofSums}: the statistic is a function of per-row sums (log loss, errors, R²).
 *       Small slices resample rows exactly; above {@link #EXACT_ROW_LIMIT} draws per slice the
 *       resampled sums are drawn from their normal limit (mean m·μ, covariance m·Σ), which the
 *       central limit theorem makes indistinguishable at that size, at O(columns²) per
 *       replicate. The interval's method says which was used.</li>
 *   <li>{@link #ofRows}: anything else (user-defined metrics): resample row indices.</li>
 * </ul>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Bootstrap {

    /** Above this many row draws in total (rows × resamples), {@link #ofSums} uses the normal limit. */
    public static final long EXACT_ROW_LIMIT = 200_000_000L;

    public static final String PERCENTILE = "bootstrap-percentile";
    public static final String PERCENTILE_NORMAL_SUMS = "bootstrap-percentile-normal-sums";

    private Bootstrap() {
    }

    /** Replicates of a statistic of cell counts: {@code statistic} gets the resampled counts. */
    public static double[] ofCells(long[] cells, int resamples, long seed, String key,
            ToDoubleFunction<long[]> statistic) {
        long n = 0;
        for (long c : cells) {
            n += c;
        }
        double[] replicates = new double[resamples];
        if (n == 0) {
            java.util.Arrays.fill(replicates, Double.NaN);
            return replicates;
        }
        double[] p = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            p[i] = (double) cells[i] / n;
        }
        MultinomialSampler sampler = MultinomialSampler.of(p);
        UniformRandomProvider rng = Randomness.stream(seed, key);
        long[] draw = new long[cells.length];
        for (int b = 0; b < resamples; b++) {
            sampler.sample(rng, n, draw);
            replicates[b] = statistic.applyAsDouble(draw);
        }
        return replicates;
    }

    /** Which method {@link #ofSums} uses for {@code rows} rows. */
    public static String sumsMethod(int rows, int resamples) {
        return (long) rows * resamples <= EXACT_ROW_LIMIT ? PERCENTILE : PERCENTILE_NORMAL_SUMS;
    }

    /**
     * Replicates of a statistic of column sums. {@code columns[j][i]} is the value of column j on
     * row i; {@code statistic} gets the resampled sums (one per column) and must know the row count.
     */
    public static double[] ofSums(double[][] columns, int resamples, long seed, String key,
            ToDoubleFunction<double[]> statistic) {
        int m = columns[0].length;
        UniformRandomProvider rng = Randomness.stream(seed, key);
        return PERCENTILE.equals(sumsMethod(m, resamples))
                ? exactSums(columns, m, resamples, rng, statistic)
                : normalSums(columns, m, resamples, rng, statistic);
    }

    private static double[] exactSums(double[][] columns, int m, int resamples, UniformRandomProvider rng,
            ToDoubleFunction<double[]> statistic) {
        int c = columns.length;
        double[] sums = new double[c];
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            java.util.Arrays.fill(sums, 0);
            for (int draw = 0; draw < m; draw++) {
                int i = rng.nextInt(m);
                for (int j = 0; j < c; j++) {
                    sums[j] += columns[j][i];
                }
            }
            replicates[b] = statistic.applyAsDouble(sums);
        }
        return replicates;
    }

    // Sums of m rows drawn with replacement: mean m·μ, covariance m·Σ (Σ the population
    // covariance of the rows). Draw them as m·μ + L·z·sqrt(m) with L the Cholesky factor of Σ.
    private static double[] normalSums(double[][] columns, int m, int resamples, UniformRandomProvider rng,
            ToDoubleFunction<double[]> statistic) {
        int c = columns.length;
        double[] mean = new double[c];
        for (int j = 0; j < c; j++) {
            double s = 0;
            for (double v : columns[j]) {
                s += v;
            }
            mean[j] = s / m;
        }
        double[][] cov = new double[c][c];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < c; a++) {
                double da = columns[a][i] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += da * (columns[b][i] - mean[b]);
                }
            }
        }
        for (int a = 0; a < c; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= m;
            }
        }
        double[][] chol = cholesky(cov);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double root = Math.sqrt(m);
        double[] z = new double[c];
        double[] sums = new double[c];
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < c; j++) {
                z[j] = gaussian.sample();
            }
            for (int a = 0; a < c; a++) {
                double s = 0;
                for (int k = 0; k <= a; k++) {
                    s += chol[a][k] * z[k];
                }
                sums[a] = m * mean[a] + root * s;
            }
            replicates[b] = statistic.applyAsDouble(sums);
        }
        return replicates;
    }

    // Lower-triangular factor; a zero pivot (a constant column) gets a zero column.
    private static double[][] cholesky(double[][] a) {
        int c = a.length;
        double[][] l = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = s > 0 ? Math.sqrt(s) : 0;
                } else {
                    l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
                }
            }
        }
        return l;
    }

    /** Replicates of an arbitrary statistic of row indices (each replicate gets m drawn indices). */
    public static double[] ofRows(int m, int resamples, long seed, String key, ToDoubleFunction<int[]> statistic) {
        UniformRandomProvider rng = Randomness.stream(seed, key);
        int[] rows = new int[m];
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < m; i++) {
                rows[i] = rng.nextInt(m);
            }
            replicates[b] = statistic.applyAsDouble(rows);
        }
        return replicates;
    }
}
