package dev.touchstone.assertion;

import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceResolver;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.slice.Slice;
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
}
