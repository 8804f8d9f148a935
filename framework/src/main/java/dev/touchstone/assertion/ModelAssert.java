package dev.touchstone.assertion;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.internal.BuiltInMetric;
import dev.touchstone.metric.internal.MetricDefinition.BuiltIn;
import dev.touchstone.model.Model;
import dev.touchstone.slice.Slice;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * The start of a quality statement: {@code assertThat(model)}. Choose the data (for models that
 * are not logged) and the slices, then the metric and the expectation.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ModelAssert extends AbstractAssert<ModelAssert, Model> {

    private final Dataset dataset;

    public ModelAssert(Model model) {
        this(Objects.requireNonNull(model, "model"), null);
    }

    private ModelAssert(Model model, Dataset dataset) {
        super(model, ModelAssert.class);
        this.dataset = dataset;
    }

    /** Evaluate on {@code data} (required for models that are not logged). */
    public ModelAssert on(Dataset data) {
        ModelAssert copy = new ModelAssert(actual, Objects.requireNonNull(data, "dataset"));
        String description = descriptionText();
        return description == null || description.isEmpty() ? copy : copy.as(description);
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

    private SliceAssert slices(Selection selection) {
        String description = descriptionText();
        Optional<String> text = description == null || description.isEmpty() ? Optional.empty() : Optional.of(description);
        return new SliceAssert(new Statement(actual, dataset, selection, BuiltIn.of(BuiltInMetric.SIZE), text));
    }
}
