package dev.touchstone.assertion;

import dev.touchstone.data.Dataset;
import dev.touchstone.slice.PreviousWindows;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** One or more columns of a dataset: say what to compare their distributions with. */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class ColumnAssert {

    private final DatasetAssert data;
    private final List<String> columns;

    ColumnAssert(DatasetAssert data, List<String> columns) {
        this.data = data;
        this.columns = List.copyOf(columns);
    }

    /** Compared with the same slices of {@code reference} (training data, a reference period). */
    public DriftAssert hasNoDriftFrom(Dataset reference) {
        return new DriftAssert(data, columns, new DriftAssert.Reference.OfDataset(Objects.requireNonNull(reference,
                "reference")), DriftAssert.Options.DEFAULTS);
    }

    /** Each judged window compared with the pooled rows of the {@code previous.count()} windows before it. */
    public DriftAssert hasNoDriftFrom(PreviousWindows previous) {
        Objects.requireNonNull(previous, "previous windows");
        if (!(data.selection() instanceof Selection.Windowed)) {
            throw new IllegalStateException("a comparison with previous windows needs time windows first: "
                    + "onLastWindowOf(\"timestamp\", Period.ofDays(1)) or onEachWindowOf(...)");
        }
        return new DriftAssert(data, columns, new DriftAssert.Reference.Previous(previous), DriftAssert.Options.DEFAULTS);
    }
}
