package dev.touchstone.assertion;

import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceResolver;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.metric.internal.WindowResolver;
import dev.touchstone.slice.Slice;
import dev.touchstone.slice.TimeWindows;
import java.util.ArrayList;
import java.util.List;

/** Which slices a statement covers; resolved to rows only when the statement is evaluated. */
sealed interface Selection {

    List<SliceRows> resolve(Outcomes outcomes);

    /** True when the statement covers a single slice, so {@code actual()} makes sense. */
    boolean single();

    /** The DSL call that chose it, for messages: {@code onSlice(night)}. */
    String stage();

    record Overall() implements Selection {
        @Override
        public String stage() {
            return "overall()";
        }

        @Override
        public List<SliceRows> resolve(Outcomes outcomes) {
            return List.of(SliceResolver.overall(outcomes));
        }

        @Override
        public boolean single() {
            return true;
        }
    }

    record Named(String name) implements Selection {
        @Override
        public String stage() {
            return "onSlice(" + name + ")";
        }

        @Override
        public List<SliceRows> resolve(Outcomes outcomes) {
            return List.of(SliceResolver.named(outcomes, name));
        }

        @Override
        public boolean single() {
            return true;
        }
    }

    record AdHoc(Slice slice) implements Selection {
        @Override
        public String stage() {
            return "onSlice(" + slice + ")";
        }

        @Override
        public List<SliceRows> resolve(Outcomes outcomes) {
            return List.of(SliceResolver.adHoc(outcomes, slice));
        }

        @Override
        public boolean single() {
            return true;
        }
    }

    record EachValueOf(String column) implements Selection {
        @Override
        public String stage() {
            return "onEachSliceOf(" + column + ")";
        }

        @Override
        public List<SliceRows> resolve(Outcomes outcomes) {
            return SliceResolver.eachValueOf(outcomes, column);
        }

        @Override
        public boolean single() {
            return false;
        }
    }

    /**
     * The slices of {@code base}, each cut into time windows: every window ({@code lastOnly}
     * false, plus a slice of the rows without a timestamp when there are any), or only the
     * window of the dataset's last timestamp.
     */
    record Windowed(Selection base, TimeWindows windows, boolean lastOnly) implements Selection {
        /** Only this stage's call: the base's stage is already part of the statement's text. */
        @Override
        public String stage() {
            return (lastOnly ? "onLastWindowOf(" : "onEachWindowOf(") + windows + ")";
        }

        @Override
        public List<SliceRows> resolve(Outcomes outcomes) {
            List<SliceRows> slices = new ArrayList<>();
            for (SliceRows slice : base.resolve(outcomes)) {
                WindowResolver.Windows cut = WindowResolver.windows(outcomes, slice, windows);
                if (lastOnly) {
                    SliceRows last = cut.last().rows();
                    if (!cut.missing().isEmpty()) {
                        last = new SliceRows(last.name(), last.definition() + " (" + cut.missing().size()
                                + " rows without a timestamp are in no window)", last.rows(), last.size());
                    }
                    slices.add(last);
                    continue;
                }
                cut.windows().forEach(w -> slices.add(w.rows()));
                if (!cut.missing().isEmpty()) {
                    slices.add(cut.missing());
                }
            }
            return slices;
        }

        @Override
        public boolean single() {
            return lastOnly && base.single();
        }
    }
}
