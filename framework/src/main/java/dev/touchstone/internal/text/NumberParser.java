package dev.touchstone.internal.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * Strict, allocation-free number recognition: the one grammar of numbers in data, used by the
 * CSV and JSON Lines readers to infer column types and by {@code Table} to say which value is
 * not a number, so that both always agree.
 *
 * <p>Grammar (nothing is trimmed): {@code [+-]? (digits [. digits?]? | . digits) ([eE] [+-]? digits)?},
 * or, case-insensitively and with an optional sign, {@code NaN}, {@code Inf}, {@code Infinity}
 * (parsed to NaN and ±Infinity so that callers can reject them with the row's line). Hex,
 * type suffixes ({@code 1d}, {@code 1f}), digit separators and spaces make a text non-numeric.
 *
 * <p>The value is always exactly {@link Double#parseDouble}'s. Fast path (Clinger): a decimal
 * significand of at most 2<sup>53</sup> scaled by a power of ten of magnitude at most 22 is
 * exact after one multiplication or division, both operands being exact doubles. Everything
 * else falls back to {@code Double.parseDouble}.
 *
 * <p>Texts of at most eight digits and a point (after an optional minus), the usual scores and
 * ids, are read eight bytes at a time: one word is checked to be digits and converted by three
 * multiplications (the SWAR method of simdjson), which gives the same significand, hence the
 * same value, as the digit loop.
 *
 * <p>As a by-product the parser reports the text's {@linkplain #shape() shape}: whether it can
 * be rewritten exactly from the parsed value alone (see {@link #format}). The table builder uses
 * that to recover the original text of high-cardinality numeric columns without storing it.
 *
 * <p>Instances are mutable (they hold the last result) and not thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NumberParser {

    /** Shape of a text that {@link #format} cannot rebuild from the value. */
    public static final byte IRREGULAR = -1;

    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long[] LONG_POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
    };
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long POINTS = 0x2E2E2E2E2E2E2E2EL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /** Longest text {@link #format} writes: sign, 15 digits, point, zeros of a 22-digit fraction. */
    public static final int MAX_FORMATTED_LENGTH = 1 + 1 + 23;

    private double value;
    private byte shape;
    private byte[] scratch = new byte[32];

    /** The value of the last text that {@link #parse} accepted. */
    public double value() {
        return value;
    }

    /**
     * 0..22: the text is the plain decimal {@code -?(0|[1-9]\d*)(\.\d{shape})?} with at most 15
     * significant digits, so {@link #format} rebuilds it exactly; {@link #IRREGULAR} otherwise.
     */
    public byte shape() {
        return shape;
    }

    /** Whether the whole text is a number; if so, {@link #value()} holds it. */
    public boolean parse(CharSequence text) {
        int length = text.length();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return false;
            }
            scratch[i] = (byte) c;
        }
        return parse(scratch, 0, length);
    }

    /** Whether {@code bytes[from, to)} (ASCII) is a number; if so, {@link #value()} holds it. */
    public boolean parse(byte[] bytes, int from, int to) {
        return parseWord(bytes, from, to) || parseDigits(bytes, from, to);
    }

    /**
     * The fast path: {@code -?} then at most eight bytes of digits with at most one point, read
     * as one little-endian word. False when the text is not of that form (it may still be a
     * number: the digit loop decides).
     */
    private boolean parseWord(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        int length = to - i;
        if (length == 0 || length > 8 || i + 8 > bytes.length) {
            return false;
        }
        long keep = length == 8 ? -1L : (1L << (length << 3)) - 1;
        long word = ((long) LONGS.get(bytes, i) & keep) | (ZEROS & ~keep); // padded with '0' up to 8 bytes
        long point = zeroBytes(word ^ POINTS);
        if ((point & (point - 1)) != 0) {
            return false; // two points
        }
        long digits = word + ((point >>> 7) << 1); // the point, if any, becomes a '0'
        if (((digits & 0xF0F0F0F0F0F0F0F0L) | (((digits + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                != 0x3333333333333333L) {
            return false; // not digits only
        }
        int count = length;
        int intDigits = length;
        if (point != 0) {
            int at = Long.numberOfTrailingZeros(point) >>> 3;
            long below = at == 0 ? 0 : word & (-1L >>> (64 - (at << 3)));
            word = below | (((word >>> (at << 3)) >>> 8) << (at << 3)); // the point taken out
            count--;
            intDigits = at;
        }
        int fractionDigits = count - intDigits;
        if (count == 0) {
            return false; // a point alone: not a number, which the digit loop says too
        }
        long mantissa = eightDigits(word << ((8 - count) << 3));
        boolean regular = (intDigits == 1 || (intDigits > 1 && bytes[i] != '0')) && (point == 0 || fractionDigits > 0);
        shape = regular ? (byte) fractionDigits : IRREGULAR;
        value = fastValue(mantissa, -fractionDigits, negative, bytes, from, to);
        return true;
    }

    /** The number written by eight ASCII digits, the first in the lowest byte; bytes 0 count as '0'. */
    private static long eightDigits(long word) {
        long v = (word & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        v = (v & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (v & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
    }

    /** The high bit of every byte of {@code x} that is zero, and no other bit. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** The digit loop alone, without the fast path: what {@link #parse} must agree with (tests). */
    boolean parseDigits(byte[] bytes, int from, int to) {
        int i = from;
        if (i == to) {
            return false;
        }
        boolean negative = false;
        boolean plus = false;
        byte c = bytes[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            plus = c == '+';
            if (++i == to) {
                return false;
            }
            c = bytes[i];
        }
        if (c > '9') {
            return parseSpecial(bytes, i, to, negative);
        }
        long mantissa = 0;
        int significant = 0;
        int intStart = i;
        while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
            if (mantissa != 0 || c != '0') {
                if (++significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
            }
            i++;
        }
        int intDigits = i - intStart;
        int fractionDigits = 0;
        boolean point = i < to && bytes[i] == '.';
        if (point) {
            int fractionStart = ++i;
            while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
                if (mantissa != 0 || c != '0') {
                    if (++significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                    }
                }
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if (intDigits + fractionDigits == 0) {
            return false;
        }
        int exponent = 0;
        boolean hasExponent = i < to && (bytes[i] | 0x20) == 'e';
        if (hasExponent) {
            if (++i == to) {
                return false;
            }
            boolean negativeExponent = bytes[i] == '-';
            if (negativeExponent || bytes[i] == '+') {
                i++;
            }
            int exponentStart = i;
            while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
                if (exponent < 100_000_000) {
                    exponent = exponent * 10 + (c - '0');
                }
                i++;
            }
            if (i == exponentStart) {
                return false;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return false;
        }
        boolean regular = !plus && !hasExponent && significant <= 15 && fractionDigits <= 22
                && (intDigits == 1 || (intDigits > 1 && bytes[intStart] != '0'))
                && (!point || fractionDigits > 0);
        shape = regular ? (byte) fractionDigits : IRREGULAR;
        value = significant <= 18
                ? fastValue(mantissa, exponent - fractionDigits, negative, bytes, from, to)
                : slowValue(bytes, from, to);
        return true;
    }

    private static double fastValue(long mantissa, int power, boolean negative, byte[] bytes, int from, int to) {
        double result;
        if (mantissa == 0) {
            result = 0.0;
        } else if (mantissa > MAX_EXACT) {
            return slowValue(bytes, from, to);
        } else if (power == 0) {
            result = mantissa;
        } else if (power > 0 && power <= 22) {
            result = mantissa * POW10[power];
        } else if (power < 0 && power >= -22) {
            result = mantissa / POW10[-power];
        } else if (power > 22 && power <= 22 + 15 && mantissa <= MAX_EXACT / LONG_POW10[power - 22]) {
            // the significand absorbs the excess power exactly, then one exact-operand multiply
            result = (mantissa * LONG_POW10[power - 22]) * POW10[22];
        } else {
            return slowValue(bytes, from, to);
        }
        return negative ? -result : result;
    }

    private static double slowValue(byte[] bytes, int from, int to) {
        return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private boolean parseSpecial(byte[] bytes, int i, int to, boolean negative) {
        int length = to - i;
        if (length == 3 && lower(bytes[i]) == 'n' && lower(bytes[i + 1]) == 'a' && lower(bytes[i + 2]) == 'n') {
            value = Double.NaN;
        } else if ((length == 3 || length == 8) && matchesInfinity(bytes, i, length)) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            return false;
        }
        shape = IRREGULAR;
        return true;
    }

    private static boolean matchesInfinity(byte[] bytes, int i, int length) {
        String word = "infinity";
        for (int k = 0; k < length; k++) {
            if (lower(bytes[i + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
    }

    /**
     * Writes the text of a value whose {@link #shape()} was {@code fractionDigits} (0..22) into
     * {@code out} (at least {@link #MAX_FORMATTED_LENGTH} long) and returns its length. Exact:
     * the significand {@code u < 10^15} and {@code |value| * 10^k} is within {@code u * 2^-52}
     * of {@code u}, far less than 1/2, so rounding recovers {@code u}.
     */
    public static int format(double value, int fractionDigits, byte[] out) {
        long unscaled = Math.round(Math.abs(value) * POW10[fractionDigits]);
        int position = 0;
        if (Double.doubleToRawLongBits(value) < 0) {
            out[position++] = '-';
        }
        int digits = 1;
        while (digits < 16 && unscaled >= LONG_POW10[digits]) {
            digits++;
        }
        int width = Math.max(digits, fractionDigits + 1);
        int end = position + width + (fractionDigits > 0 ? 1 : 0);
        int write = end;
        for (int k = 0; k < width; k++) {
            if (k == fractionDigits && fractionDigits > 0) {
                out[--write] = '.';
            }
            out[--write] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        }
        return end;
    }

    /**
     * Why a text that {@link #parse} rejected looks like a number but is not one, for messages:
     * {@code " (spaces around it)"}, {@code " (a type suffix: 1d)"}; empty when there is no
     * simple reason. Outside the hot path.
     */
    public static String whyNot(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        NumberParser parser = new NumberParser();
        String stripped = text.strip();
        if (!stripped.equals(text) && parser.parse(stripped)) {
            return " (it has spaces around it; numbers are read as written, without trimming)";
        }
        String lower = stripped.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("[+-]?0x[0-9a-f.]+(p[+-]?[0-9]+)?")) {
            return " (hexadecimal; write it as a decimal number such as 0.5)";
        }
        if (lower.length() > 1 && "dfl".indexOf(lower.charAt(lower.length() - 1)) >= 0
                && parser.parse(stripped.substring(0, stripped.length() - 1))) {
            return " (a type suffix, as in Java source; write the number alone)";
        }
        if (stripped.matches("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?")) {
            return " (a thousands separator; write the number without it)";
        }
        if (stripped.matches("[+-]?[0-9]*,[0-9]+")) {
            return " (a decimal comma; numbers use a decimal point)";
        }
        return "";
    }

    /** Convenience for callers outside the hot path: the value, or a NumberFormatException. */
    public static double parseStrict(CharSequence text) {
        NumberParser parser = new NumberParser();
        if (!parser.parse(text)) {
            throw new NumberFormatException("not a number: \"" + text + "\"");
        }
        return parser.value();
    }
}
