package dev.touchstone.stats.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apiguardian.api.API;

/**
 * Confidence-based performance estimation (as NannyML's CBPE): with calibrated scores
 * pᵢ = P(yᵢ = positive | xᵢ), the confusion matrix a binary model will turn out to have is
 * expected to be E[TP] = Σ_{ŷ=1} pᵢ, E[FP] = Σ_{ŷ=1} (1 − pᵢ), E[FN] = Σ_{ŷ=0} pᵢ,
 * E[TN] = Σ_{ŷ=0} (1 − pᵢ), without a single label. The interval is that of the metric the
 * labels will give once they arrive, if the scores are calibrated: labels are drawn as
 * independent Bernoulli(pᵢ) (row by row while rows × draws ≤ {@value #ROW_DRAWS_LIMIT}, else
 * the two sums by their normal limits) and the metric's percentiles taken.
 *
 * <p>It all rests on calibration, which {@link #calibration} measures on labelled reference
 * data: the expected calibration error over 10 equal-width score bins, and whether the metric
 * the reference's labels gave lies inside the interval the estimate gives on the reference.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Cbpe {

    /** Simulate row by row up to this many rows × draws. */
    public static final long ROW_DRAWS_LIMIT = 20_000_000L;

    private Cbpe() {
    }

    /** The metrics CBPE estimates. */
    public enum Kind {
        ACCURACY, PRECISION, RECALL, F1;

        double of(double tp, double fp, double fn, double tn) {
            return switch (this) {
                case ACCURACY -> (tp + tn) / (tp + fp + fn + tn);
                case PRECISION -> tp / (tp + fp);
                case RECALL -> tp / (tp + fn);
                case F1 -> 2 * tp / (2 * tp + fp + fn);
            };
        }
    }

    /** The expected value, its interval, and the expected confusion counts. */
    public record Estimate(double value, double low, double high, double tp, double fp, double fn, double tn,
            String method) {
    }

    /** The expected-calibration error and the realized metric on labelled data. */
    public record Calibration(double expectedCalibrationError, double realized, Estimate estimated, boolean consistent) {
    }

    /**
     * @param scores            calibrated probabilities of the positive class, in [0, 1]
     * @param predictedPositive the model's prediction of each row
     */
    public static Estimate estimate(double[] scores, boolean[] predictedPositive, Kind kind, double level, int draws,
            long seed, String stream) {
        return estimate(scores, predictedPositive, kind, level, draws, Randomness.stream(seed, stream));
    }

    static Estimate estimate(double[] scores, boolean[] predictedPositive, Kind kind, double level, int draws,
            UniformRandomProvider random) {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        double vPos = 0;
        double vNeg = 0;
        long nPos = 0;
        long nNeg = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = scores[i];
            if (predictedPositive[i]) {
                tp += p;
                fp += 1 - p;
                vPos += p * (1 - p);
                nPos++;
            } else {
                fn += p;
                tn += 1 - p;
                vNeg += p * (1 - p);
                nNeg++;
            }
        }
        double value = kind.of(tp, fp, fn, tn);
        double[] replicates = new double[draws];
        int defined = 0;
        boolean rows = (long) scores.length * draws <= ROW_DRAWS_LIMIT;
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(random);
        for (int d = 0; d < draws; d++) {
            double dtp;
            double dfn;
            if (rows) {
                dtp = 0;
                dfn = 0;
                for (int i = 0; i < scores.length; i++) {
                    if (random.nextDouble() < scores[i]) {
                        if (predictedPositive[i]) {
                            dtp++;
                        } else {
                            dfn++;
                        }
                    }
                }
            } else {
                dtp = clamp(Math.rint(tp + Math.sqrt(vPos) * normal.sample()), 0, nPos);
                dfn = clamp(Math.rint(fn + Math.sqrt(vNeg) * normal.sample()), 0, nNeg);
            }
            double metric = kind.of(dtp, nPos - dtp, dfn, nNeg - dfn);
            if (Double.isFinite(metric)) {
                replicates[defined++] = metric;
            }
        }
        double[] kept = Arrays.copyOf(replicates, defined);
        Arrays.sort(kept);
        double low = defined == 0 ? Double.NaN : Percentiles.quantile(kept, (1 - level) / 2);
        double high = defined == 0 ? Double.NaN : Percentiles.quantile(kept, (1 + level) / 2);
        return new Estimate(value, low, high, tp, fp, fn, tn, rows ? "cbpe-simulated-labels" : "cbpe-normal-counts");
    }

    /**
     * How well {@code scores} are calibrated on labelled data: the expected calibration error
     * (Σ over 10 equal-width bins of |mean score − share of positives| weighted by the bin's share
     * of rows), and whether the metric the labels give lies in the estimate's interval.
     */
    public static Calibration calibration(double[] scores, boolean[] predictedPositive, boolean[] positive, Kind kind,
            double level, int draws, long seed, String stream) {
        UniformRandomProvider random = Randomness.stream(seed, stream);
        double[] sum = new double[10];
        double[] hits = new double[10];
        long[] count = new long[10];
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        for (int i = 0; i < scores.length; i++) {
            int bin = Math.min(9, (int) Math.floor(scores[i] * 10));
            sum[bin] += scores[i];
            hits[bin] += positive[i] ? 1 : 0;
            count[bin]++;
            if (predictedPositive[i]) {
                if (positive[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                ece += Math.abs(sum[b] - hits[b]) / scores.length;
            }
        }
        double realized = kind.of(tp, fp, fn, tn);
        Estimate estimated = estimate(scores, predictedPositive, kind, level, draws, random);
        boolean consistent = realized >= estimated.low() && realized <= estimated.high();
        return new Calibration(ece, realized, estimated, consistent);
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
