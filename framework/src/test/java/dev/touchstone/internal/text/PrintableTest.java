package dev.touchstone.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escaping of untrusted text in human-facing lines (issue 12, item 4). */
class PrintableTest {

    @Test
    void line_breaks_and_every_control_character_are_escaped() {
        assertThat(Printable.escape("front\n[INFO] BUILD SUCCESS")).isEqualTo("front\\n[INFO] BUILD SUCCESS");
        assertThat(Printable.escape("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
        assertThat(Printable.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\u001B[31mred\\u001B[0m");
        assertThat(Printable.escape("bell\u0007 del\u007f nel\u0085 ls\u2028 ps\u2029"))
                .isEqualTo("bell\\u0007 del\\u007F nel\\u0085 ls\\u2028 ps\\u2029");
        assertThat(Printable.escape("evil\u202Egnp.exe \u2066x\u2069")).isEqualTo("evil\\u202Egnp.exe \\u2066x\\u2069");
    }

    @Test
    void a_library_message_is_reduced_to_its_first_line() {
        assertThat(Printable.firstLine("  ERROR: relation \"x\" does not exist\n  Position: 15\n")).isEqualTo(
                "ERROR: relation \"x\" does not exist");
        assertThat(Printable.firstLine("one line")).isEqualTo("one line");
        assertThat(Printable.firstLine(null)).isEqualTo("(no message)");
    }

    @Test
    void everything_else_is_left_as_it_is() {
        String text = "C:\\data\\x.csv café ☃ 𝄞 'quoted' \"double\" <tag> 100%";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape(null)).isEqualTo("null");
    }

    @Test
    void a_setup_error_is_one_line_whatever_value_it_names() {
        assertThat(new dev.touchstone.config.QualityConfigurationException("class 'yes\n[ERROR] x' is never predicted")
                .getMessage()).isEqualTo("class 'yes\\n[ERROR] x' is never predicted");
        assertThat(new dev.touchstone.data.table.DataFormatException("line 3: '\u001b[2K'", null).getMessage())
                .isEqualTo("line 3: '\\u001B[2K'");
    }

    @Test
    void a_quoted_value_is_escaped_and_cut_with_its_length_said() {
        assertThat(Printable.quote("0.1\n[INFO] x")).isEqualTo("'0.1\\n[INFO] x'");
        assertThat(Printable.quote("a".repeat(300_000))).isEqualTo("'" + "a".repeat(80) + "…' (300,000 characters)");
        // never half a surrogate pair
        assertThat(Printable.quote("a".repeat(79) + "𝄞" + "b".repeat(10))).startsWith("'" + "a".repeat(79) + "…'");
    }
}
