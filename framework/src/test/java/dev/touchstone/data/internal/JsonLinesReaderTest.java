package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    private static final String DIR = "src/test/resources/data/";

    private static Table read(String name) {
        return JsonLinesReader.read(Path.of(DIR + name));
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
    void columnsAreTheUnionOfKeysInOrderOfFirstAppearance() {
        Table table = read("records.jsonl");
        assertThat(table.columnNames()).containsExactly("id", "label", "score", "ok", "camera");
        assertThat(table.rowCount()).isEqualTo(4);
    }

    @Test
    void lateKeyIsMissingInEarlierRowsAndAbsentKeyIsMissing() {
        Table table = read("records.jsonl");
        assertThat(texts(table.column("camera"))).containsExactly(null, "rear", null, "front");
        assertThat(texts(table.column("ok"))).containsExactly("true", "false", null, null);
        assertThat(table.column("ok")).isInstanceOf(CategoricalColumn.class);
    }

    @Test
    void numbersKeepTheirTextAndStringsNullAndEmptyFollowTheRules() {
        Table table = read("records.jsonl");
        NumericColumn score = (NumericColumn) table.column("score");
        assertThat(texts(score)).containsExactly("0.90", "1e-3", "0.5", null);
        assertThat(score.value(1)).isEqualTo(0.001);
        assertThat(texts(table.column("label"))).containsExactly("cat", "dog", null, null);
        assertThat(table.column("id")).isInstanceOf(NumericColumn.class);
        assertThat(table.locate(3)).isEqualTo(DIR + "records.jsonl line 4");
    }

    @Test
    void bomAndCrlfAreAccepted() {
        Table table = read("bom_crlf.jsonl");
        assertThat(table.columnNames()).containsExactly("a");
        assertThat(texts(table.column("a"))).containsExactly("x", "y");
        assertThat(table.locate(1)).endsWith("line 2");
    }

    @Test
    void blankLinesAtTheEndAreIgnored() {
        assertThat(read("blank_at_end.jsonl").rowCount()).isEqualTo(2);
    }

    @Test
    void nestedValuesMustBeFlattened() {
        assertFails("nested.jsonl", "line 2, key 'box'", "an object (a nested value)", "flatten it");
        assertFails("nested_array.jsonl", "line 1, key 'tags'", "an array (a nested value)", "flatten it");
    }

    @Test
    void lineThatIsNotAnObjectIsAnError() {
        assertFails("not_object.jsonl", "line 2, column 1", "expected a JSON object", "an array");
    }

    @Test
    void malformedJsonNamesLineAndPosition() {
        assertFails("malformed.jsonl", "line 3, column 24", "malformed JSON", "'cat'");
        assertFails("invalid_utf8.jsonl", "line 2", "malformed JSON", "UTF-8");
    }

    @Test
    void blankLineBetweenRecordsIsAnError() {
        assertFails("blank_between.jsonl", "line 2: blank line between records");
    }

    @Test
    void emptyFileHasNoRecords() {
        assertFails("empty.jsonl", "no records");
        assertFails("only_blank.jsonl", "no records");
    }

    @Test
    void eachObjectOnItsOwnLine() {
        assertFails("multiline_object.jsonl", "line 2: malformed JSON: the line ends before its object does");
        assertFails("two_on_a_line.jsonl", "line 2, column 11", "same line");
    }

    @Test
    void repeatedKeyIsAnError() {
        assertFails("duplicate_key.jsonl", "line 1, key 'label'", "twice");
    }

    @Test
    void missingFileNamesTheAbsolutePath() {
        Path path = Path.of(DIR + "nope.jsonl");
        assertThatThrownBy(() -> JsonLinesReader.read(path))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no such file: " + path.toAbsolutePath());
    }
}
