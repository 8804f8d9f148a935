package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import dev.touchstone.stats.internal.AucEstimate;
import dev.touchstone.stats.internal.Bootstrap;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Percentiles;
import dev.touchstone.stats.internal.ProportionIntervals;
import java.util.OptionalLong;
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

    /**
     * About how many examples (the slice has {@code n}) would make the {@code level} interval
     * clear {@code bound} on the side where the estimate lies, if the estimate stayed: empty when
     * the interval already clears it, when no number would, or when it cannot be told. By default
     * half-widths shrink like 1/√n.
     */
    default OptionalLong examplesToClear(double estimate, double bound, long n, double level) {
        return scaled(estimate, at(level), bound, n);
    }

    /** Interval half-widths shrink like 1/√n: the interval clears the bound at n · (half-width / distance)². */
    static OptionalLong scaled(double estimate, Interval interval, double bound, long n) {
        double distance = Math.abs(estimate - bound);
        double half = estimate >= bound ? estimate - interval.low() : interval.high() - estimate;
        if (distance == 0 || n == 0 || Double.isNaN(half)) {
            return OptionalLong.empty();
        }
        double needed = Math.ceil(n * Math.pow(half / distance, 2));
        return needed > n && Double.isFinite(needed) ? OptionalLong.of((long) needed) : OptionalLong.empty();
    }

    /** Wilson's interval, whose examples-to-decide is solved exactly: it is cheap and 1/√n is off at small n. */
    static IntervalSource wilson(long successes, long trials) {
        return new IntervalSource() {
            @Override
            public Interval at(double level) {
                return ProportionIntervals.wilson(successes, trials, level);
            }

            @Override
            public OptionalLong examplesToClear(double estimate, double bound, long n, double level) {
                if (trials == 0) {
                    return OptionalLong.empty();
                }
                long neededTrials = ProportionIntervals.wilsonTrialsToClear((double) successes / trials, bound, level);
                if (neededTrials <= trials) {
                    return OptionalLong.empty();
                }
                // the metric's trials are a share of the slice (recall: its positives); scale to the slice
                double needed = Math.ceil((double) n * neededTrials / trials);
                return Double.isFinite(needed) && neededTrials < Long.MAX_VALUE ? OptionalLong.of((long) needed)
                        : OptionalLong.empty();
            }
        };
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
        return new Bootstrapped(() -> new Bootstrap.Draw(replicates.get(), method));
    }

    /** Bootstrap replicates whose method is known once they are drawn (which scheme applied). */
    static IntervalSource bootstrapped(Supplier<Bootstrap.Draw> draw) {
        return new Bootstrapped(draw);
    }

    /** The interval of {@code source} with its bounds clipped to the metric's range. */
    static IntervalSource clipped(IntervalSource source, Range range) {
        return new IntervalSource() {
            @Override
            public Interval at(double level) {
                Interval i = source.at(level);
                return new Interval(Double.isNaN(i.low()) ? i.low() : range.clip(i.low()),
                        Double.isNaN(i.high()) ? i.high() : range.clip(i.high()), i.level(), i.method());
            }

            @Override
            public int undefinedReplicates() {
                return source.undefinedReplicates();
            }

            @Override
            public OptionalLong examplesToClear(double estimate, double bound, long n, double level) {
                return IntervalSource.scaled(estimate, at(level), bound, n);
            }
        };
    }

    final class Bootstrapped implements IntervalSource {
        private final Supplier<Bootstrap.Draw> draw;
        private volatile double[] sorted;
        private volatile String method;
        private volatile int undefined;

        Bootstrapped(Supplier<Bootstrap.Draw> draw) {
            this.draw = draw;
        }

        @Override
        public Interval at(double level) {
            double[] replicates = sorted;
            if (replicates == null) {
                synchronized (this) {
                    replicates = sorted;
                    if (replicates == null) {
                        Bootstrap.Draw drawn = draw.get();
                        replicates = drawn.replicates();
                        java.util.Arrays.sort(replicates);
                        method = drawn.method();
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
