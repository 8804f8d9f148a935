package dev.touchstone.data.table;

import org.apiguardian.api.API;

/**
 * One column of a loaded table: either categorical (dictionary-encoded text) or numeric.
 * Columns are immutable and shared by every copy of a {@link dev.touchstone.data.Dataset}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Column permits CategoricalColumn, NumericColumn {

    String name();

    int size();

    boolean isMissing(int row);

    /** The value as it was written in the source, or {@code null} when missing. */
    String text(int row);

    /** This column seen as categories (for labels, predictions and grouping). */
    CategoricalColumn asCategorical();
}
