package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableBuilderTest {

    private static final String SOURCE = "src/test/resources/detections.csv";

    private static Table table(List<String> header, String[]... rows) {
        TableBuilder builder = new TableBuilder(SOURCE, header);
        for (int i = 0; i < rows.length; i++) {
            builder.addRow(rows[i], i + 2);
        }
        return builder.build();
    }

    private static Table oneColumn(String... values) {
        TableBuilder builder = new TableBuilder(SOURCE, List.of("x"));
        for (int i = 0; i < values.length; i++) {
            builder.addRow(new String[] {values[i]}, i + 2);
        }
        return builder.build();
    }

    private static List<String> texts(Column column) {
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            texts.add(column.text(row));
        }
        return texts;
    }

    // ---- header ----

    @Test
    void emptyHeaderNameIsAnErrorNamingSourceAndPosition() {
        assertThatThrownBy(() -> new TableBuilder(SOURCE, List.of("id", "", "score")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("column 2");
        assertThatThrownBy(() -> new TableBuilder(SOURCE, Arrays.asList("id", null)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("column 2");
    }

    @Test
    void duplicateHeaderNameIsAnErrorNamingBothPositions() {
        assertThatThrownBy(() -> new TableBuilder(SOURCE, List.of("id", "label", "score", "label")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("'label'")
                .hasMessageContaining("columns 2 and 4");
    }

    // ---- type inference ----

    @Test
    void columnOfNumbersIsNumericAndKeepsSpelling() {
        Table table = oneColumn("1", "0", "1.50", "-2e3", "1");
        NumericColumn column = (NumericColumn) table.column("x");
        assertThat(column.valuesView()).containsExactly(1, 0, 1.5, -2000, 1);
        assertThat(texts(column)).containsExactly("1", "0", "1.50", "-2e3", "1");
        assertThat(column.asCategorical().values()).containsExactly("1", "0", "1.50", "-2e3");
    }

    @Test
    void zeroOneLabelsKeepTheirExactText() {
        Table table = oneColumn("0", "1", "1", "0");
        Column column = table.column("x");
        assertThat(column).isInstanceOf(NumericColumn.class);
        assertThat(column.asCategorical().values()).containsExactly("0", "1");
        assertThat(column.asCategorical().codesView()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void oneTextValueMakesTheColumnCategorical() {
        Table table = oneColumn("1", "2", "two", "2");
        CategoricalColumn column = (CategoricalColumn) table.column("x");
        assertThat(column.values()).containsExactly("1", "2", "two");
        assertThat(column.codesView()).containsExactly(0, 1, 2, 1);
    }

    @Test
    void spacesHexSuffixesAndSeparatorsAreText() {
        for (String text : List.of(" 1", "1 ", "0x10", "1d", "1f", "1,5", "1_000", "NA", "null", "--1")) {
            assertThat(oneColumn("1", text).column("x")).as(text).isInstanceOf(CategoricalColumn.class);
            assertThat(oneColumn("1", text).column("x").text(1)).isEqualTo(text);
        }
    }

    @Test
    void nanAndInfinityAreNumbersSoThatLaterChecksCanRejectThemWithTheirLine() {
        NumericColumn column = (NumericColumn) oneColumn("0.5", "NaN", "inf", "-Infinity").column("x");
        assertThat(column.value(1)).isNaN();
        assertThat(column.isMissing(1)).isFalse();
        assertThat(column.value(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(column.value(3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(column.text(2)).isEqualTo("inf");
    }

    @Test
    void nullAndEmptyAreMissingEverythingElseIsNot() {
        NumericColumn column = (NumericColumn) oneColumn("1", null, "", "3").column("x");
        assertThat(column.isMissing(1)).isTrue();
        assertThat(column.isMissing(2)).isTrue();
        assertThat(column.value(1)).isNaN();
        assertThat(column.text(2)).isNull();
        assertThat(column.isMissing(3)).isFalse();
        assertThat(column.asCategorical().code(1)).isEqualTo(CategoricalColumn.MISSING);

        CategoricalColumn text = (CategoricalColumn) oneColumn("a", "", " ", null).column("x");
        assertThat(text.codesView()).containsExactly(0, CategoricalColumn.MISSING, 1, CategoricalColumn.MISSING);
        assertThat(text.values()).containsExactly("a", " ");
    }

    @Test
    void allMissingColumnIsCategoricalWithEmptyDictionary() {
        Column column = oneColumn(null, "", null).column("x");
        assertThat(column).isInstanceOf(CategoricalColumn.class);
        assertThat(((CategoricalColumn) column).cardinality()).isZero();
        assertThat(column.isMissing(0)).isTrue();
        assertThat(column.size()).isEqualTo(3);
    }

    @Test
    void emptyTableHasTypedButEmptyColumns() {
        Table table = new TableBuilder(SOURCE, List.of("a", "b")).build();
        assertThat(table.rowCount()).isZero();
        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(table.column("a").size()).isZero();
    }

    @Test
    void categoricalCodesFollowFirstAppearance() {
        CategoricalColumn column = (CategoricalColumn) oneColumn("dog", "cat", "dog", "emu", "cat").column("x");
        assertThat(column.values()).containsExactly("dog", "cat", "emu");
        assertThat(column.codesView()).containsExactly(0, 1, 0, 2, 1);
    }

    @Test
    void nonAsciiTextRoundTrips() {
        CategoricalColumn column = (CategoricalColumn) oneColumn("café", "☃", "𝄞", "café").column("x");
        assertThat(column.values()).containsExactly("café", "☃", "𝄞");
    }

    @Test
    void lowCardinalityNumericColumnKeepsTextUpTo1024DistinctValues() {
        String[] values = new String[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 1024) + ".0";
        }
        NumericColumn column = (NumericColumn) oneColumn(values).column("x");
        assertThat(column.text(5)).isEqualTo("5.0");
        assertThat(column.asCategorical().cardinality()).isEqualTo(1024);
        assertThat(column.asCategorical().codesView()[1024 + 7]).isEqualTo(7);

        values[2999] = "1024.0"; // the 1025th distinct text: the kept text is dropped
        NumericColumn wide = (NumericColumn) oneColumn(values).column("x");
        assertThat(wide.text(5)).isEqualTo("5.0"); // still spelled as written (issue 12, item 5)
        assertThat(wide.value(2999)).isEqualTo(1024.0);
    }

    @Test
    void conversionToCategoricalAfterFewDistinctValuesKeepsText() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(i % 3 == 0 ? "" : (i % 7) + ".50");
        }
        values.add("n/a");
        CategoricalColumn column = (CategoricalColumn) oneColumn(values.toArray(String[]::new)).column("x");
        assertThat(texts(column)).isEqualTo(values.stream().map(v -> v.isEmpty() ? null : v).toList());
        assertThat(column.values().get(0)).isEqualTo("1.50");
    }

    @Test
    void conversionToCategoricalAfterManyDistinctValuesKeepsEveryOriginalSpelling() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            values.add(randomNumberText(random, i));
        }
        values.add("unknown");
        values.add("0.5");
        String[] row = values.toArray(String[]::new);
        CategoricalColumn column = (CategoricalColumn) oneColumn(row).column("x");
        List<String> expected = values.stream().map(v -> v.isEmpty() ? null : v).toList();
        assertThat(texts(column)).isEqualTo(expected);
        // codes in order of first appearance
        assertThat(column.code(0)).isEqualTo(values.get(0).isEmpty() ? CategoricalColumn.MISSING : 0);
        assertThat(column.value(column.code(values.size() - 2))).isEqualTo("unknown");
        assertThat(column.cardinality()).isEqualTo((int) expected.stream().filter(v -> v != null).distinct().count());
    }

    /** Every spelling a numeric column may hold: regular decimals, exponents, signs, NaN, long digits, missing. */
    private static String randomNumberText(SplittableRandom random, int i) {
        switch (random.nextInt(12)) {
            case 0:
                return "";
            case 1:
                return Double.toString(random.nextDouble() * 1e-7);                // 1.234E-8
            case 2:
                return new BigDecimal(random.nextDouble()).toPlainString();          // 50+ digits
            case 3:
                return List.of("NaN", "inf", "-Infinity", "+3", ".5", "5.", "007", "-0", "-0.00").get(random.nextInt(9));
            case 4:
                return Long.toString(random.nextLong());                              // 19 digits
            case 5:
                return String.format("%.4f", random.nextDouble());                  // trailing zeros kept
            default:
                return Integer.toString(i) + "." + random.nextInt(1000);
        }
    }

    @Test
    void highCardinalityNumericColumnStaysNumeric() {
        String[] values = new String[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 17 ? "" : Integer.toString(i);
        }
        NumericColumn column = (NumericColumn) oneColumn(values).column("x");
        assertThat(column.value(9999)).isEqualTo(9999.0);
        assertThat(column.isMissing(17)).isTrue();
        assertThat(column.hasMissing()).isTrue();
        assertThat(column.text(123)).isEqualTo("123");
    }

    // ---- rows and lines ----

    @Test
    void rowLinesAreKeptForLocatingErrors() {
        TableBuilder builder = new TableBuilder(SOURCE, List.of("a"));
        builder.addRow(new String[] {"1"}, 2);
        builder.addRow(new String[] {"2"}, 5);
        Table table = builder.build();
        assertThat(table.locate(1, "a")).isEqualTo(SOURCE + " line 5, column 'a'");
    }

    @Test
    void rowsWithoutLinesAreNumbered() {
        TableBuilder builder = new TableBuilder("dataset 'x'", List.of("a"));
        builder.addRow(new String[] {"1"}, -1);
        builder.addRow(new String[] {"2"}, -1);
        assertThat(builder.build().locate(1)).isEqualTo("dataset 'x' row 2");
    }

    @Test
    void addRowRejectsWrongCount() {
        TableBuilder builder = new TableBuilder(SOURCE, List.of("a", "b"));
        assertThatThrownBy(() -> builder.addRow(new String[] {"1"}, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SOURCE + " line 7")
                .hasMessageContaining("expected 2 values (a, b) but got 1");
    }

    // ---- in-memory values ----

    @Test
    void addValuesWritesObjectsAsText() {
        TableBuilder builder = new TableBuilder("dataset 'memory'", List.of("int", "double", "float", "text", "bool", "big"));
        builder.addValues(1, 0.1, 0.1f, "cat", true, new BigDecimal("1.50"));
        builder.addValues(2L, 1.0, null, null, false, null);
        Table table = builder.build();
        assertThat(texts(table.column("int"))).containsExactly("1", "2");
        assertThat(texts(table.column("double"))).containsExactly("0.1", "1.0");
        assertThat(((NumericColumn) table.column("double")).value(0)).isEqualTo(0.1);
        assertThat(texts(table.column("float"))).containsExactly("0.1", null);
        assertThat(texts(table.column("text"))).containsExactly("cat", null);
        assertThat(table.column("bool")).isInstanceOf(CategoricalColumn.class);
        assertThat(texts(table.column("bool"))).containsExactly("true", "false");
        assertThat(texts(table.column("big"))).containsExactly("1.50", null);
        assertThat(table.locate(1)).isEqualTo("dataset 'memory' row 2");
    }

    @Test
    void addValuesRejectsWrongCountNamingRowAndColumns() {
        TableBuilder builder = new TableBuilder("dataset 'memory'", List.of("label", "score"));
        builder.addValues("a", 0.5);
        assertThatThrownBy(() -> builder.addValues("b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset 'memory' row 2")
                .hasMessageContaining("expected 2 values (label, score) but got 1");
    }

    @Test
    void describeElidesLongHeaders() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            names.add("c" + i);
        }
        assertThat(TableBuilder.describe(names)).startsWith("(c1, c2,").contains("19 more").endsWith("c30)");
    }
}
