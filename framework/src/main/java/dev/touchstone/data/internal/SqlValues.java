package dev.touchstone.data.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How values of a typed source (a JDBC result, a Parquet file read through DuckDB) become the
 * text and number Touchstone works with. One place, so that the in-memory path and the
 * pushed-down aggregates name every class, slice value and id the same way.
 *
 * <p>A source keeps its types: a numeric SQL column is a number, a text column is text even when
 * its values look like numbers ({@code '007'} stays {@code 007}). A number's text is its shortest
 * exact spelling: whole doubles without {@code .0} ({@code 6}, as CSV columns group them),
 * {@code Float} by {@code Float.toString} (0.1f is "0.1"), decimals as written ({@code 1.50}).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SqlValues {

    private SqlValues() {
    }

    /** Whether a column of this {@link Types} code is read as numbers. */
    public static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    /**
     * Whether a numeric column of this type may hold NaN or an infinity: floating point, and
     * PostgreSQL's {@code numeric}, which has both.
     */
    public static boolean mayHoldNaN(int sqlType) {
        return switch (sqlType) {
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    /** Whether a column of this type holds text, which SQL compares as written. */
    public static boolean isCharacter(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
            default -> false;
        };
    }

    /** The value's text, or {@code null} for SQL NULL. */
    public static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return numberText(d);
        }
        if (value instanceof Float f) {
            double d = f;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Float.toString(f);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    /** The number of a numeric value (NaN for a non-number): a {@code Float} as its decimal text reads. */
    public static double number(Object value) {
        if (value instanceof Float f) {
            return Double.parseDouble(Float.toString(f));
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }

    /** The canonical text of a double: {@code 6} for 6.0, else {@link Double#toString}. */
    public static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Whether a whole number would lose digits as a double. */
    static boolean exceedsDouble(Object value) {
        if (value instanceof Long l) {
            return Math.abs(l) > (1L << 53);
        }
        if (value instanceof BigInteger b) {
            return b.abs().bitLength() > 53;
        }
        if (value instanceof BigDecimal d) {
            return new BigDecimal(d.doubleValue()).compareTo(d) != 0;
        }
        return false;
    }
}
