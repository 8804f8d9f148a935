package dev.touchstone.slice;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.slice.internal.NotPushable;
import dev.touchstone.slice.internal.SqlColumns;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/** One condition on one column, evaluated over the column's arrays in a single pass. */
final class Comparison extends Slice {

    enum Op {
        EQ("="), NE("!="), IN("in"), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("between"), MISSING("is missing");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final String column;
    private final Op op;
    private final List<Object> values;

    Comparison(String column, Op op, List<Object> values) {
        this.column = column;
        this.op = op;
        this.values = values;
    }

    @Override
    public String describe() {
        return switch (op) {
            case IN -> column + " in " + values.stream().map(Comparison::text).collect(Collectors.joining(", ", "[", "]"));
            case BETWEEN -> column + " between " + text(values.get(0)) + " and " + text(values.get(1));
            case MISSING -> column + " is missing";
            default -> column + " " + op.symbol + " " + text(values.get(0));
        };
    }

    @Override
    BitSet select(Table table) {
        Column c = table.column(column);
        int n = table.rowCount();
        BitSet rows = new BitSet(n);
        switch (op) {
            case MISSING -> {
                for (int row = 0; row < n; row++) {
                    if (c.isMissing(row)) {
                        rows.set(row);
                    }
                }
            }
            case EQ, NE, IN -> selectEquality(c, rows, n);
            default -> selectOrder(table, c, rows, n);
        }
        return rows;
    }

    // Leaves are wrapped in COALESCE(..., FALSE): SQL's NULL (a missing value) satisfies no
    // comparison and NOT keeps it out, exactly as the bit sets do.
    @Override
    String sql(SqlColumns columns) {
        SqlColumns.Kind kind = columns.kind(column);
        if (kind == SqlColumns.Kind.ABSENT) {
            throw new NotPushable("the source has no column '" + column + "'");
        }
        if (kind == SqlColumns.Kind.OTHER && op != Op.MISSING) {
            throw new NotPushable("column '" + column + "' is neither text nor a number in the source, and is compared"
                    + " as text in memory");
        }
        String id = columns.identifier(column);
        return switch (op) {
            case MISSING -> "(" + id + " IS NULL)";
            case EQ, IN -> "COALESCE(" + equality(id, kind) + ", FALSE)";
            case NE -> "COALESCE(NOT " + equality(id, kind) + ", FALSE)";
            default -> order(id, kind);
        };
    }

    private String equality(String id, SqlColumns.Kind kind) {
        java.util.List<String> terms = new java.util.ArrayList<>();
        for (Object value : values) {
            String text = text(value);
            if (kind == SqlColumns.Kind.TEXT) {
                terms.add(id + " = '" + text.replace("'", "''") + "'");
                continue;
            }
            double number = number(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                // "NaN" or "Infinity" might match a value's spelling in memory; elsewhere text never equals a number
                if (text.contains("NaN") || text.contains("Infinity")) {
                    throw new NotPushable("slice value '" + text + "' is not a finite number");
                }
                terms.add("FALSE");
                continue;
            }
            terms.add(id + " = " + doubleLiteral(number));
        }
        return "(" + String.join(" OR ", terms) + ")";
    }

    private String order(String id, SqlColumns.Kind kind) {
        if (kind == SqlColumns.Kind.TEXT) {
            throw new NotPushable("slice '" + describe() + "' compares text column '" + column + "' as a number");
        }
        double a = ((Number) values.get(0)).doubleValue();
        double b = values.size() > 1 ? ((Number) values.get(1)).doubleValue() : 0;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new NotPushable("slice '" + describe() + "' has a bound that is not a finite number");
        }
        String condition = switch (op) {
            case LT -> id + " < " + doubleLiteral(a);
            case LE -> id + " <= " + doubleLiteral(a);
            case GT -> id + " > " + doubleLiteral(a);
            case GE -> id + " >= " + doubleLiteral(a);
            case BETWEEN -> id + " >= " + doubleLiteral(a) + " AND " + id + " <= " + doubleLiteral(b);
            default -> throw new IllegalStateException(op.name());
        };
        // SQL orders NaN above every number; in memory NaN is in no order slice
        if (kind == SqlColumns.Kind.FLOATING) {
            condition += " AND " + id + " <> CAST('NaN' AS DOUBLE PRECISION)";
        }
        return "COALESCE(" + condition + ", FALSE)";
    }

    /** A double as SQL reads it back exactly: its shortest decimal text, cast. */
    static String doubleLiteral(double value) {
        return "CAST('" + Double.toString(value) + "' AS DOUBLE PRECISION)";
    }

    private void selectEquality(Column c, BitSet rows, int n) {
        CategoricalColumn categories = c.asCategorical();
        int[] codes = categories.codesView();
        double[] valueOfCode = c instanceof NumericColumn numeric ? valuesOfCodes(numeric, codes, categories) : null;
        boolean[] wanted = new boolean[categories.cardinality()];
        for (Object value : values) {
            int exact = categories.codeOf(text(value));
            if (exact != CategoricalColumn.MISSING) {
                wanted[exact] = true;
            }
            double number = valueOfCode == null ? Double.NaN : number(value);
            if (!Double.isNaN(number)) {
                for (int code = 0; code < wanted.length; code++) {
                    if (valueOfCode[code] == number) {
                        wanted[code] = true;
                    }
                }
            }
        }
        boolean negate = op == Op.NE;
        for (int row = 0; row < n; row++) {
            int code = codes[row];
            if (code != CategoricalColumn.MISSING && wanted[code] != negate) {
                rows.set(row);
            }
        }
    }

    // A value matches a category written the same way, or, on a numeric column, the same number
    // (so isEqualTo(6) matches "6" and "6.0"). The number of a category is read from the column,
    // never re-parsed from text, so spellings such as "inf" work too.
    private static double[] valuesOfCodes(NumericColumn numeric, int[] codes, CategoricalColumn categories) {
        double[] valueOfCode = new double[categories.cardinality()];
        java.util.Arrays.fill(valueOfCode, Double.NaN);
        boolean[] seen = new boolean[valueOfCode.length];
        int remaining = valueOfCode.length;
        for (int row = 0; row < codes.length && remaining > 0; row++) {
            int code = codes[row];
            if (code != CategoricalColumn.MISSING && !seen[code]) {
                seen[code] = true;
                valueOfCode[code] = numeric.value(row);
                remaining--;
            }
        }
        return valueOfCode;
    }

    private void selectOrder(Table table, Column c, BitSet rows, int n) {
        if (!(c instanceof NumericColumn numeric)) {
            throw new QualityConfigurationException("slice '" + describe() + "' compares column '" + column
                    + "' as a number, but " + table.firstNonNumeric(column));
        }
        double a = ((Number) values.get(0)).doubleValue();
        double b = values.size() > 1 ? ((Number) values.get(1)).doubleValue() : Double.NaN;
        double[] x = numeric.valuesView();
        for (int row = 0; row < n; row++) {
            double v = x[row];
            boolean in = switch (op) {
                case LT -> v < a;
                case LE -> v <= a;
                case GT -> v > a;
                case GE -> v >= a;
                case BETWEEN -> v >= a && v <= b;
                default -> throw new IllegalStateException(op.name());
            };
            // NaN (missing or literally NaN) compares false, so it is never in an order slice.
            if (in) {
                rows.set(row);
            }
        }
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return String.valueOf(value);
    }
}
