package dev.touchstone.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pushdown's SQL spelled as Spark reads it, without touching what is inside a literal. */
class SparkSqlTest {

    @Test
    void doubled_quotes_and_backslashes_in_a_literal_become_spark_escapes() {
        assertThat(SparkSql.translate("SELECT count(*) FROM t WHERE COALESCE((`site` = 'it''s'), FALSE)", false))
                .isEqualTo("SELECT count(*) FROM t WHERE COALESCE((`site` = 'it\\'s'), FALSE)");
        assertThat(SparkSql.translate("x = 'a\\b'", false)).isEqualTo("x = 'a\\\\b'");
    }

    @Test
    void double_quoted_identifiers_become_backticks_and_double_precision_becomes_double() {
        assertThat(SparkSql.translate("SELECT \"odd`name\", \"a\"\"b\" FROM t WHERE x <> CAST('NaN' AS DOUBLE  PRECISION)",
                false)).isEqualTo("SELECT `odd``name`, `a\"b` FROM t WHERE x <> CAST('NaN' AS DOUBLE)");
    }

    @Test
    void words_inside_literals_and_backticks_stay_as_written() {
        assertThat(SparkSql.translate("SELECT `DOUBLE PRECISION 'x'` FROM t WHERE y = 'DOUBLE PRECISION \"q\"'", false))
                .isEqualTo("SELECT `DOUBLE PRECISION 'x'` FROM t WHERE y = 'DOUBLE PRECISION \"q\"'");
        assertThat(SparkSql.translate("SELECT double_precision, DOUBLE PRECISIONS FROM t", false))
                .isEqualTo("SELECT double_precision, DOUBLE PRECISIONS FROM t");
    }

    @Test
    void with_escaped_string_literals_a_backslash_is_itself_and_a_quote_cannot_be_written() {
        assertThat(SparkSql.translate("x = 'a\\b'", true)).isEqualTo("x = 'a\\b'");
        assertThatThrownBy(() -> SparkSql.translate("x = 'it''s'", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escapedStringLiterals");
    }
}
