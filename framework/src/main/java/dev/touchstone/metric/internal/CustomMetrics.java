package dev.touchstone.metric.internal;

import dev.touchstone.metric.MetricInput;
import dev.touchstone.metric.internal.builtin.Estimate;
import dev.touchstone.metric.internal.builtin.IntervalSource;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.stats.internal.Bootstrap;
import java.util.List;

/** User-defined metrics: computed on a view of the slice, intervals by resampling its rows. */
final class CustomMetrics {

    private CustomMetrics() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, MetricSpec.Custom custom, Resampling r) {
        String name = custom.name();
        int m = slice.size();
        if (m == 0) {
            return SliceEstimate.empty(name, slice, List.of());
        }
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = slice.row(i);
        }
        double value = custom.metric().compute(new View(outcomes, rows));
        if (Double.isNaN(value)) {
            return SliceEstimate.of(name, slice, Estimate.undefined(value, "metric '" + name
                    + "' returned NaN on this slice", "none"));
        }
        return SliceEstimate.of(name, slice, Estimate.defined(value, IntervalSource.bootstrap(Bootstrap.PERCENTILE,
                () -> Bootstrap.ofRows(m, r.resamples(), r.seed(), r.stream(), drawn -> {
                    int[] resampled = new int[m];
                    for (int i = 0; i < m; i++) {
                        resampled[i] = rows[drawn[i]];
                    }
                    return custom.metric().compute(new View(outcomes, resampled));
                }))));
    }

    /** A slice (or a resample of it) as {@link MetricInput}: index i maps to table row rows[i]. */
    private static final class View implements MetricInput {
        private final Outcomes outcomes;
        private final int[] rows;

        View(Outcomes outcomes, int[] rows) {
            this.outcomes = outcomes;
            this.rows = rows;
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public String label(int i) {
            ClassOutcomes c = outcomes.classification();
            return c.classes[c.label[rows[i]]];
        }

        @Override
        public String predicted(int i) {
            ClassOutcomes c = outcomes.classification();
            return c.classes[c.requirePredicted("predicted(i)")[rows[i]]];
        }

        @Override
        public double score(int i) {
            return outcomes.classification().scores()[rows[i]];
        }

        @Override
        public double target(int i) {
            return outcomes.regression().target[rows[i]];
        }

        @Override
        public double estimate(int i) {
            return outcomes.regression().estimate[rows[i]];
        }
    }
}
