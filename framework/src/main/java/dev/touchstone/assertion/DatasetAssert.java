package dev.touchstone.assertion;

import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import dev.touchstone.scope.OpenStatement;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.slice.TimeWindows;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

/**
 * The start of a statement about a dataset's columns: {@code assertThat(current)}. Choose the
 * slices (every slice is compared with the same slice of the reference), then the columns:
 *
 * <pre>{@code
 * assertThat(current).column("age").hasNoDriftFrom(reference).byKolmogorovSmirnov();
 * assertThat(logs).onEachSliceOf("segment").onLastWindowOf("timestamp", Period.ofWeeks(1))
 *         .columns("session_length", "device").hasNoDriftFrom(training).byPopulationStabilityIndex();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DatasetAssert implements Descriptable<DatasetAssert> {

    private final Dataset data;
    private final Selection selection;
    private final Optional<String> description;
    private final OpenStatement open;

    public DatasetAssert(Dataset data) {
        this(Objects.requireNonNull(data, "dataset"), new Selection.Overall(), Optional.empty(),
                QualityScope.current().begin("assertThat(" + data.name() + ")"));
    }

    private DatasetAssert(Dataset data, Selection selection, Optional<String> description, OpenStatement open) {
        this.data = data;
        this.selection = selection;
        this.description = description;
        this.open = open;
    }

    /** All rows (the default). */
    public DatasetAssert overall() {
        return with(new Selection.Overall());
    }

    /** A named slice of the dataset, or {@code column=value}. */
    public DatasetAssert onSlice(String name) {
        return with(new Selection.Named(Objects.requireNonNull(name, "slice name")));
    }

    /** One slice per value of {@code column}, each compared with the same slice of the reference. */
    public DatasetAssert onEachSliceOf(String column) {
        return with(new Selection.EachValueOf(Objects.requireNonNull(column, "column")));
    }

    /** Each slice cut into time windows of {@code length}; see {@link TimeWindows}. */
    public DatasetAssert onEachWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Each slice cut into calendar windows of {@code length}; see {@link TimeWindows}. */
    public DatasetAssert onEachWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), false);
    }

    /** Only the window of the dataset's last timestamp, of each slice. */
    public DatasetAssert onLastWindowOf(String column, Duration length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the calendar window of the dataset's last timestamp, of each slice. */
    public DatasetAssert onLastWindowOf(String column, Period length) {
        return windowed(TimeWindows.of(column, length), true);
    }

    /** Only the last of {@code windows}, of each slice. */
    public DatasetAssert onLastWindowOf(TimeWindows windows) {
        return windowed(Objects.requireNonNull(windows, "windows"), true);
    }

    /** The distribution of one column. */
    public ColumnAssert column(String column) {
        return columns(column);
    }

    /** The distributions of several columns; one family for the multiplicity correction. */
    public ColumnAssert columns(String... columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one column");
        }
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("a column name must not be blank");
            }
        }
        return new ColumnAssert(new DatasetAssert(data, selection, description,
                open.then(".columns(" + String.join(", ", columns) + ")")), List.of(columns));
    }

    @Override
    public DatasetAssert describedAs(Description newDescription) {
        return new DatasetAssert(data, selection, Optional.ofNullable(newDescription).map(Description::value)
                .filter(text -> !text.isEmpty()), open);
    }

    Dataset data() {
        return data;
    }

    Selection selection() {
        return selection;
    }

    Optional<String> description() {
        return description;
    }

    /** The statement as written so far; a drift method finishes it. */
    OpenStatement open() {
        return open;
    }

    /** Datasets are sliced through the same evaluation core as models: a logged "model" of the data itself. */
    static Model asModel(Dataset dataset) {
        return Model.logged(dataset.name(), dataset);
    }

    private DatasetAssert with(Selection newSelection) {
        return new DatasetAssert(data, newSelection, description, open.then("." + newSelection.stage()));
    }

    private DatasetAssert windowed(TimeWindows windows, boolean lastOnly) {
        if (selection instanceof Selection.Windowed w) {
            throw new IllegalStateException("the statement is already cut into time windows (" + w.windows() + ")");
        }
        return with(new Selection.Windowed(selection, windows, lastOnly));
    }
}
