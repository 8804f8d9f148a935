package dev.touchstone.stats.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The two-sample Kolmogorov–Smirnov test, two-sided: the statistic {@code D = max |F₁ − F₂|}
 * over the pooled values (ties count on both sides, as {@code scipy.stats.ks_2samp} counts
 * them) and its p-value:
 *
 * <ul>
 *   <li>exact while both samples have at most {@value #EXACT_MAX} values (what SciPy's
 *       {@code method="auto"} does): the share of lattice paths from (0, 0) to (n₁, n₂) that
 *       leave the band {@code |x/n₁ − y/n₂| < D} (Hodges 1958), computed as the exit
 *       probability itself so that small p-values keep their precision (Viehmann 2021); for
 *       equal sizes by the closed alternating sum of binomial ratios;</li>
 *   <li>above, the Kolmogorov limit {@code Q(√(n₁n₂/(n₁+n₂))·D)}. (SciPy instead evaluates the
 *       one-sample distribution at {@code round(n₁n₂/(n₁+n₂))}; at these sizes the two differ by
 *       less than 0.002 in p, as the reference test checks.)</li>
 * </ul>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class TwoSampleKs {

    /** Both samples at most this size: exact p-value. */
    public static final int EXACT_MAX = 10_000;

    private TwoSampleKs() {
    }

    /** The test's outcome: statistic, p-value and how the p-value was computed ({@code exact}, {@code asymptotic}). */
    public record Result(double statistic, double pValue, String method) {
    }

    /** Tests whether {@code a} and {@code b} come from one distribution; neither may be empty. */
    public static Result test(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("the Kolmogorov–Smirnov test needs values in both samples");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int n1 = x.length;
        int n2 = y.length;
        // D from integer counts: h / lcm exactly, and the same double SciPy's cdf differences give
        long g = gcd(n1, n2);
        long step1 = n2 / g;
        long step2 = n1 / g;
        long h = 0;
        double d = 0;
        int i = 0;
        int j = 0;
        while (i < n1 || j < n2) {
            double v = i < n1 && (j >= n2 || x[i] <= y[j]) ? x[i] : y[j];
            while (i < n1 && x[i] == v) {
                i++;
            }
            while (j < n2 && y[j] == v) {
                j++;
            }
            long diff = Math.abs(i * step1 - j * step2);
            if (diff > h) {
                h = diff;
                d = Math.abs((double) i / n1 - (double) j / n2);
            }
        }
        if (Math.max(n1, n2) <= EXACT_MAX) {
            long lcm = step2 * n2;
            double exactD = (double) h / lcm;
            return new Result(exactD, exactPValue(n1, n2, h), "exact");
        }
        double en = (double) n1 * n2 / ((double) n1 + n2);
        return new Result(d, kolmogorovSurvival(Math.sqrt(en) * d), "asymptotic");
    }

    /**
     * P(D ≥ h / lcm(n₁, n₂)) under the null, exactly: the share of monotone lattice paths from
     * (0, 0) to (n₁, n₂) that touch {@code |x·n₂/g − y·n₁/g| ≥ h}.
     */
    static double exactPValue(int n1, int n2, long h) {
        if (h == 0) {
            return 1.0;
        }
        if (n1 == n2) {
            return clip(outsideSquare(n1, (int) h));
        }
        int m = Math.max(n1, n2);
        int n = Math.min(n1, n2);
        long g = gcd(m, n);
        long mg = m / g;
        long ng = n / g;
        // q[y] holds, column by column, the probability that a uniformly random path to (x, y)
        // has already left the band; cells outside the band are 1.
        double[] q = new double[n + 1];
        for (int xx = 0; xx <= m; xx++) {
            for (int yy = 0; yy <= n; yy++) {
                if (Math.abs(ng * xx - mg * yy) >= h) {
                    q[yy] = 1.0;
                } else if (xx == 0 && yy == 0) {
                    q[yy] = 0.0;
                } else {
                    double fromLeft = xx == 0 ? 0 : xx * q[yy];
                    double fromBelow = yy == 0 ? 0 : yy * q[yy - 1];
                    q[yy] = (fromLeft + fromBelow) / (xx + yy);
                }
            }
        }
        return clip(q[n]);
    }

    /**
     * P(D ≥ h/n) for two samples of n: 2·Σₖ (−1)^(k−1) C(2n, n−kh) / C(2n, n), summed from the
     * innermost term outwards (each term as a product of h ratios) to avoid cancellation.
     */
    static double outsideSquare(int n, int h) {
        double p = 0;
        for (int k = n / h; k >= 0; k--) {
            double ratio = 1.0;
            for (int j = 0; j < h; j++) {
                ratio = (n - (double) k * h - j) * ratio / (n + (double) k * h + j + 1);
            }
            p = ratio * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * The Kolmogorov distribution's survival function {@code Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²)},
     * by the theta-function form {@code 1 − √(2π)/λ Σ e^(−(2k−1)²π²/(8λ²))} for small λ.
     */
    public static double kolmogorovSurvival(double lambda) {
        if (!(lambda > 0)) {
            return 1.0;
        }
        if (lambda < 1.0) {
            double sum = 0;
            double factor = Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k <= 20; k++) {
                double term = Math.exp(-(2.0 * k - 1) * (2.0 * k - 1) * factor);
                sum += term;
                if (term < 1e-300) {
                    break;
                }
            }
            return clip(1 - Math.sqrt(2 * Math.PI) / lambda * sum);
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-300) {
                break;
            }
        }
        return clip(2 * sum);
    }

    private static double clip(double p) {
        return Math.max(0, Math.min(1, p));
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
