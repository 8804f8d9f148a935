package dev.touchstone.assertion;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import dev.touchstone.model.Model;
import dev.touchstone.scope.OpenStatement;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.slice.Slice;
import dev.touchstone.slice.TimeWindows;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;
import org.jspecify.annotations.Nullable;

/**
 * The start of a quality statement: {@code assertThat(model)}. Choose the data (for models that
 * are not logged) and the slices, then the metric and the expectation.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ModelAssert implements Descriptable<ModelAssert> {

    private final Model model;
    private final @Nullable Dataset dataset;
    private final Optional<String> description;
    private final OpenStatement open;

    public ModelAssert(Model model) {
        this(Objects.requireNonNull(model, "model"), null, Optional.empty(),
                QualityScope.current().begin("assertThat(" + model.name() + ")"));
    }

    private ModelAssert(Model model, @Nullable Dataset dataset, Optional<String> description, OpenStatement open) {
        this.model = model;
        this.dataset = dataset;
        this.description = description;
        this.open = open;
    }

    /** Evaluate on {@code data} (required for models that are not logged). */
    public ModelAssert on(Dataset data) {
        return new ModelAssert(model, Objects.requireNonNull(data, "dataset"), description, open);
    }

    /** All examples. */
    public SliceAssert overall() {
        return slices(new Selection.Overall());
    }

    /**
     * A named slice of the dataset ({@code withSlice("night", ...)}), or {@code "column=value"}.
     * An unknown name fails with the names that exist.
     */
    public SliceAssert onSlice(String name) {
        Objects.requireNonNull(name, "slice name");
        return slices(new Selection.Named(name));
    }

    /** An ad-hoc slice: {@code onSlice(where("hour").isLessThan(6))}. */
    public SliceAssert onSlice(Slice slice) {
        return slices(new Selection.AdHoc(Objects.requireNonNull(slice, "slice")));
    }

    /**
     * One slice per distinct value of {@code column}, named {@code column=value}, in natural
     * order of the values. Every slice is judged; one error lists all that did not pass.
     */
    public SliceAssert onEachSliceOf(String column) {
        Objects.requireNonNull(column, "column");
        return slices(new Selection.EachValueOf(column));
    }

    /**
     * One slice per time window of {@code length} over the timestamp {@code column} (ISO-8601
     * text or epoch seconds or milliseconds), named {@code column@2026-12-01T00:00Z/P1D}; see
     * {@link TimeWindows} for how windows are aligned. Windows run from the first timestamp to
     * the last, empty ones included; rows without a timestamp form a last slice.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Calendar windows (days, weeks, months) in UTC; see {@link TimeWindows}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Windows as described by {@code windows}, e.g. {@code TimeWindows.of("ts", Period.ofMonths(1)).inZone(zone)}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onEachWindowOf(TimeWindows windows) {
        return windowed(Objects.requireNonNull(windows, "windows"), false);
    }

    /** Only the window that holds the dataset's last timestamp. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the calendar window that holds the dataset's last timestamp. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the last of {@code windows}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public SliceAssert onLastWindowOf(TimeWindows windows) {
        return windowed(Objects.requireNonNull(windows, "windows"), true);
    }

    /** Describes the statement; the description heads its messages and results. */
    @Override
    public ModelAssert describedAs(Description newDescription) {
        return new ModelAssert(model, dataset, Optional.ofNullable(newDescription).map(Description::value)
                .filter(text -> !text.isEmpty()), open);
    }

    private SliceAssert windowed(TimeWindows windows, boolean lastOnly) {
        return slices(new Selection.Windowed(new Selection.Overall(), windows, lastOnly));
    }

    private SliceAssert slices(Selection selection) {
        return new SliceAssert(new Statement(model, dataset, selection, MetricSpec.of(BuiltInMetrics.SIZE), description,
                open.then("." + selection.stage())));
    }
}
