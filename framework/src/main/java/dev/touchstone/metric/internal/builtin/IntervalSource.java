package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import dev.touchstone.stats.internal.AucEstimate;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Percentiles;
import dev.touchstone.stats.internal.ProportionIntervals;
import java.util.function.Supplier;

/**
 * Gives a metric's interval at any confidence level. Bootstrap replicates are drawn once, on
 * first use, and reused for every level, so {@code withConfidence(c)} costs nothing extra.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public interface IntervalSource {

    Interval at(double level);

    /** Bootstrap replicates where the metric was undefined and that were left out; 0 otherwise. */
    default int undefinedReplicates() {
        return 0;
    }

    static IntervalSource wilson(long successes, long trials) {
        return level -> ProportionIntervals.wilson(successes, trials, level);
    }

    static IntervalSource delong(AucEstimate estimate) {
        return estimate::interval;
    }

    static IntervalSource exact(double value) {
        return level -> new Interval(value, value, level, "exact");
    }

    static IntervalSource undefined(String method) {
        return level -> Interval.undefined(level, method);
    }

    static IntervalSource bootstrap(String method, Supplier<double[]> replicates) {
        return new Bootstrapped(method, replicates);
    }

    final class Bootstrapped implements IntervalSource {
        private final String method;
        private final Supplier<double[]> draw;
        private volatile double[] sorted;
        private volatile int undefined;

        Bootstrapped(String method, Supplier<double[]> draw) {
            this.method = method;
            this.draw = draw;
        }

        @Override
        public Interval at(double level) {
            double[] replicates = sorted;
            if (replicates == null) {
                synchronized (this) {
                    replicates = sorted;
                    if (replicates == null) {
                        replicates = draw.get();
                        java.util.Arrays.sort(replicates);
                        sorted = replicates;
                    }
                }
            }
            Percentiles.Summary summary = Percentiles.summarize(replicates.clone(), level);
            undefined = summary.undefinedReplicates();
            Interval interval = summary.interval();
            return new Interval(interval.low(), interval.high(), level, method);
        }

        @Override
        public int undefinedReplicates() {
            return undefined;
        }
    }
}
