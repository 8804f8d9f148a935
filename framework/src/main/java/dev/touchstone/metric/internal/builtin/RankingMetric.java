package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import dev.touchstone.stats.internal.Alternative;
import dev.touchstone.stats.internal.ComparisonTest;
import java.util.Set;

/**
 * A metric of how the positive-class score ranks positives above negatives (ROC AUC, average
 * precision). Each defines its own interval and paired test; unpaired comparisons use the
 * statistics its estimate records.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract non-sealed class RankingMetric extends BuiltInMetric {

    RankingMetric(String id, Set<Averaging.Kind> averagings) {
        super(id, true, Range.UNIT, averagings);
    }

    @Override
    public Input input(Averaging averaging) {
        return Input.SCORES;
    }

    /** The metric on a slice with at least one example; {@code sample}'s arrays may be reordered. */
    public abstract Estimate estimate(ScoreSample sample, Resampling resampling);

    /**
     * The same estimate from the slice's score histogram (an engine's aggregate): equal, to the
     * last bit, to {@link #estimate(ScoreSample, Resampling)} on the examples it counts.
     */
    public abstract Estimate estimate(ScoreCounts counts, Resampling resampling);

    /**
     * A paired test of two score vectors on the same examples; the difference is model minus
     * reference, {@code margin} the tolerated drop.
     */
    public abstract ComparisonTest pairedTest(double[] model, double[] reference, boolean[] positive, double margin,
            Alternative alternative, double level, Resampling resampling);

    /**
     * The metric averaged over one-vs-rest problems of a multi-class slice ({@code kind} is MACRO or
     * WEIGHTED): {@code label[i]} is a code into {@code classes}, {@code scores[c][i]} the score of class
     * {@code c}. Only metrics that offer these averagings implement it.
     */
    public Estimate estimateAveraged(int[] label, double[][] scores, Averaging.Kind kind, java.util.List<String> classes) {
        throw new UnsupportedOperationException(id() + " is not averaged over classes");
    }

    /** The paired test of two models' averaged metric on the same examples. */
    public ComparisonTest pairedTestAveraged(int[] label, double[][] model, double[][] reference, Averaging.Kind kind,
            double margin, Alternative alternative, double level) {
        throw new UnsupportedOperationException(id() + " is not averaged over classes");
    }

    @Override
    public final <R> R accept(Family<R> family) {
        return family.ranking(this);
    }

}
