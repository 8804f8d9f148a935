package dev.touchstone.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesMarkupCharactersAndQuotes() {
        assertThat(Markup.text("<script>alert('x')</script> a&b \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; a&amp;b &quot;q&quot;");
        assertThat(Markup.attr("line1\nline2\ttab")).isEqualTo("line1&#10;line2&#9;tab");
        assertThat(Markup.text(null)).isEmpty();
    }

    @Test
    void replacesCharactersXmlCannotHoldButKeepsSupplementaryOnes() {
        assertThat(Markup.text("a\u0000b\u001bc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Markup.text("lone \uD800 surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(Markup.text("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void roundsTheShortestDecimalNotTheBinaryExpansion() {
        // 0.8412 is 0.84119999... in binary: flooring the expansion would show 0.8411
        assertThat(Markup.number(0.8412, 4, RoundingMode.FLOOR)).isEqualTo("0.8412");
        assertThat(Markup.number(0.893, 4, RoundingMode.CEILING)).isEqualTo("0.8930");
        assertThat(Markup.number(0.79996, 4, RoundingMode.FLOOR)).isEqualTo("0.7999");
        assertThat(Markup.number(0.79996, 4, RoundingMode.CEILING)).isEqualTo("0.8000");
        assertThat(Markup.number(-0.00001, 4, RoundingMode.HALF_EVEN)).isEqualTo("0.0000");
        assertThat(Markup.number(Double.NaN, 4, RoundingMode.FLOOR)).isNull();
    }

    @Test
    void formatsCountsLevelsAndCoordinates() {
        assertThat(Markup.count(1234567)).isEqualTo("1,234,567");
        assertThat(Markup.percent(0.95)).isEqualTo("95%");
        assertThat(Markup.percent(0.999)).isEqualTo("99.9%");
        assertThat(Markup.px(12.5)).isEqualTo("12.5");
        assertThat(Markup.px(12.0)).isEqualTo("12");
        assertThat(Markup.px(-0.001)).isEqualTo("0");
        assertThat(Markup.truncate("abcdefgh", 5)).isEqualTo("abcd\u2026");
        assertThat(Markup.truncate("abc", 5)).isEqualTo("abc");
    }
}
