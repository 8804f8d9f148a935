package dev.touchstone.stats.internal;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apiguardian.api.API;

/**
 * Exact sampling of Binomial(n, p) for n up to 2^52 (4.5·10^15) and any p in [0, 1], at a cost
 * per draw that does not grow with n (about 25-80 ns).
 *
 * <p>Why not a library sampler? Commons Statistics' binomial sampler takes an {@code int} n and
 * builds lookup tables whose size grows with n; the bootstrap of confusion-matrix metrics redraws
 * the cell counts of tables with up to billions of rows, with parameters that change at every
 * draw (conditional binomials, see {@link MultinomialSampler}), so set-up must be O(1).
 *
 * <p>Two regimes, after reflecting p to {@code min(p, 1 - p)} (since
 * {@code Binomial(n, p) = n - Binomial(n, 1 - p)}):
 * <ul>
 *   <li><b>Mean {@code n·p < 10}: inversion</b> by sequential search from 0, with the recurrence
 *       {@code f(k) = f(k - 1) · (n - k + 1) / k · p / (1 - p)} and {@code f(0) = exp(n · log1p(-p))}
 *       (never below about e^-14 here, so no underflow). Expected cost {@code n·p + 1} steps. If
 *       rounding leaves the uniform unexhausted at the end of the support (or once the terms
 *       underflow), the draw restarts, which rejects that residue exactly.
 *   <li><b>Mean {@code n·p >= 10}: BTRD</b>, the transformed rejection with decomposition of
 *       W. Hörmann, "The generation of binomial random variates", J. Statist. Comput. Simul. 46
 *       (1993) 101-110. A uniform {@code u} in (-1/2, 1/2) is mapped to
 *       {@code k = floor((2a / (1/2 - |u|) + b) u + c)}, whose density is a hat above
 *       {@code f(k) / f(mode)}. A box under the pmf ({@code |u| <= 0.43}, {@code v <= vr}) accepts
 *       a share {@code 0.86 vr} of the draws (26% for n·p = 10, 79% for large means) from a single
 *       uniform with no pmf evaluation; the other points are accepted or rejected against
 *       {@code f(k) / f(mode)}: by the product recurrence when {@code |k - mode| <= 15}, else by a
 *       normal squeeze and, if that is undecided, by Stirling's formula with exact correction
 *       terms {@code fc}. Measured: 2.45 uniforms per draw at n·p = 10, 1.36 for large means.
 * </ul>
 *
 * <p>Beyond the paper (each verified by {@code BinomialSamplerTest}, not only argued):
 * <ul>
 *   <li>the hat and box constants (as recalled from the paper) dominate, respectively stay
 *       below, {@code f(k) / f(mode)} on dense grids of u for hundreds of (n, p) with
 *       {@code n·p >= 10}; the tightest margin found is about 0.4%;
 *   <li>the squeeze {@code |log(f(k)/f(mode)) + km²/(2npq)| <= ρ(km)} (from Kachitvichyanukul and
 *       Schmeiser's BTPE) is used only for {@code km < npq/2 - 1}, as in BTPE, where it holds
 *       against 60-digit values; far in the tails it fails by a wide margin, and the exact test
 *       decides there;
 *   <li>the logarithms of ratios close to 1 in the exact test are evaluated as {@code log1p} of an
 *       argument whose numerator comes from a fused multiply-add, and the mode
 *       {@code floor((n + 1) p)} is computed exactly, so nothing degrades for large n (a plain
 *       {@code log(ratio)} multiplied by n would err by about {@code n·1e-16}).
 * </ul>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BinomialSampler {

    /** Largest supported number of trials, 2^52: n + 2 and every count stay exact in double arithmetic. */
    public static final long MAX_TRIALS = 1L << 52;

    /** Below this mean (after reflection) inversion is cheaper than BTRD, which needs n·p >= 10. */
    private static final double INVERSION_MEAN_LIMIT = 10;

    /** Recurrence instead of Stirling for |k - mode| up to this (Hörmann's choice). */
    private static final int RECURSION_LIMIT = 15;

    /**
     * {@code fc(k) = log k! - (k + 1/2) log(k + 1) + (k + 1) - log(2π)/2} for k = 0..15, evaluated
     * in 50-digit arithmetic (mpmath {@code loggamma}) and rounded to double; from k = 16 on, the
     * Stirling series is accurate to better than 1e-16.
     */
    private static final double[] STIRLING_CORRECTION = {
        0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
        0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
        0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
        0.006408994188004207, 0.0059513701127588475, 0.005554733551962801, 0.0052076559196096404,
    };

    private BinomialSampler() {
    }

    /**
     * One draw from Binomial(n, p).
     *
     * @param rng the source of uniforms (for example a {@link Randomness#stream})
     * @param n the number of trials, in [0, {@link #MAX_TRIALS}]
     * @param p the success probability, in [0, 1]
     * @return the number of successes, in [0, n]
     * @throws IllegalArgumentException if n or p is out of range
     */
    public static long sample(UniformRandomProvider rng, long n, double p) {
        Objects.requireNonNull(rng, "rng must not be null");
        if (n < 0 || n > MAX_TRIALS) {
            throw new IllegalArgumentException("number of trials must be in [0, 2^52] but was " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1] but was " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        // 1 - p is exact for p in [0.5, 1] (Sterbenz), so the reflection changes nothing.
        return p <= 0.5 ? sampleLowProbability(rng, n, p) : n - sampleLowProbability(rng, n, 1 - p);
    }

    /** p in (0, 0.5]. */
    private static long sampleLowProbability(UniformRandomProvider rng, long n, double p) {
        return n * p < INVERSION_MEAN_LIMIT ? inversion(rng, n, p) : btrd(rng, n, p);
    }

    /** Sequential-search inversion; p in (0, 0.5] and n·p < 10. */
    static long inversion(UniformRandomProvider rng, long n, double p) {
        double trials = n;
        double ratio = p / (1 - p);
        double probabilityOfZero = Math.exp(trials * Math.log1p(-p));
        restart:
        while (true) {
            double u = rng.nextDouble();
            double f = probabilityOfZero;
            long k = 0;
            while (u >= f) {
                if (k == n || f == 0) {
                    continue restart; // rounding residue beyond the representable support
                }
                u -= f;
                k++;
                f *= ratio * ((trials - k + 1) / k);
            }
            return k;
        }
    }

    /** Hörmann's BTRD; p in (0, 0.5] and n·p >= 10. */
    static long btrd(UniformRandomProvider rng, long n, double p) {
        return new Btrd(n, p).sample(rng);
    }

    /**
     * The set-up of BTRD for one (n, p), p in (0, 0.5] and n·p >= 10, and the sampling loop. The
     * geometry (transformation, hat, box) is exposed to the package so that tests can verify the
     * inequalities the algorithm's exactness rests on.
     */
    static final class Btrd {
        /** Half-width of the box in u where {@code vr · hat} lies under the pmf. */
        static final double BOX_HALF_WIDTH = 0.43;

        final long n;
        final double p;
        final double npq;
        final double a;
        final double b;
        final double c;
        final double alpha;
        final double vr;
        final long mode;
        private final double boxProbability;
        private final double r;
        private double h = Double.NaN; // log f(mode) terms of the final test, computed when first needed

        Btrd(long n, double p) {
            this.n = n;
            this.p = p;
            double q = 1 - p;
            this.npq = n * p * q;
            double spq = Math.sqrt(npq);
            this.b = 1.15 + 2.53 * spq;
            this.a = -0.0873 + 0.0248 * b + 0.01 * p;
            this.c = n * p + 0.5;
            this.alpha = (2.83 + 5.1 / b) * spq;
            this.vr = 0.92 - 4.2 / b;
            this.boxProbability = 2 * BOX_HALF_WIDTH * vr;
            this.mode = mode(n, p);
            this.r = p / q;
        }

        /** The transformation {@code x(u) = (2a / (0.5 - |u|) + b) u + c}; k = floor(x). */
        double transform(double u) {
            return (2 * a / (0.5 - Math.abs(u)) + b) * u + c;
        }

        /**
         * The hat at u, relative to f(mode): {@code alpha / x'(u)} with
         * {@code x'(u) = a / (0.5 - |u|)² + b}. Exactness needs {@code hat(u) >= f(k)/f(mode)} for
         * every u with k = floor(x(u)) in [0, n], and {@code vr · hat(u) <= f(k)/f(mode)} for
         * {@code |u| <= 0.43}.
         */
        double hat(double u) {
            double us = 0.5 - Math.abs(u);
            return alpha / (a / (us * us) + b);
        }

        long sample(UniformRandomProvider rng) {
            double trials = n;
            while (true) {
                // Step 1: the box |u| <= 0.43, v <= vr lies under the pmf: immediate acceptance.
                double v = rng.nextDouble();
                double u;
                if (v <= boxProbability) {
                    u = v / vr - BOX_HALF_WIDTH;
                    return (long) Math.floor(transform(u));
                }
                // Step 2: a point of the remaining region, uniform in the (u, v) plane.
                if (v >= vr) {
                    u = rng.nextDouble() - 0.5; // above the box: full width, v uniform on (vr, 1)
                } else {
                    u = v / vr - (0.5 + BOX_HALF_WIDTH); // the side strips 0.43 < |u| < 0.5, below vr
                    u = (u < 0 ? -0.5 : 0.5) - u;
                    v = rng.nextDouble() * vr;
                }
                // Step 3.0: transform, reject outside the support, scale v to the hat at u.
                double x = transform(u);
                if (!(x >= 0 && x < trials + 1)) {
                    continue;
                }
                long k = (long) x;
                v *= hat(u);
                long km = Math.abs(k - mode);
                if (km <= RECURSION_LIMIT) {
                    // Step 3.1: f(k) / f(mode) by the recurrence f(i) / f(i - 1) = r (n + 1 - i) / i.
                    double f = 1;
                    if (mode < k) {
                        for (long i = mode + 1; i <= k; i++) {
                            f *= r * ((trials + 1 - i) / i);
                        }
                    } else if (mode > k) {
                        for (long i = k + 1; i <= mode; i++) {
                            v *= r * ((trials + 1 - i) / i);
                        }
                    }
                    if (v <= f) {
                        return k;
                    }
                    continue;
                }
                // Step 3.2: normal squeeze on log scale, only where its bounds hold.
                v = Math.log(v);
                if (squeezeApplies(km, npq)) {
                    double d = km;
                    double rho = squeezeHalfWidth(d, npq);
                    double t = -d * d / (2 * npq);
                    if (v < t - rho) {
                        return k;
                    }
                    if (v > t + rho) {
                        continue;
                    }
                }
                // Steps 3.3 and 3.4: the exact test v <= log(f(k) / f(mode)).
                if (Double.isNaN(h)) {
                    h = modeTerm(n, p, mode);
                }
                if (v <= logRatioToMode(n, p, mode, k, h)) {
                    return k;
                }
            }
        }
    }

    /**
     * Whether the normal squeeze is used for {@code km = |k - mode|}: beyond the recurrence range
     * and below {@code npq/2 - 1}, where BTPE uses it; far in the tails its bounds fail.
     */
    static boolean squeezeApplies(long km, double npq) {
        return km > RECURSION_LIMIT && km < npq / 2 - 1;
    }

    /**
     * The mode {@code floor((n + 1) p)} of Binomial(n, p), exactly: when the rounded product is an
     * integer, a fused multiply-add tells whether the exact product lies just below it.
     */
    static long mode(long n, double p) {
        double product = (n + 1.0) * p;
        double floor = Math.floor(product);
        if (floor == product && Math.fma(n + 1.0, p, -product) < 0) {
            floor -= 1;
        }
        return (long) floor;
    }

    /**
     * The half-width {@code ρ} of the normal squeeze: for {@code km = |k - mode|} below
     * {@code npq/2 - 1}, {@code |log(f(k) / f(mode)) + km² / (2 npq)| <= ρ}.
     */
    static double squeezeHalfWidth(double km, double npq) {
        return (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq + 0.5);
    }

    /**
     * BTRD step 3.3: {@code h = (m + 1/2) log((m + 1) / (r (n - m + 1))) + fc(m) + fc(n - m)} with
     * {@code r = p / (1 - p)}. The ratio is close to 1, so it is evaluated as
     * {@code log1p(((m + 1) - (n + 2) p) / (p (n - m + 1)))}, the numerator by a fused multiply-add.
     */
    static double modeTerm(long n, double p, long mode) {
        double excess = -Math.fma(n + 2.0, p, -(mode + 1.0)); // (m + 1) - (n + 2) p, one rounding
        return (mode + 0.5) * Math.log1p(excess / (p * (n - mode + 1.0)))
                + stirlingCorrection(mode) + stirlingCorrection(n - mode);
    }

    /**
     * BTRD step 3.4: {@code log(f(k) / f(m)) = h + (n + 1) log(nm / nk) + (k + 1/2) log(nk r / (k + 1))
     * - fc(k) - fc(n - k)} with {@code nm = n - m + 1}, {@code nk = n - k + 1} and {@code h} from
     * {@link #modeTerm}. Near the mode both ratios are close to 1, so they are evaluated with
     * {@code log1p} ({@code nk r / (k + 1) = 1 + ((n + 2) p - (k + 1)) / ((k + 1)(1 - p))}); far
     * above the mode the second ratio tends to 0, where the direct quotient is the accurate form.
     *
     * <p>Accuracy: the two middle terms are each about {@code ±|k - m| / (1 - p)} and cancel, so the
     * absolute error is a few ulps of {@code |k - m|} (about 1e-9 for {@code |k - m|} = 10^6),
     * which changes an acceptance probability by a factor {@code 1 ± 1e-9}: far below anything a
     * sample could reveal.
     */
    static double logRatioToMode(long n, double p, long mode, long k, double modeTerm) {
        double q = 1 - p;
        double nk = n - k + 1.0;
        double shortfall = Math.fma(n + 2.0, p, -(k + 1.0)); // (n + 2) p - (k + 1), one rounding
        double relative = shortfall / ((k + 1) * q);
        double logOdds = relative > -0.5 ? Math.log1p(relative) : Math.log(nk * p / ((k + 1) * q));
        return modeTerm
                + (n + 1.0) * Math.log1p((k - mode) / nk)
                + (k + 0.5) * logOdds
                - stirlingCorrection(k) - stirlingCorrection(n - k);
    }

    /** {@code log(f(k) / f(mode))} for Binomial(n, p), p in (0, 0.5], as BTRD evaluates it. */
    static double logPmfRatio(long n, double p, long k) {
        long mode = mode(n, p);
        return logRatioToMode(n, p, mode, k, modeTerm(n, p, mode));
    }

    /** {@code fc(k) = log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2π)/2]}. */
    static double stirlingCorrection(long k) {
        if (k < STIRLING_CORRECTION.length) {
            return STIRLING_CORRECTION[(int) k];
        }
        // Stirling's series in x = k + 1 >= 17; the next term, 691 / (360360 x^11), is below 6e-17.
        double x = k + 1.0;
        double x2 = x * x;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * x2)) / x2) / x2) / x2) / x;
    }
}
