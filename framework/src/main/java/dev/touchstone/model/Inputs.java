package dev.touchstone.model;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of an adapter, each filled from a dataset column ({@code .input(name, column)}), and
 * the one check of a column a request reads. Immutable.
 */
final class Inputs {

    private static final String NO_COLUMN = "%s: %s, but %s has no such column; the columns are %s";
    private static final String MISSING = "%s: %s is missing; every input of an endpoint needs a value";
    private static final String DUPLICATE = "%s '%s' is already set (to column '%s')";

    /** Input {@code name} holds column {@code column}. */
    record Input(String name, String column) {
    }

    private final String kind;
    private final List<Input> inputs;

    private Inputs(String kind, List<Input> inputs) {
        this.kind = kind;
        this.inputs = List.copyOf(inputs);
    }

    /** No inputs yet; {@code kind} is how messages call one: "input tensor", "input". */
    static Inputs none(String kind) {
        return new Inputs(kind, List.of());
    }

    /** These inputs and one more; a name may be given once. */
    Inputs with(String name, String column) {
        EndpointModel.requireName(name, kind + " name");
        EndpointModel.requireName(column, "column");
        for (Input i : inputs) {
            if (i.name().equals(name)) {
                throw new IllegalArgumentException(String.format(DUPLICATE, kind, name, i.column()));
            }
        }
        List<Input> more = new ArrayList<>(inputs);
        more.add(new Input(name, column));
        return new Inputs(kind, more);
    }

    List<Input> list() {
        return inputs;
    }

    boolean isEmpty() {
        return inputs.isEmpty();
    }

    /** The column of every input, in order, each checked by {@link #column}. */
    List<Column> columns(Table table, String who) {
        List<Column> columns = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            columns.add(column(table, input.column(), who,
                    "input '" + input.name() + "' reads column '" + input.column() + "'"));
        }
        return columns;
    }

    /**
     * Column {@code name} of {@code table}, which must exist and have a value on every row: a
     * request cannot send a missing value.
     *
     * @param who how messages name the model: {@code model 'm' at http://...}
     * @param use what reads the column: {@code input 'text' reads column 'sentence'}
     */
    static Column column(Table table, String name, String who, String use) {
        Column column = table.findColumn(name).orElseThrow(() -> new QualityConfigurationException(
                String.format(NO_COLUMN, who, use, table.source(), table.columnNames())));
        for (int row = 0; row < table.rowCount(); row++) {
            if (column.isMissing(row)) {
                throw new QualityConfigurationException(String.format(MISSING, who, table.locate(row, name)));
            }
        }
        return column;
    }
}
