package dev.touchstone;

import dev.touchstone.assertion.DatasetAssert;
import dev.touchstone.assertion.ModelAssert;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import dev.touchstone.slice.ColumnCondition;
import dev.touchstone.slice.PreviousWindows;
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

    /**
     * Starts a statement about a dataset's columns, such as drift from a reference:
     * {@code assertThat(current).column("age").hasNoDriftFrom(reference).byKolmogorovSmirnov()}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static DatasetAssert assertThat(Dataset data) {
        return new DatasetAssert(data);
    }

    /** The {@code count} time windows before the judged one, as a reference: {@code isNotAnomalousComparedTo(previousWindows(14))}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static PreviousWindows previousWindows(int count) {
        return new PreviousWindows(count);
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
