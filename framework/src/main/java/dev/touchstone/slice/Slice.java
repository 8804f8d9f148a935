package dev.touchstone.slice;

import dev.touchstone.data.table.Table;
import dev.touchstone.slice.internal.SliceAccess;
import dev.touchstone.slice.internal.SqlColumns;
import java.util.BitSet;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A subset of a dataset's rows, defined by conditions on columns:
 * {@code where("hour").isLessThan(6).or(where("hour").isAtLeast(20))}. Slices are immutable
 * descriptions; rows are selected when a statement is evaluated.
 *
 * <p>A missing value never satisfies a comparison, so {@code where("x").isLessThan(6)} and
 * {@code where("x").isAtLeast(6)} both leave out rows where {@code x} is missing, while
 * {@code not()} takes the complement and so includes them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class Slice {

    static {
        SliceAccess.install(Slice::select, Slice::sql);
    }

    Slice() {
    }

    /** Rows in this slice and in {@code other}. */
    public Slice and(Slice other) {
        return new Combined(this, Objects.requireNonNull(other, "other"), true);
    }

    /** Rows in this slice or in {@code other}. */
    public Slice or(Slice other) {
        return new Combined(this, Objects.requireNonNull(other, "other"), false);
    }

    /** Rows not in this slice. */
    public Slice not() {
        return new Negated(this);
    }

    /** Rows not in {@code slice}: {@code not(where("camera").isEqualTo("rear"))}. */
    public static Slice not(Slice slice) {
        return slice.not();
    }

    /** A readable definition, such as {@code hour < 6 or hour >= 20}. */
    public abstract String describe();

    /** The rows of {@code table} in this slice (see {@link SliceAccess#select}). */
    abstract BitSet select(Table table);

    /** This slice as a two-valued SQL condition (see {@link SliceAccess#sql}). */
    abstract String sql(SqlColumns columns);

    @Override
    public final String toString() {
        return describe();
    }

    private static final class Combined extends Slice {
        private final Slice left;
        private final Slice right;
        private final boolean and;

        Combined(Slice left, Slice right, boolean and) {
            this.left = left;
            this.right = right;
            this.and = and;
        }

        @Override
        public String describe() {
            return wrap(left) + (and ? " and " : " or ") + wrap(right);
        }

        private String wrap(Slice s) {
            return s instanceof Combined c && c.and != and ? "(" + s.describe() + ")" : s.describe();
        }

        @Override
        String sql(SqlColumns columns) {
            return "(" + left.sql(columns) + (and ? " AND " : " OR ") + right.sql(columns) + ")";
        }

        @Override
        BitSet select(Table table) {
            BitSet rows = left.select(table);
            if (and) {
                rows.and(right.select(table));
            } else {
                rows.or(right.select(table));
            }
            return rows;
        }
    }

    private static final class Negated extends Slice {
        private final Slice inner;

        Negated(Slice inner) {
            this.inner = inner;
        }

        @Override
        public String describe() {
            return "not (" + inner.describe() + ")";
        }

        @Override
        String sql(SqlColumns columns) {
            return "(NOT " + inner.sql(columns) + ")";
        }

        @Override
        BitSet select(Table table) {
            BitSet rows = inner.select(table);
            rows.flip(0, table.rowCount());
            return rows;
        }
    }
}
