package dev.touchstone.slice.internal;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apiguardian.api.API;

/**
 * Reads a timestamp column as epoch milliseconds: ISO-8601 text, or epoch seconds (milliseconds
 * when the column's largest magnitude is at least {@value #MILLIS_FROM}). A value that is
 * neither fails with the file, line, column and text.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Timestamps {

    /** Numbers of at least this magnitude are epoch milliseconds, smaller ones epoch seconds. */
    public static final double MILLIS_FROM = 1e11;

    /** A row without a timestamp. */
    public static final long MISSING = Long.MIN_VALUE;

    private Timestamps() {
    }

    /**
     * Epoch milliseconds of every row of {@code column}; {@link #MISSING} where the value is
     * missing. Local date-times and dates are read in {@code zone}.
     */
    public static long[] read(Table table, String columnName, ZoneId zone) {
        Column column = table.column(columnName);
        long[] millis = new long[table.rowCount()];
        if (column instanceof NumericColumn numeric) {
            double[] values = numeric.valuesView();
            double largest = 0;
            for (int row = 0; row < values.length; row++) {
                if (!numeric.isMissing(row)) {
                    largest = Math.max(largest, Math.abs(values[row]));
                }
            }
            double scale = largest >= MILLIS_FROM ? 1 : 1000;
            for (int row = 0; row < values.length; row++) {
                if (numeric.isMissing(row)) {
                    millis[row] = MISSING;
                } else if (!Double.isFinite(values[row])) {
                    throw bad(table, row, columnName, column.text(row));
                } else {
                    millis[row] = Math.round(values[row] * scale);
                }
            }
            return millis;
        }
        CategoricalColumn text = column.asCategorical();
        int[] codes = text.codesView();
        long[] byCode = new long[text.cardinality()];
        boolean[] parsed = new boolean[byCode.length];
        for (int row = 0; row < codes.length; row++) {
            int code = codes[row];
            if (code == CategoricalColumn.MISSING) {
                millis[row] = MISSING;
                continue;
            }
            if (!parsed[code]) {
                byCode[code] = parse(text.value(code), zone, table, row, columnName);
                parsed[code] = true;
            }
            millis[row] = byCode[code];
        }
        return millis;
    }

    private static long parse(String raw, ZoneId zone, Table table, int row, String column) {
        String s = raw.strip();
        if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-' || c == '.')
                && s.chars().filter(c -> c == '-').count() <= (s.startsWith("-") ? 1 : 0)) {
            try {
                double value = Double.parseDouble(s);
                return Math.round(Math.abs(value) >= MILLIS_FROM ? value : value * 1000);
            } catch (NumberFormatException e) {
                throw bad(table, row, column, raw);
            }
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.ISO_DATE_TIME.withZone(zone)).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            // not a date-time (with or without offset): a date?
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw bad(table, row, column, raw);
        }
    }

    private static DataFormatException bad(Table table, int row, String column, String text) {
        return new DataFormatException(table.locate(row, column) + ": '" + text + "' is not a timestamp: expected "
                + "ISO-8601 (2026-12-01T10:15:30Z, 2026-12-01T10:15:30+01:00, or 2026-12-01T10:15:30 and "
                + "2026-12-01 in the window's zone) or epoch seconds or milliseconds");
    }
}
