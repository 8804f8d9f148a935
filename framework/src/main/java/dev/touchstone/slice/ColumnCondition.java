package dev.touchstone.slice;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The start of a slice definition, {@code where("column")}: pick a condition to get a
 * {@link Slice}. Order comparisons need a numeric column; equality works on any column.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ColumnCondition {

    private final String column;

    private ColumnCondition(String column) {
        this.column = column;
    }

    public static ColumnCondition where(String column) {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        return new ColumnCondition(column);
    }

    public Slice isEqualTo(Object value) {
        return new Comparison(column, Comparison.Op.EQ, List.of(Objects.requireNonNull(value, "value")));
    }

    public Slice isNotEqualTo(Object value) {
        return new Comparison(column, Comparison.Op.NE, List.of(Objects.requireNonNull(value, "value")));
    }

    public Slice isIn(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("isIn needs at least one value for column '" + column + "'");
        }
        return new Comparison(column, Comparison.Op.IN, Arrays.asList(values.clone()));
    }

    public Slice isLessThan(double value) {
        return new Comparison(column, Comparison.Op.LT, List.of(value));
    }

    public Slice isAtMost(double value) {
        return new Comparison(column, Comparison.Op.LE, List.of(value));
    }

    public Slice isGreaterThan(double value) {
        return new Comparison(column, Comparison.Op.GT, List.of(value));
    }

    public Slice isAtLeast(double value) {
        return new Comparison(column, Comparison.Op.GE, List.of(value));
    }

    /** {@code low <= x <= high}. */
    public Slice isBetween(double low, double high) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("isBetween on column '" + column + "' needs low <= high but got "
                    + low + " and " + high);
        }
        return new Comparison(column, Comparison.Op.BETWEEN, List.of(low, high));
    }

    /** Rows where the column has no value. */
    public Slice isMissing() {
        return new Comparison(column, Comparison.Op.MISSING, List.of());
    }
}
