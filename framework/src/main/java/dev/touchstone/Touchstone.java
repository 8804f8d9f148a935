package dev.touchstone;

import dev.touchstone.assertion.ModelAssert;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.model.Model;
import dev.touchstone.slice.ColumnCondition;
import dev.touchstone.slice.Slice;
import org.apiguardian.api.API;

/**
 * The entry point of quality statements:
 *
 * <pre>{@code
 * import static dev.touchstone.Touchstone.assertThat;
 * import static dev.touchstone.Touchstone.where;
 *
 * assertThat(detector).onSlice("night").recall().withConfidence(0.95).isAbove(0.9);
 * assertThat(detector).onEachSliceOf("camera").accuracy().isAtLeast(0.8);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Touchstone {

    private Touchstone() {
    }

    /** Touchstone's version, as recorded in results files. */
    public static String version() {
        return TouchstoneVersion.current();
    }

    /** Starts a statement about {@code model}'s quality. */
    public static ModelAssert assertThat(Model model) {
        return new ModelAssert(model);
    }

    /** Starts a slice definition on {@code column}: {@code where("hour").isLessThan(6)}. */
    public static ColumnCondition where(String column) {
        return ColumnCondition.where(column);
    }

    /** The rows not in {@code slice}. */
    public static Slice not(Slice slice) {
        return slice.not();
    }
}
