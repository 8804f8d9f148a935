package dev.touchstone.stats.internal;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apiguardian.api.API;

/**
 * Exact sampling of Multinomial(n, p_1..p_k) by conditional binomials, at a cost of O(k)
 * binomial draws whatever n is.
 *
 * <p>This is what makes the bootstrap of confusion-matrix metrics cheap: a
 * resample of N rows only matters through its k×k cell counts, and those counts are
 * Multinomial(N, observed cell shares). Drawing them directly costs the same for 100 rows as for
 * a billion.
 *
 * <p>The decomposition: {@code X_1 ~ Binomial(n, p_1)}, then
 * {@code X_i ~ Binomial(n - X_1 - ... - X_{i-1}, p_i / (p_i + ... + p_k))}. The conditional
 * probabilities are computed from suffix sums (not from {@code 1 - p_1 - ... - p_{i-1}}, which
 * cancels catastrophically when the remaining mass is tiny); the last category with positive
 * probability gets conditional probability exactly 1, so the counts always sum to n and
 * categories with probability 0 always get 0.
 *
 * <p>An instance precomputes the conditional probabilities once, for repeated resampling of the
 * same table; the static {@link #sample(UniformRandomProvider, long, double[], long[])} is the
 * one-shot form.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MultinomialSampler {

    /** Tolerated deviation of the sum of the probabilities from 1 (rounding of count / n). */
    private static final double SUM_TOLERANCE = 1e-9;

    private final double[] conditional;

    private MultinomialSampler(double[] conditional) {
        this.conditional = conditional;
    }

    /**
     * A sampler for the given category probabilities. They must be finite, non-negative and sum
     * to 1 within 1e-9 (so that passing counts instead of shares fails loudly); the small rounding
     * residue is absorbed by normalising.
     *
     * @throws IllegalArgumentException if the probabilities are empty or invalid
     */
    public static MultinomialSampler of(double[] probabilities) {
        Objects.requireNonNull(probabilities, "probabilities must not be null");
        int k = probabilities.length;
        if (k == 0) {
            throw new IllegalArgumentException("probabilities must not be empty");
        }
        for (int i = 0; i < k; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(
                        "probabilities must be in [0, 1] but probabilities[" + i + "] was " + p);
            }
        }
        double[] conditional = new double[k];
        double suffix = 0;
        for (int i = k - 1; i >= 0; i--) {
            suffix += probabilities[i];
            conditional[i] = suffix > 0 ? Math.min(1.0, probabilities[i] / suffix) : 0.0;
        }
        if (!(Math.abs(suffix - 1) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("probabilities must sum to 1 but sum to " + suffix);
        }
        return new MultinomialSampler(conditional);
    }

    /** {@code p_i / (p_i + ... + p_k)}, the probability of category i given it is not an earlier one. */
    double conditionalProbability(int i) {
        return conditional[i];
    }

    /** The number of categories. */
    public int categories() {
        return conditional.length;
    }

    /**
     * Draws the counts of {@code n} trials into {@code out}.
     *
     * @param out receives the counts; its length must equal {@link #categories()}
     * @throws IllegalArgumentException if n is negative or above {@link BinomialSampler#MAX_TRIALS},
     *     or {@code out} has the wrong length
     */
    public void sample(UniformRandomProvider rng, long n, long[] out) {
        Objects.requireNonNull(rng, "rng must not be null");
        Objects.requireNonNull(out, "out must not be null");
        if (out.length != conditional.length) {
            throw new IllegalArgumentException("out must have one slot per category (" + conditional.length
                    + ") but has " + out.length);
        }
        if (n < 0 || n > BinomialSampler.MAX_TRIALS) {
            throw new IllegalArgumentException("number of trials must be in [0, 2^52] but was " + n);
        }
        long remaining = n;
        for (int i = 0; i < conditional.length; i++) {
            long count = remaining == 0 ? 0 : BinomialSampler.sample(rng, remaining, conditional[i]);
            out[i] = count;
            remaining -= count;
        }
    }

    /**
     * One draw of Multinomial(n, probabilities) into {@code out}; see {@link #of(double[])} for the
     * requirements on {@code probabilities}. Costs O(k) regardless of n.
     */
    public static void sample(UniformRandomProvider rng, long n, double[] probabilities, long[] out) {
        of(probabilities).sample(rng, n, out);
    }
}
