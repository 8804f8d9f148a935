package dev.touchstone.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

    private final NumberParser parser = new NumberParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "0", "-0", "+0", "7", "-7", "+7", "007", "1.5", "-1.5", "1.", ".5", "-.5", "+.5", "1e5", "1E5",
        "1e+5", "1e-5", "-1.25E-3", "123456789012345678901234567890", "0.000000000000000000000000001",
        "4.9e-324", "2.4e-324", "1e-400", "1.7976931348623157e308", "1.8e308", "1e400", "9007199254740993",
        "1e99999999999", "0e99999999999", "00000000000000000000000000001.5",
    })
    void acceptsNumbersAndMatchesDoubleParseDouble(String text) {
        assertThat(parser.parse(text)).as(text).isTrue();
        assertSameDouble(text, parser.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "+", "-", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1ee5", "1.2.3", "1,5", "1_000", " 1", "1 ",
        "1d", "1f", "1D", "1F", "0x1p3", "0x10", "--1", "+-1", "1-", "1e5.5", "NaN1", "Infinit", "Infinityy",
        "nan.", "In", "abc", "1/2", "١", "１",
    })
    void rejectsAnythingElse(String text) {
        assertThat(parser.parse(text)).as("'%s'", text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "NAN", "-NaN", "+nan"})
    void notANumberSpellingsParseToNaN(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.value()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Inf", "inf", "INF", "+Inf", "Infinity", "infinity", "INFINITY", "+Infinity"})
    void infinitySpellingsParseToPositiveInfinity(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.value()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Inf", "-inf", "-Infinity", "-INFINITY"})
    void negativeInfinitySpellings(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(parser.parse("-0.0")).isTrue();
        assertThat(Double.doubleToRawLongBits(parser.value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void parsesFromByteSlices() {
        byte[] bytes = "x,12.5,y".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(bytes, 2, 6)).isTrue();
        assertThat(parser.value()).isEqualTo(12.5);
        assertThat(parser.parse(bytes, 1, 6)).isFalse();
    }

    @Test
    void parseStrictThrowsOnText() {
        assertThat(NumberParser.parseStrict("2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> NumberParser.parseStrict("2.5x"))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("2.5x");
    }

    @Test
    void hardCasesAroundTheFastPathLimits() {
        String[] cases = {
            "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
            "1e22", "1e23", "9e22", "1.5e22", "1e-22", "1e-23", "123e20", "123e-20", "9007199254740991e22",
            "9007199254740991e-22", "1e37", "9e37", "1234567890123456e21", "999999999999999999", "1000000000000000000",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
            "0.1", "0.2", "0.3", "0.30000000000000004", "3.0000000000000004e-1", "8.41e21", "5e-324",
            "7.2057594037927933e16", "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124", "2.5e-1", "17976931348623157e292",
        };
        for (String text : cases) {
            assertThat(parser.parse(text)).as(text).isTrue();
            assertSameDouble(text, parser.value());
            assertThat(parser.parse("-" + text)).isTrue();
            assertSameDouble("-" + text, parser.value());
        }
    }

    @Test
    void equalsDoubleParseDoubleOnManyRandomInputs() {
        SplittableRandom random = new SplittableRandom(20240601);
        int checked = 0;
        for (int i = 0; i < 60_000; i++) {
            checkRandomText(Double.toString(Double.longBitsToDouble(random.nextLong())));
            checkRandomText(Double.toString(random.nextDouble()));
            checked += 2;
        }
        for (int i = 0; i < 150_000; i++) {
            checkRandomText(randomDecimal(random));
            checked++;
        }
        for (int i = 0; i < 20_000; i++) {
            // the printed form most data files use: a fixed number of fraction digits
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-5, 12));
            checkRandomText(String.format("%." + random.nextInt(0, 18) + "f", value));
            checkRandomText(new BigDecimal(value).toPlainString()); // exact binary value, many digits
            checked += 2;
        }
        assertThat(checked).isGreaterThanOrEqualTo(300_000);
    }

    private void checkRandomText(String text) {
        if (text.equals("NaN") || text.contains("Infinity")) {
            return;
        }
        assertThat(parser.parse(text)).as(text).isTrue();
        assertSameDouble(text, parser.value());
    }

    /** Random digits (1-25 of them), random point position, random exponent, random sign. */
    private static String randomDecimal(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('-');
        }
        int digits = random.nextInt(1, 26);
        int point = random.nextInt(0, digits + 1);
        for (int d = 0; d < digits; d++) {
            if (d == point && d > 0) {
                text.append('.');
            }
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            text.append('e').append(random.nextInt(-340, 320));
        }
        return text.toString();
    }

    private static void assertSameDouble(String text, double actual) {
        assertThat(Double.doubleToRawLongBits(actual)).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    // ---- shape and format: the texts of high-cardinality numeric columns are rebuilt from them ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "5", "-5", "0.5", "0.50", "-0.000", "0.0", "10", "120.250",
        "999999999999999", "0.000000000000000000001", "123456789.012345", "-0.001"})
    void regularTextsAreRebuiltExactlyFromTheirValue(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.shape()).as(text).isNotEqualTo(NumberParser.IRREGULAR);
        assertThat(format(parser.value(), parser.shape())).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", ".5", "5.", "05", "-05", "1e3", "1E3", "NaN", "Inf", "-Infinity",
        "1234567890123456", "0.1234567890123456", "0.1000000000000000000000", "0.00000000000000000000001", "00"})
    void otherSpellingsAreIrregular(String text) {
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.shape()).as(text).isEqualTo(NumberParser.IRREGULAR);
    }

    @Test
    void formatRebuildsRandomRegularTexts() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            int intDigits = random.nextInt(1, 10);
            int fractionDigits = random.nextInt(0, Math.min(22, 15 - intDigits) + 1);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            text.append(random.nextInt(1, 10));
            for (int d = 1; d < intDigits; d++) {
                text.append(random.nextInt(10));
            }
            if (random.nextInt(3) == 0) {
                text.setLength(text.length() - intDigits);
                text.append('0');
            }
            if (fractionDigits > 0) {
                text.append('.');
                for (int d = 0; d < fractionDigits; d++) {
                    text.append(random.nextInt(10));
                }
            }
            String expected = text.toString();
            assertThat(parser.parse(expected)).isTrue();
            assertThat(parser.shape()).as(expected).isNotEqualTo(NumberParser.IRREGULAR);
            assertThat(format(parser.value(), parser.shape())).isEqualTo(expected);
        }
    }

    private static String format(double value, int shape) {
        byte[] out = new byte[NumberParser.MAX_FORMATTED_LENGTH];
        int length = NumberParser.format(value, shape, out);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * The eight-bytes-at-once fast path agrees with the digit loop on value (bit for bit), shape
     * and acceptance: every text of up to four characters over digits, point, minus and a few
     * others, and random texts up to ten, each at the end of its array (where the fast path may
     * not read a whole word) and followed by other bytes (which it must ignore).
     */
    @Test
    void fastPathAgreesWithTheDigitLoop() {
        String alphabet = "0123456789.-+eaN \u00ff";
        List<String> texts = new ArrayList<>();
        texts.add("");
        for (int length = 1; length <= 4; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder text = new StringBuilder();
                for (int d : digits) {
                    text.append(alphabet.charAt(d));
                }
                texts.add(text.toString());
                int k = length - 1;
                while (k >= 0 && ++digits[k] == alphabet.length()) {
                    digits[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        String numeric = "0123456789.-";
        for (int i = 0; i < 200_000; i++) {
            int length = 1 + random.nextInt(10);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < length; k++) {
                text.append(numeric.charAt(random.nextInt(k == 0 ? numeric.length() : 11)));
            }
            texts.add(text.toString());
        }
        NumberParser fast = new NumberParser();
        NumberParser loop = new NumberParser();
        for (String text : texts) {
            byte[] exact = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] padded = (text + "12345678,9").getBytes(StandardCharsets.ISO_8859_1);
            for (byte[] bytes : new byte[][] {exact, padded}) {
                boolean accepted = loop.parseDigits(bytes, 0, exact.length);
                assertThat(fast.parse(bytes, 0, exact.length)).as("'%s'", text).isEqualTo(accepted);
                if (accepted) {
                    assertThat(Double.doubleToRawLongBits(fast.value())).as("'%s'", text)
                            .isEqualTo(Double.doubleToRawLongBits(loop.value()));
                    assertThat(fast.shape()).as("'%s'", text).isEqualTo(loop.shape());
                }
            }
        }
    }
}
