package dev.touchstone.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Table;
import org.junit.jupiter.api.Test;

/** The one {@code ${column}} template: JSON bodies of Model.http, prompts of Model.openAiChat. */
class ColumnTemplateTest {

    static Table table() {
        return Dataset.builder("d").columns("text", "n", "id")
                .row("say \"hi\"", 3, "a-1")
                .row("naïve\nline", 2.5, null)
                .build().table();
    }

    @Test
    void json_escapes_quoted_placeholders_and_writes_numbers_and_strings_elsewhere() {
        ColumnTemplate body = ColumnTemplate.parse("{\"t\": \"${text}\", \"n\": ${n}, \"raw\": ${text}}",
                "request body");

        assertThat(body.json(table(), 0))
                .isEqualTo("{\"t\": \"say \\\"hi\\\"\", \"n\": 3, \"raw\": \"say \\\"hi\\\"\"}");
        assertThat(body.json(table(), 1))
                .isEqualTo("{\"t\": \"naïve\\nline\", \"n\": 2.5, \"raw\": \"naïve\\nline\"}");
    }

    @Test
    void text_puts_the_values_in_as_they_are() {
        ColumnTemplate prompt = ColumnTemplate.parse("Language of \"${text}\" (${n})?", "prompt");

        assertThat(prompt.text(table(), 0)).isEqualTo("Language of \"say \"hi\"\" (3)?");
        assertThat(ColumnTemplate.parse("no placeholder", "prompt").text(table(), 1)).isEqualTo("no placeholder");
        assertThat(ColumnTemplate.parse("${text}${n}", "prompt").text(table(), 1)).isEqualTo("naïve\nline2.5");
    }

    @Test
    void a_malformed_placeholder_fails_when_the_template_is_set_naming_the_template() {
        assertThatIllegalArgumentException().isThrownBy(() -> ColumnTemplate.parse("{\"t\": \"${text", "request body"))
                .withMessage("unclosed placeholder at position 7 of the request body template: {\"t\": \"${text");
        assertThatIllegalArgumentException().isThrownBy(() -> ColumnTemplate.parse("Say ${ } now", "prompt"))
                .withMessage("empty placeholder ${} at position 4 of the prompt template");
    }

    @Test
    void every_placeholder_column_must_exist_and_have_a_value_on_every_row() {
        String who = "model 'm' at http://h/p";
        ColumnTemplate.parse("${text} ${n}", "prompt").check(table(), who);

        assertThatThrownBy(() -> ColumnTemplate.parse("${txt}", "prompt").check(table(), who))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("model 'm' at http://h/p: the prompt uses ${txt}, but dataset 'd' has no such column; "
                        + "the columns are [text, n, id]");
        assertThatThrownBy(() -> ColumnTemplate.parse("{\"id\": \"${id}\"}", "request body").check(table(), who))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("model 'm' at http://h/p: dataset 'd' row 2, column 'id' is missing; every input of an "
                        + "endpoint needs a value");
    }
}
