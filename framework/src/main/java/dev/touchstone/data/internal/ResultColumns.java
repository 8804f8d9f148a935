package dev.touchstone.data.internal;

import dev.touchstone.data.internal.GrowableArrays.DoubleList;
import dev.touchstone.data.internal.GrowableArrays.IntList;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.internal.Progress;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds columns from a JDBC result, keeping the result's types (see {@link SqlValues}): numeric
 * SQL columns become {@link NumericColumn}s whose text is the number's exact spelling, every
 * other column a dictionary-encoded {@link CategoricalColumn}.
 */
final class ResultColumns {

    private final String source;
    private final List<Builder> builders = new ArrayList<>();
    private int rows;

    ResultColumns(String source, ResultSetMetaData meta) throws SQLException {
        this.source = source;
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            String name = meta.getColumnLabel(c);
            builders.add(SqlValues.isNumeric(meta.getColumnType(c)) ? new Numbers(name) : new Texts(name));
        }
    }

    /** Columns of the given names and {@link java.sql.Types} codes, in order. */
    ResultColumns(String source, Map<String, Integer> columnTypes) {
        this.source = source;
        columnTypes.forEach((name, type) -> builders.add(SqlValues.isNumeric(type) ? new Numbers(name) : new Texts(name)));
    }

    void readAll(ResultSet rs, Progress progress) throws SQLException {
        readAll(new JdbcCursor(rs), progress);
    }

    void readAll(Engine.Cursor rs, Progress progress) throws SQLException {
        int count = builders.size();
        while (rs.next()) {
            if (rows == GrowableArrays.MAX_LENGTH) {
                throw new dev.touchstone.data.table.DataFormatException(source + ": more rows than one table in memory"
                        + " can hold; evaluate it with metrics the engine can aggregate");
            }
            for (int c = 0; c < count; c++) {
                builders.get(c).add(rs.getObject(c + 1), rows);
            }
            rows++;
            if ((rows & 0xFFFF) == 0) {
                progress.advance(rows);
            }
        }
        progress.advance(rows);
    }

    int rowCount() {
        return rows;
    }

    List<Column> build() {
        List<Column> columns = new ArrayList<>(builders.size());
        for (Builder builder : builders) {
            columns.add(builder.build());
        }
        return columns;
    }

    private interface Builder {
        void add(Object value, int row);

        Column build();
    }

    private static final class Numbers implements Builder {
        private final String name;
        private final DoubleList values = new DoubleList(1024);
        private final BitSet missing = new BitSet();
        // texts that differ from the number's canonical spelling (1.50, a long beyond 2^53), by row
        private Map<Integer, String> spelled;

        Numbers(String name) {
            this.name = name;
        }

        @Override
        public void add(Object value, int row) {
            if (value == null) {
                missing.set(row);
                values.add(Double.NaN);
                return;
            }
            double number = SqlValues.number(value);
            values.add(number);
            String text = SqlValues.text(value);
            if (!text.equals(SqlValues.numberText(number))) {
                if (spelled == null) {
                    spelled = new HashMap<>();
                }
                spelled.put(row, text);
            }
        }

        @Override
        public Column build() {
            double[] array = values.toArray();
            Map<Integer, String> texts = spelled == null ? Map.of() : spelled;
            return NumericColumn.withTexts(name, array, missing, row -> {
                String text = texts.get(row);
                return text != null ? text : SqlValues.numberText(array[row]);
            });
        }
    }

    private static final class Texts implements Builder {
        private final String name;
        private final IntList codes = new IntList(1024);
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        Texts(String name) {
            this.name = name;
        }

        @Override
        public void add(Object value, int row) {
            String text = SqlValues.text(value);
            if (text == null) {
                codes.add(CategoricalColumn.MISSING);
                return;
            }
            Integer code = dictionary.get(text);
            if (code == null) {
                code = values.size();
                dictionary.put(text, code);
                values.add(text);
            }
            codes.add(code);
        }

        @Override
        public Column build() {
            return new CategoricalColumn(name, codes.toArray(), values.toArray(String[]::new));
        }
    }
}
