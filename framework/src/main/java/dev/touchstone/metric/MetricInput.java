package dev.touchstone.metric;

import org.apiguardian.api.API;

/**
 * The examples of one slice as a {@link Metric} sees them, indexed {@code 0 .. size()-1}.
 * Classification data answers {@link #label}/{@link #predicted} (and {@link #score} when the
 * dataset has scores); regression data answers {@link #target}/{@link #estimate}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface MetricInput {

    int size();

    /** The true class of example {@code i}. */
    String label(int i);

    /** The predicted class of example {@code i}. */
    String predicted(int i);

    /** The positive-class score of example {@code i}; fails if the dataset has no scores. */
    double score(int i);

    /** The true value of example {@code i} (regression). */
    double target(int i);

    /** The predicted value of example {@code i} (regression). */
    double estimate(int i);
}
