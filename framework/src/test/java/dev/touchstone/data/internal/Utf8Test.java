package dev.touchstone.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static int firstInvalid(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.firstInvalid(bytes, 0, bytes.length);
    }

    @Test
    void acceptsValidSequencesOfEveryLength() {
        byte[] text = "aé€𝄞\u0000\uFFFF\uD7FF\uE000\uDBFF\uDFFF".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(text, 0, text.length)).isEqualTo(-1);
    }

    @Test
    void rejectsMalformedSequences() {
        assertThat(firstInvalid('a', 0xC3, 0x28)).as("bad continuation").isEqualTo(1);
        assertThat(firstInvalid(0xC0, 0x80)).as("overlong 2-byte").isZero();
        assertThat(firstInvalid(0xE0, 0x80, 0x80)).as("overlong 3-byte").isZero();
        assertThat(firstInvalid(0xF0, 0x80, 0x80, 0x80)).as("overlong 4-byte").isZero();
        assertThat(firstInvalid(0xED, 0xA0, 0x80)).as("surrogate").isZero();
        assertThat(firstInvalid(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isZero();
        assertThat(firstInvalid(0xF5, 0x80, 0x80, 0x80)).as("invalid lead").isZero();
        assertThat(firstInvalid(0x80)).as("lone continuation").isZero();
        assertThat(firstInvalid('a', 'b', 0xE2, 0x82)).as("truncated").isEqualTo(2);
        assertThat(firstInvalid(0xFF)).isZero();
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(9);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(1, 6)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            boolean valid;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes));
                valid = true;
            } catch (CharacterCodingException e) {
                valid = false;
            }
            assertThat(Utf8.firstInvalid(bytes, 0, bytes.length) < 0).as("%s", java.util.Arrays.toString(bytes)).isEqualTo(valid);
        }
    }
}
