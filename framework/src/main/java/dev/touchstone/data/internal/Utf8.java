package dev.touchstone.data.internal;

/** Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte of the first invalid sequence in {@code bytes[from, to)}, or -1. */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int min;
            int max = 0xBF; // allowed range of the second byte
            min = 0x80;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    min = 0xA0;          // overlong
                } else if (lead == 0xED) {
                    max = 0x9F;          // surrogates
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    min = 0x90;          // overlong
                } else if (lead == 0xF4) {
                    max = 0x8F;          // above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** "0xC3 0x28": the bytes at {@code index}, for messages. */
    static String describe(byte[] bytes, int index, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = index; i < Math.min(to, index + 4); i++) {
            if (i > index) {
                text.append(' ');
            }
            text.append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
