package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    private static final String DIR = "src/test/resources/data/";

    @TempDir
    Path temp;

    private static Table read(String name) {
        return CsvReader.read(Path.of(DIR + name));
    }

    private static void assertFails(String name, String... fragments) {
        var thrown = assertThatThrownBy(() -> read(name))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(DIR + name);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    private static List<String> texts(Column column) {
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            texts.add(column.text(row));
        }
        return texts;
    }

    @Test
    void readsQuotedFieldsMissingValuesAndTypes() {
        Table table = read("detections.csv");
        assertThat(table.source()).isEqualTo(DIR + "detections.csv");
        assertThat(table.columnNames()).containsExactly("frame_id", "label", "predicted", "score", "camera", "comment");
        assertThat(table.rowCount()).isEqualTo(6);
        assertThat(table.column("frame_id")).isInstanceOf(NumericColumn.class);
        assertThat(table.column("score")).isInstanceOf(NumericColumn.class);
        NumericColumn score = (NumericColumn) table.column("score");
        assertThat(score.valuesView()[4]).isEqualTo(0.001);
        assertThat(score.isMissing(2)).isTrue();
        assertThat(score.text(1)).isEqualTo("0.40");
        CategoricalColumn label = (CategoricalColumn) table.column("label");
        assertThat(label.values()).containsExactly("person", "cyclist");
        assertThat(label.isMissing(3)).isTrue();
        assertThat(table.column("camera").isMissing(3)).as("quoted empty field is missing").isTrue();
        assertThat(texts(table.column("comment")))
                .containsExactly("plain", "with, comma", "she said \"stop\"", "two\nlines", null, "café ☃");
    }

    @Test
    void rowLinesCountNewlinesInsideQuotedFields() {
        Table table = read("detections.csv");
        assertThat(table.locate(3)).isEqualTo(DIR + "detections.csv line 5");
        assertThat(table.locate(4)).isEqualTo(DIR + "detections.csv line 7"); // row 4 spans lines 5-6
        assertThat(table.locate(5, "score")).isEqualTo(DIR + "detections.csv line 8, column 'score'");
    }

    @Test
    void stripsBomAndAcceptsCrlfAndNewlinesInsideQuotes() {
        Table table = read("bom_crlf.csv");
        assertThat(table.columnNames()).containsExactly("id", "label", "note");
        assertThat(texts(table.column("note"))).containsExactly("x\r\ny", "plain", "old\rmac");
        assertThat(table.locate(1)).endsWith("line 4");
        assertThat(table.locate(2)).endsWith("line 5");
    }

    @Test
    void acceptsOldMacLineEndings() {
        Table table = read("cr_only.csv");
        assertThat(texts(table.column("label"))).containsExactly("a", "b");
        assertThat(table.locate(1)).endsWith("line 3");
    }

    @Test
    void lastRecordNeedsNoNewline() {
        assertThat(texts(read("no_trailing_newline.csv").column("label"))).containsExactly("a", "b");
    }

    @Test
    void headerOnlyGivesAnEmptyTable() {
        Table table = read("header_only.csv");
        assertThat(table.rowCount()).isZero();
        assertThat(table.columnNames()).containsExactly("id", "label", "score");
    }

    @Test
    void blankLinesAtTheEndAreIgnored() {
        assertThat(read("blank_lines_at_end.csv").rowCount()).isEqualTo(2);
    }

    @Test
    void quotedEmptyValueInOneColumnFileIsMissing() {
        Table table = read("one_column.csv");
        assertThat(texts(table.column("label"))).containsExactly("cat", null, "dog");
    }

    // ---- errors ----

    @Test
    void missingFileNamesTheAbsolutePath() {
        Path path = Path.of(DIR + "nope.csv");
        assertThatThrownBy(() -> CsvReader.read(path))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no such file: " + path.toAbsolutePath());
    }

    @Test
    void directoryIsNotAFile() {
        assertThatThrownBy(() -> CsvReader.read(Path.of(DIR)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("directory");
    }

    @Test
    void emptyFileHasNoHeader() {
        assertFails("empty.csv", "empty file", "header");
        assertFails("bom_only.csv", "empty file");
        assertFails("only_blank_lines.csv", "empty file");
    }

    @Test
    void blankLineBeforeTheHeaderIsAnError() {
        assertFails("blank_line_before_header.csv", "line 1", "blank line");
    }

    @Test
    void wrongFieldCountNamesLineAndColumns() {
        assertFails("wrong_field_count.csv",
                "line 17: expected 5 fields (frame_id, label, predicted, score, camera) but found 4");
        assertFails("too_many_fields.csv", "line 3: expected 2 fields (id, label) but found 3");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        assertFails("unterminated_quote.csv", "line 12: quoted field of column 'comment' opened here is never closed");
    }

    @Test
    void characterAfterClosingQuoteIsAnError() {
        assertFails("char_after_quote.csv", "line 3, column 'comment'", "'x' after the closing quote");
    }

    @Test
    void quoteInsideUnquotedFieldIsAnError() {
        assertFails("quote_in_unquoted.csv", "line 3, column 'label'", "quote character inside an unquoted field");
    }

    @Test
    void invalidUtf8IsAnError() {
        assertFails("invalid_utf8.csv", "line 3, column 'label'", "invalid UTF-8", "0xC3 0x28");
        assertFails("invalid_utf8_quoted.csv", "line 3, column 'label'", "invalid UTF-8", "0xFF");
    }

    @Test
    void blankLineBetweenRecordsIsAnErrorNamingIt() {
        assertFails("blank_line_between.csv", "line 4: blank line between records");
    }

    @Test
    void headerErrors() {
        assertFails("duplicate_header.csv", "duplicate column name 'label'", "columns 2 and 4");
        assertFails("empty_header_name.csv", "column 2 of the header has an empty name");
    }

    // ---- buffer boundaries and conversion at scale ----

    @Test
    void recordsAcrossBufferBoundariesAndLongFieldsSurvive() throws IOException {
        Path file = temp.resolve("big.csv");
        SplittableRandom random = new SplittableRandom(3);
        List<String> comments = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,score,comment\r\n");
            for (int i = 0; i < 60_000; i++) {
                String comment = switch (random.nextInt(5)) {
                    case 0 -> "line one\nline \"two\"\r\nthree, ü";
                    case 1 -> "x".repeat(random.nextInt(1, 3_000_000 / 1000));
                    case 2 -> "";
                    default -> "c" + random.nextInt(100);
                };
                comments.add(comment.isEmpty() ? null : comment);
                out.write(i + "," + random.nextInt(1000) / 1000.0 + ",\"" + comment.replace("\"", "\"\"") + "\"\r\n");
            }
            String huge = "é".repeat(1_500_000); // one field larger than the read buffer
            comments.add(huge);
            out.write("60000,0.5," + huge + "\r\n");
        }
        Table table = CsvReader.read(file);
        assertThat(table.rowCount()).isEqualTo(60_001);
        assertThat(texts(table.column("comment"))).isEqualTo(comments);
        assertThat(((NumericColumn) table.column("id")).value(59_999)).isEqualTo(59_999);
    }

    @Test
    void numericColumnTurnsCategoricalLateWithExactText() throws IOException {
        Path file = temp.resolve("late.csv");
        List<String> expected = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,value\n");
            for (int i = 0; i < 20_000; i++) {
                String value = i % 5 == 0 ? String.format("%.3f", i / 7.0) : i % 5 == 1 ? i + "e-2" : Integer.toString(i);
                expected.add(value);
                out.write(i + "," + value + "\n");
            }
            expected.add("see note");
            out.write("20000,see note\n");
        }
        Column column = CsvReader.read(file).column("value");
        assertThat(column).isInstanceOf(CategoricalColumn.class);
        assertThat(texts(column)).isEqualTo(expected);
    }

    @Test
    void parallelAndSequentialReadsGiveTheSameTable() throws IOException {
        Path file = temp.resolve("mixed.csv");
        SplittableRandom random = new SplittableRandom(5);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,label,score,late,comment,empty\n");
            for (int i = 0; i < 200_000; i++) {
                String late = i == 150_000 ? "text" : Integer.toString(random.nextInt());
                String comment = random.nextInt(10) == 0 ? "\"say \"\"hi\"\",\nü\"" : "c" + random.nextInt(50);
                out.write(i + "," + (random.nextBoolean() ? "cat" : "dog") + "," + random.nextDouble() + ","
                        + late + "," + comment + ",\n");
            }
        }
        Table sequential = CsvReader.read(file, false);
        Table parallel = CsvReader.read(file, true);
        assertThat(parallel.rowCount()).isEqualTo(200_000);
        assertThat(parallel.column("late")).isInstanceOf(CategoricalColumn.class);
        assertThat(texts(parallel.column("comment"))).contains("say \"hi\",\nü");
        assertThat(parallel.column("empty").isMissing(199_999)).isTrue();
        for (String name : sequential.columnNames()) {
            Column expected = sequential.column(name);
            Column actual = parallel.column(name);
            assertThat(actual.getClass()).isEqualTo(expected.getClass());
            assertThat(texts(actual)).as(name).isEqualTo(texts(expected));
        }
        for (int row = 0; row < 200_000; row += 997) {
            assertThat(parallel.locate(row)).isEqualTo(sequential.locate(row));
        }
    }

    @Test
    void parallelReadReportsErrorsLikeTheSequentialOne() throws IOException {
        Path file = temp.resolve("bad.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,label\n");
            for (int i = 0; i < 150_000; i++) {
                out.write(i + ",x" + (i % 7) + "\n");
            }
            out.write("150000\n"); // line 150002
        }
        for (boolean parallel : new boolean[] {false, true}) {
            assertThatThrownBy(() -> CsvReader.read(file, parallel))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file + " line 150002: expected 2 fields (id, label) but found 1");
        }
    }
}
