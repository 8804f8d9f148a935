package dev.touchstone.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Table;
import org.junit.jupiter.api.Test;

/** The inputs of Model.openInference and Model.tfServing, and the one check of the columns they read. */
class InputsTest {

    static final String WHO = "model 'm' at http://h/v2/models/m";

    static Table table() {
        return Dataset.builder("d").columns("text", "x").row("a", 1).row(null, 2).build().table();
    }

    @Test
    void inputs_keep_their_order_and_a_name_is_set_once() {
        Inputs inputs = Inputs.none("input tensor").with("t", "text").with("v", "x");

        assertThat(inputs.list()).extracting(Inputs.Input::name).containsExactly("t", "v");
        assertThat(Inputs.none("input").isEmpty()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> inputs.with("t", "x"))
                .withMessage("input tensor 't' is already set (to column 'text')");
        assertThatIllegalArgumentException().isThrownBy(() -> inputs.with(" ", "x"))
                .withMessage("an input tensor name must not be blank");
    }

    @Test
    void a_column_that_does_not_exist_is_named_with_the_columns_that_do() {
        Inputs inputs = Inputs.none("input").with("t", "txt");

        assertThatThrownBy(() -> inputs.columns(table(), WHO))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(WHO + ": input 't' reads column 'txt', but dataset 'd' has no such column; the columns are "
                        + "[text, x]");
    }

    @Test
    void a_missing_value_fails_before_any_request_naming_the_row() {
        assertThat(Inputs.none("input").with("v", "x").columns(table(), WHO)).hasSize(1);
        assertThatThrownBy(() -> Inputs.none("input").with("t", "text").columns(table(), WHO))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage(WHO + ": dataset 'd' row 2, column 'text' is missing; every input of an endpoint needs a "
                        + "value");
    }
}
