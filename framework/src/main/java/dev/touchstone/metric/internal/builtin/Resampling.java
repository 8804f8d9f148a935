package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

/**
 * How a statement's bootstrap draws: the number of resamples, the run's seed, and the name of
 * the statement's own random stream (so that results do not depend on the order statements run in).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Resampling(int resamples, long seed, String stream) {

    /** The stream of a derived computation (a comparison, one class of an average). */
    public Resampling substream(String suffix) {
        return new Resampling(resamples, seed, stream + '\u0000' + suffix);
    }
}
