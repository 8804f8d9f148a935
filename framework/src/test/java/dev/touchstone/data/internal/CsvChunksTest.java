package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel CSV path on small files with tiny chunks, so that every interesting byte lands
 * on a chunk boundary for some chunk size: a file it reads gives exactly the sequential table,
 * and a file with an error makes it give up, so that the error is the sequential reader's.
 */
class CsvChunksTest {

    private static final int MAX_RECORD = 1 << 20;

    @TempDir
    Path temp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every chunk size from one that holds the header (a longer header is left to the sequential
     * reader) to {@code maxChunk}: the chunked path reads the file, to the sequential table.
     */
    private static void assertChunkedReadsLikeSequential(Path file, int maxChunk, int maxRecord) throws IOException {
        Table expected = CsvReader.sequential(file, maxRecord);
        for (int chunk = headerLength(file) + 1; chunk <= maxChunk; chunk++) {
            for (int workers : new int[] {1, 3}) {
                Table actual = CsvChunks.read(file, chunk, workers, maxRecord);
                assertThat(actual).as("chunk %d, %d workers: read in chunks", chunk, workers).isNotNull();
                assertSameTable(actual, expected, "chunk " + chunk);
            }
        }
    }

    /** The bytes up to the header's line end, and one more (after a CR, the reader must see what follows). */
    private static int headerLength(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = 0;
        while (bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        return end + 2;
    }

    /** The chunked path gives up at every chunk size, and the reader reports the sequential error. */
    private static void assertChunkedFailsLikeSequential(Path file, int maxChunk, int maxRecord, String message) {
        assertThatThrownBy(() -> CsvReader.sequential(file, maxRecord))
                .isInstanceOf(DataFormatException.class).hasMessage(message);
        for (int chunk = 1; chunk <= maxChunk; chunk++) {
            assertThat(CsvChunks.read(file, chunk, 2, maxRecord)).as("chunk %d", chunk).isNull();
            int size = chunk;
            assertThatThrownBy(() -> CsvReader.readInChunks(file, size, 2, maxRecord))
                    .isInstanceOf(DataFormatException.class).hasMessage(message);
        }
    }

    static void assertSameTable(Table actual, Table expected, String where) {
        assertThat(actual.source()).isEqualTo(expected.source());
        assertThat(actual.rowCount()).as(where).isEqualTo(expected.rowCount());
        assertThat(actual.columnNames()).as(where).isEqualTo(expected.columnNames());
        for (String name : expected.columnNames()) {
            Column e = expected.column(name);
            Column a = actual.column(name);
            String as = where + ", column " + name;
            assertThat(a.getClass()).as(as).isEqualTo(e.getClass());
            if (e instanceof CategoricalColumn categorical) {
                CategoricalColumn other = (CategoricalColumn) a;
                assertThat(other.values()).as(as + ": dictionary in order").isEqualTo(categorical.values());
                assertThat(other.codesView()).as(as).isEqualTo(categorical.codesView());
            } else {
                NumericColumn numeric = (NumericColumn) e;
                NumericColumn other = (NumericColumn) a;
                for (int row = 0; row < numeric.size(); row++) {
                    assertThat(Double.doubleToRawLongBits(other.value(row))).as(as + " row " + row)
                            .isEqualTo(Double.doubleToRawLongBits(numeric.value(row)));
                    assertThat(other.isMissing(row)).as(as + " row " + row).isEqualTo(numeric.isMissing(row));
                }
                assertThat(other.asCategorical().values()).as(as + ": texts in order")
                        .isEqualTo(numeric.asCategorical().values());
            }
            for (int row = 0; row < e.size(); row++) {
                assertThat(a.text(row)).as(as + " row " + row).isEqualTo(e.text(row));
            }
        }
        for (int row = 0; row < expected.rowCount(); row++) {
            assertThat(actual.locate(row)).as(where).isEqualTo(expected.locate(row));
        }
    }

    @Test
    void quotedNewlinesAcrossChunkBoundaries() throws IOException {
        Path file = write("quoted.csv", "id,comment,score\n"
                + "1,\"two\nlines\",0.5\n"
                + "2,\"crlf\r\ninside, and \"\"quotes\"\"\",0.25\n"
                + "3,\"\n\n\",1\n"
                + "4,\"\"\"\n\"\"\",0.125\n"
                + "5,plain,2\n");
        assertChunkedReadsLikeSequential(file, 60, MAX_RECORD);
        Table table = CsvChunks.read(file, 20, 2, MAX_RECORD);
        assertThat(table.column("comment").text(1)).isEqualTo("crlf\r\ninside, and \"quotes\"");
        assertThat(table.locate(4)).endsWith("line 11");
    }

    @Test
    void lineEndsOfEveryKindAcrossChunkBoundaries() throws IOException {
        assertChunkedReadsLikeSequential(write("crlf.csv", "a,b\r\n1,x\r\n2,y\r\n\"3\r\n\",z\r\n4,w\r\n"), 30,
                MAX_RECORD);
        assertChunkedReadsLikeSequential(write("cr.csv", "a,b\r1,x\r2,y\r\"3\r\",z\r4,w"), 30, MAX_RECORD);
        assertChunkedReadsLikeSequential(write("mixed.csv", "a,b\n1,x\r\n2,y\r3,z\n4,\r\n"), 30, MAX_RECORD);
    }

    @Test
    void firstErrorInFileOrderWinsWhateverTheChunks() throws IOException {
        StringBuilder text = new StringBuilder("id,label\n");
        for (int i = 0; i < 20; i++) {
            text.append(i).append(",x\n");
        }
        text.append("20,a\"b\n"); // line 22: a quote inside an unquoted field
        for (int i = 21; i < 40; i++) {
            text.append(i).append(",y\n");
        }
        text.append("40\n"); // line 42: one field
        Path file = write("errors.csv", text.toString());
        String message;
        try {
            CsvReader.sequential(file, MAX_RECORD);
            throw new AssertionError("expected an error");
        } catch (DataFormatException e) {
            message = e.getMessage();
        }
        assertThat(message).contains("line 22").contains("label");
        assertChunkedFailsLikeSequential(file, 80, MAX_RECORD, message);
    }

    @Test
    void errorInALaterChunkIsTheSequentialError() throws IOException {
        StringBuilder text = new StringBuilder("id,label\n");
        for (int i = 0; i < 30; i++) {
            text.append(i).append(",x\n");
        }
        text.append("30,x,extra\n");
        assertChunkedFailsLikeSequential(write("late.csv", text.toString()), 80, MAX_RECORD,
                temp.resolve("late.csv") + " line 32: expected 2 fields (id, label) but found 3");
    }

    @Test
    void typeChangesInLaterChunksEndAsTheSequentialTypes() throws IOException {
        StringBuilder text = new StringBuilder("late_text,numeric,many,dict_then_text\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3000; i++) {
            String late = i == 2900 ? "n/a" : i % 3 == 0 ? "007" : Integer.toString(random.nextInt(100));
            String many = i % 7 == 0 ? "" : random.nextInt(5000) + "." + random.nextInt(10);
            String dict = i == 1500 ? "x" : i % 2 == 0 ? "1.50" : "-0";
            text.append(late).append(',').append(i % 5 == 0 ? "" : "1e3").append(',').append(many).append(',')
                    .append(dict).append('\n');
        }
        Path file = write("types.csv", text.toString());
        Table table = CsvChunks.read(file, 4096, 2, MAX_RECORD);
        assertThat(table).isNotNull();
        assertThat(table.column("late_text")).isInstanceOf(CategoricalColumn.class);
        assertThat(table.column("numeric")).isInstanceOf(NumericColumn.class);
        assertThat(table.column("many")).isInstanceOf(NumericColumn.class);
        assertThat(table.column("dict_then_text")).isInstanceOf(CategoricalColumn.class);
        assertThat(table.column("late_text").text(0)).isEqualTo("007");
        for (int chunk : new int[] {41, 64, 500, 4096, 20_000, 1 << 20}) {
            assertSameTable(CsvChunks.read(file, chunk, 2, MAX_RECORD), CsvReader.sequential(file, MAX_RECORD),
                    "chunk " + chunk);
        }
    }

    /**
     * A numeric column keeps its values only once, as text codes, while it has few distinct
     * texts: every row's value must still be exactly Double.parseDouble of its text, and NaN
     * where missing, below, at and above the dictionary limit, read sequentially and in chunks
     * whose parts keep, drop or together exceed the dictionary.
     */
    @Test
    void numericValuesAreTheParsedTextsAcrossTheDictionaryLimit() throws IOException {
        int limit = ColumnBuilder.MAX_NUMERIC_TEXTS;
        for (int distinct : new int[] {2, limit, limit + 1, 3 * limit}) {
            StringBuilder text = new StringBuilder("x,late_many\n");
            String[][] written = new String[4000][2];
            SplittableRandom random = new SplittableRandom(distinct);
            for (int i = 0; i < written.length; i++) {
                written[i][0] = i % 11 == 0 ? "" : random.nextInt(distinct) + "." + (1 + random.nextInt(9)) + "e-1";
                written[i][1] = i % 13 == 0 ? "" : Integer.toString(i < 2000 ? i % 7 : i); // many distinct late
                text.append(written[i][0]).append(',').append(written[i][1]).append('\n');
            }
            Path file = write("values-" + distinct + ".csv", text.toString());
            assertValuesAreParsedTexts(CsvReader.sequential(file, MAX_RECORD), written, "sequential " + distinct);
            for (int chunk : new int[] {200, 4096, 30_000}) {
                Table chunked = CsvChunks.read(file, chunk, 2, MAX_RECORD);
                assertThat(chunked).isNotNull();
                assertValuesAreParsedTexts(chunked, written, "chunk " + chunk + ", " + distinct);
            }
        }
    }

    private static void assertValuesAreParsedTexts(Table table, String[][] written, String where) {
        for (int c = 0; c < 2; c++) {
            NumericColumn column = (NumericColumn) table.column(c == 0 ? "x" : "late_many");
            for (int row = 0; row < written.length; row++) {
                String as = where + ", column " + c + ", row " + row;
                if (written[row][c].isEmpty()) {
                    assertThat(column.isMissing(row)).as(as).isTrue();
                    assertThat(column.value(row)).as(as).isNaN();
                } else {
                    assertThat(column.isMissing(row)).as(as).isFalse();
                    assertThat(Double.doubleToRawLongBits(column.value(row))).as(as)
                            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(written[row][c])));
                    assertThat(column.text(row)).as(as).isEqualTo(written[row][c]);
                }
            }
        }
    }

    @Test
    void byteOrderMarkIsSkippedOnlyAtTheStart() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("name,score\nü,1\n\"é\n\",2\n".getBytes(StandardCharsets.UTF_8));
        Path file = write("bom.csv", bytes.toByteArray());
        assertChunkedReadsLikeSequential(file, 30, MAX_RECORD);
        assertThat(CsvChunks.read(file, 16, 2, MAX_RECORD).columnNames()).containsExactly("name", "score");
    }

    @Test
    void blankLinesAtTheEndAreIgnoredAndBetweenRecordsAreErrors() throws IOException {
        assertChunkedReadsLikeSequential(write("trailing.csv", "a,b\n1,2\n3,4\n\n\r\n\n"), 25, MAX_RECORD);
        Path between = write("between.csv", "a,b\n1,2\n\n3,4\n5,6\n");
        assertChunkedFailsLikeSequential(between, 25, MAX_RECORD, between + " line 3: blank line between records;"
                + " remove it (every line must hold a record; a missing value is written as an empty field)");
        Path before = write("before.csv", "\na,b\n1,2\n");
        assertChunkedFailsLikeSequential(before, 25, MAX_RECORD, before + " line 1: blank line before the header row");
    }

    @Test
    void recordLimitHoldsInEveryChunk() throws IOException {
        String header = "a,b\n";
        String fits = "1," + "x".repeat(17) + "\n"; // 20 bytes with its line end
        Path ok = write("fits.csv", header + fits + fits + fits);
        assertChunkedReadsLikeSequential(ok, 50, 20);
        Path over = write("over.csv", header + fits + fits + "1," + "x".repeat(40) + "\n" + fits);
        String message;
        try {
            CsvReader.sequential(over, 20);
            throw new AssertionError("expected an error");
        } catch (DataFormatException e) {
            message = e.getMessage();
        }
        assertThat(message).contains("line 4");
        assertChunkedFailsLikeSequential(over, 50, 20, message);
    }

    /**
     * Random files from pieces chosen to make trouble (quotes, doubled quotes, line ends of
     * every kind inside and outside quotes, invalid UTF-8, repeated headers, blank lines, type
     * changes): at every chunk size the reader gives the sequential table or the sequential error.
     */
    @Test
    void randomFilesReadAsSequentially() throws IOException {
        String[] pieces = {"1", "2.5", "-0", "007", "x", "ü", "", "\"\"", "\"a,b\"", "\"q\"\"q\"", "\"l\nm\"",
            "\"r\r\ns\"", "\"", "a\"b", "1e3", "NaN", ",", "\n", "\r\n", "\r", "a,b,c", "\n\n"};
        SplittableRandom random = new SplittableRandom(2024);
        int read = 0;
        int failed = 0;
        for (int file = 0; file < 300; file++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write("a,b,c\n".getBytes(StandardCharsets.UTF_8));
            boolean clean = random.nextInt(3) > 0;
            int rows = 1 + random.nextInt(12);
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < 3; col++) {
                    int piece = random.nextInt(clean ? 12 : pieces.length);
                    bytes.write(pieces[piece].getBytes(StandardCharsets.UTF_8));
                    if (col < 2) {
                        bytes.write(',');
                    }
                }
                bytes.write(random.nextBoolean() ? "\n".getBytes(StandardCharsets.UTF_8)
                        : "\r\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!clean && random.nextInt(4) == 0) {
                bytes.write(new byte[] {(byte) 0xC3, ','});
            }
            Path path = write("random" + file + ".csv", bytes.toByteArray());
            Table expected = null;
            String error = null;
            try {
                expected = CsvReader.sequential(path, MAX_RECORD);
            } catch (DataFormatException e) {
                error = e.getMessage();
            }
            for (int chunk = 1; chunk <= bytes.size() + 1; chunk += 1 + random.nextInt(3)) {
                if (error == null) {
                    Table actual = CsvChunks.read(path, chunk, 2, MAX_RECORD);
                    if (chunk > "a,b,c\n".length()) {
                        assertThat(actual).as("%s, chunk %d", path, chunk).isNotNull();
                    }
                    assertSameTable(actual != null ? actual : CsvReader.readInChunks(path, chunk, 2, MAX_RECORD),
                            expected, path + ", chunk " + chunk);
                } else {
                    int size = chunk;
                    assertThatThrownBy(() -> CsvReader.readInChunks(path, size, 2, MAX_RECORD))
                            .as("%s, chunk %d", path, chunk).hasMessage(error);
                }
            }
            if (error == null) {
                read++;
            } else {
                failed++;
            }
        }
        assertThat(read).as("files read").isGreaterThan(50);
        assertThat(failed).as("files rejected").isGreaterThan(50);
    }
}
