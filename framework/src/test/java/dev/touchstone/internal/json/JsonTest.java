package dev.touchstone.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one JSON tree reader: values, document order, errors with a location, repeated keys. */
class JsonTest {

    @Nested
    class Trees {

        @Test
        void values_become_maps_lists_strings_longs_doubles_booleans_and_NULL() throws Exception {
            Object tree = Json.parse("{\"s\":\"x\",\"i\":3,\"d\":0.5,\"big\":123456789012345678901234567890,"
                    + "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,{\"k\":[]}]}");

            Map<?, ?> map = (Map<?, ?>) tree;
            assertThat(map.get("s")).isEqualTo("x");
            assertThat(map.get("i")).isEqualTo(3L);
            assertThat(map.get("d")).isEqualTo(0.5);
            assertThat(map.get("big")).isEqualTo(1.2345678901234568e29);
            assertThat(map.get("t")).isEqualTo(Boolean.TRUE);
            assertThat(map.get("f")).isEqualTo(Boolean.FALSE);
            assertThat(map.get("n")).isSameAs(Json.NULL);
            assertThat(map.get("a")).isEqualTo(List.of(1L, Map.of("k", List.of())));
        }

        @Test
        void objects_keep_the_document_order() throws Exception {
            Map<?, ?> map = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");

            assertThat(new ArrayList<Object>(map.keySet())).containsExactly("z", "a", "m");
        }

        @Test
        void a_file_is_read_like_a_string(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("x.json");
            Files.writeString(file, "{\"name\":\"\u00e9t\u00e9\",\"n\":[1,2]}", StandardCharsets.UTF_8);

            assertThat(Json.parse(file)).isEqualTo(Map.of("name", "\u00e9t\u00e9", "n", List.of(1L, 2L)));
        }

        @Test
        void a_pointer_walks_objects_and_arrays() throws Exception {
            Object tree = Json.parse("{\"outputs\":[{\"data\":[7,8]}]}");

            assertThat(Json.at(tree, "/outputs/0/data/1")).isEqualTo(8L);
            assertThat(Json.at(tree, "/outputs/1")).isNull();
            assertThat(Json.at(tree, "/outputs/0/data/1/deeper")).isNull();
            assertThatIllegalArgumentException().isThrownBy(() -> Json.requirePointer("outputs"))
                    .withMessageContaining("not a JSON Pointer: 'outputs'");
        }
    }

    @Nested
    class RepeatedKeys {

        @Test
        void a_repeated_key_is_an_error_that_names_the_key_and_where_it_repeats() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class,
                    () -> Json.parse("{\"a\":1,\"a\":2}"));

            assertThat(e.detailedMessage()).isEqualTo("duplicate key 'a' at line 1, column 8");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(8);
        }

        @Test
        void a_repeated_key_in_a_nested_object_on_a_later_line_is_found_too() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class,
                    () -> Json.parse("{\"entries\": [\n  {\"key\": \"x\",\n   \"key\": \"y\"}\n]}"));

            assertThat(e.detailedMessage()).isEqualTo("duplicate key 'key' at line 3, column 4");
        }

        @Test
        void the_plain_message_does_not_quote_the_key_which_is_text_of_the_document() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class,
                    () -> Json.parse("{\"sk-secret\":1,\"sk-secret\":2}"));

            assertThat(e).hasMessage("duplicate key at line 1, column 16");
            assertThat(e.getMessage()).doesNotContain("sk-secret");
        }

        @Test
        void the_same_key_in_different_objects_is_fine() throws Exception {
            assertThat(Json.parse("[{\"a\":1},{\"a\":2}]")).isEqualTo(List.of(Map.of("a", 1L), Map.of("a", 2L)));
        }

        @Test
        void a_repeated_key_in_a_file_is_an_error_as_well(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("dup.json");
            Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"schemaVersion\": 2\n}");

            assertThatThrownBy(() -> Json.parse(file)).isInstanceOf(JsonFormatException.class)
                    .extracting(e -> ((JsonFormatException) e).detailedMessage())
                    .isEqualTo("duplicate key 'schemaVersion' at line 3, column 3");
        }
    }

    @Nested
    class NotJson {

        @ParameterizedTest
        @ValueSource(strings = {"{\"a\": sk-secret}", "{\"a\": 'sk-secret'}", "[sk-secret]"})
        void the_message_says_where_but_never_quotes_the_text(String text) {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> Json.parse(text));

            assertThat(e.getMessage()).startsWith("not JSON at line 1, column ").doesNotContain("sk-secret");
            assertThat(String.valueOf(e.getCause())).doesNotContain("sk-secret");
        }

        @Test
        void the_detailed_message_has_the_parser_description_with_our_locations() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> Json.parse("[{\"a\":1}, {"));

            assertThat(e.detailedMessage()).isEqualTo("Unexpected end-of-input: expected close marker for Object "
                    + "(start marker at line 1, column 11) at line 1, column 12");
        }

        @Test
        void a_document_cut_short_says_where_it_ends() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> Json.parse("{\n \"a\": 1,\n"));

            assertThat(e).hasMessage("not JSON at line 3, column 1");
            assertThat(e.detailedMessage()).isEqualTo("Unexpected end-of-input within/between Object entries at line 3, column 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n"})
        void an_empty_document_is_an_error(String text) {
            assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonFormatException.class).hasMessage("empty document");
        }

        @Test
        void text_after_the_document_is_an_error() {
            assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(JsonFormatException.class)
                    .hasMessage("text after the end of the JSON document at line 1, column 4");
        }
    }

    @Nested
    class Writing {

        @Test
        void strings_are_escaped_and_numbers_written_as_json() {
            assertThat(Json.quote("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
            assertThat(Json.number(3.0)).isEqualTo("3");
            assertThat(Json.number(0.25)).isEqualTo("0.25");
            assertThatIllegalArgumentException().isThrownBy(() -> Json.number(Double.NaN));
        }

        @Test
        void labels_and_types_read_well() {
            assertThat(Json.labelText(2.0)).isEqualTo("2");
            assertThat(Json.labelText(7L)).isEqualTo("7");
            assertThat(Json.labelText(List.of())).isNull();
            assertThat(Json.typeOf(Json.NULL)).isEqualTo("null");
            assertThat(Json.typeOf(null)).isEqualTo("nothing");
            assertThat(Json.typeOf(Map.of())).isEqualTo("an object");
        }
    }
}
