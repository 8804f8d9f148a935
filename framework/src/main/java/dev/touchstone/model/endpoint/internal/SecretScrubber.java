package dev.touchstone.model.endpoint.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blanks the client's secrets out of every text it produces (response excerpts, exception
 * messages, predicted labels), in every common encoding a server may echo them in: servers echo
 * credentials in error bodies, and such texts reach failures, results and logs. Immutable.
 *
 * <p><b>What is a secret.</b> Each secret header value whole; of a value with a scheme
 * ({@code Bearer t}, {@code Token t}), the credential {@code t} alone; of {@code Basic b}, also
 * {@code user:password} and the password that {@code b} decodes to.
 *
 * <p><b>In which forms.</b> A credential is found
 * <ul>
 *   <li>as it is, and decoded from JSON escapes ({@code \/}, {@code \\}, {@code \}{@code u00xx}, as PHP's
 *       {@code json_encode} writes {@code /}), URL encoding ({@code %2F}, either case) and HTML
 *       character references ({@code &#47;}, {@code &#x2F;}, {@code &amp;}), each alone or mixed
 *       in one text;</li>
 *   <li>base64-encoded (standard or URL-safe alphabet, at any alignment inside a longer
 *       base64 text);</li>
 *   <li>in part: any run of at least {@link #fragmentLength} of its characters, three quarters of
 *       it and at least {@value #MIN_FRAGMENT} (the token minus its first or last character, which
 *       a server that trims or a cut may leave).</li>
 * </ul>
 * Every match becomes {@code ***} in the text as written (the escaped form is blanked whole).
 * Credentials shorter than {@value #MIN_FRAGMENT} characters are only matched whole.
 */
final class SecretScrubber {

    static final int MIN_FRAGMENT = 6;
    private static final int EXCERPT = 200;
    private static final String BLANK = "***";

    /**
     * A text to find: {@code fragments} when any long enough run of it is a leak too;
     * {@code base64} when it is the core of a base64 encoding, whose whole run of base64
     * characters around it is blanked.
     */
    private record Needle(String text, boolean fragments, boolean base64) {
        Needle(String text, boolean fragments) {
            this(text, fragments, false);
        }
    }

    private final List<Needle> needles;
    /** The longest text a needle can become when escaped: how far an excerpt must look past its cut. */
    private final int longestEncoded;

    /** @param values the secret header values */
    SecretScrubber(List<String> values) {
        Set<Needle> all = new LinkedHashSet<>();
        for (String value : values) {
            if (value.isEmpty()) {
                continue;
            }
            int space = value.indexOf(' ');
            boolean scheme = space > 0 && value.substring(0, space).chars().allMatch(Character::isLetter);
            if (scheme) {
                all.add(new Needle(value, false));
            }
            String credential = scheme ? value.substring(space + 1).strip() : value;
            if (!credential.isEmpty()) {
                all.add(new Needle(credential, true));
            }
            if (scheme && value.substring(0, space).equalsIgnoreCase("Basic")) {
                String decoded = base64Text(credential);
                if (decoded != null) {
                    all.add(new Needle(decoded, false));
                    int colon = decoded.indexOf(':');
                    if (colon >= 0 && colon + 1 < decoded.length()) {
                        all.add(new Needle(decoded.substring(colon + 1), true));
                    }
                }
            }
        }
        List<Needle> expanded = new ArrayList<>(all);
        for (Needle needle : all) {
            if (needle.fragments()) {
                for (String core : base64Cores(needle.text())) {
                    expanded.add(new Needle(core, false, true));
                }
            }
        }
        this.needles = List.copyOf(expanded);
        this.longestEncoded = expanded.stream().mapToInt(n -> n.text().length() * 6).max().orElse(0);
    }

    /** {@code text} with every form of every secret replaced by {@code ***}. */
    String scrub(String text) {
        if (text == null || text.isEmpty() || needles.isEmpty()) {
            return text;
        }
        List<int[]> spans = spans(text, false);
        return spans.isEmpty() ? text : blank(text, spans);
    }

    /** Whether {@code text} holds any form of a secret (what {@link #scrub} would change). */
    boolean containsSecret(String text) {
        return text != null && !text.isEmpty() && !needles.isEmpty() && !spans(text, true).isEmpty();
    }

    /** A response body on one line, scrubbed, at most 200 characters, quoted; "empty" when blank. */
    String excerpt(String body) {
        // scrub before cutting, so that a cut can never leave part of a secret behind; only the
        // head that can reach the excerpt is scrubbed (a secret starting in it ends in it)
        String head = body.length() > EXCERPT + longestEncoded + 16 ? body.substring(0, EXCERPT + longestEncoded + 16)
                : body;
        String oneLine = scrub(head).strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "empty";
        }
        return "'" + (oneLine.length() > EXCERPT || head.length() < body.length()
                ? oneLine.substring(0, Math.min(EXCERPT, oneLine.length())) + "…" : oneLine) + "'";
    }

    /** "IOException: message", scrubbed. */
    String message(Throwable e) {
        return scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    // ---- finding ------------------------------------------------------------------------------

    /** The spans of the text as written that hold a form of a secret; with {@code first}, at most one. */
    private List<int[]> spans(String text, boolean first) {
        List<int[]> spans = new ArrayList<>();
        find(text, null, spans, first);
        if (first && !spans.isEmpty()) {
            return spans;
        }
        Decoded decoded = Decoded.of(text);
        if (decoded != null) {
            find(decoded.text, decoded.origin, spans, first);
        }
        return spans;
    }

    /**
     * Adds the spans of {@code text} (mapped back through {@code origin}, where {@code origin[i]}
     * is where decoded character {@code i} starts in the original, and {@code origin[length]} its
     * end) that match a needle.
     */
    private void find(String text, int[] origin, List<int[]> spans, boolean first) {
        for (Needle needle : needles) {
            String secret = needle.text();
            int length = secret.length();
            int minimum = needle.fragments() ? fragmentLength(length) : length;
            if (minimum >= length) {
                for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                    int from = at;
                    int to = at + length;
                    if (needle.base64()) {
                        while (from > 0 && isBase64(text.charAt(from - 1))) {
                            from--;
                        }
                        while (to < text.length() && isBase64(text.charAt(to))) {
                            to++;
                        }
                    }
                    add(spans, origin, from, to);
                    if (first) {
                        return;
                    }
                }
                continue;
            }
            // any run of `minimum` characters of the secret holds one whole aligned block of this size
            int block = (minimum + 1) / 2;
            for (int start = 0; start + block <= length; start += block) {
                String seed = secret.substring(start, start + block);
                for (int at = text.indexOf(seed); at >= 0; at = text.indexOf(seed, at + 1)) {
                    int left = 0;
                    while (at - left > 0 && start - left > 0 && text.charAt(at - left - 1) == secret.charAt(start - left - 1)) {
                        left++;
                    }
                    int right = block;
                    while (at + right < text.length() && start + right < length
                            && text.charAt(at + right) == secret.charAt(start + right)) {
                        right++;
                    }
                    if (left + right >= minimum) {
                        add(spans, origin, at - left, at + right);
                        if (first) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '-' || c == '_' || c == '=';
    }

    /** The shortest run of a secret of {@code length} characters that counts as a leak. */
    static int fragmentLength(int length) {
        return Math.max(MIN_FRAGMENT, length - length / 4);
    }

    private static void add(List<int[]> spans, int[] origin, int from, int to) {
        spans.add(origin == null ? new int[] {from, to} : new int[] {origin[from], origin[to]});
    }

    private static String blank(String text, List<int[]> spans) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        int i = 0;
        while (i < spans.size()) {
            int from = spans.get(i)[0];
            int to = spans.get(i)[1];
            for (i++; i < spans.size() && spans.get(i)[0] <= to; i++) {
                to = Math.max(to, spans.get(i)[1]);
            }
            if (from >= written) {
                out.append(text, written, from).append(BLANK);
                written = to;
            } else if (to > written) {
                written = to;
            }
        }
        return out.append(text, written, text.length()).toString();
    }

    // ---- encodings ----------------------------------------------------------------------------

    /**
     * The base64 texts that any base64 encoding holding {@code secret} contains, whatever the
     * bytes around it: for each of the three alignments, the characters that only the secret's
     * bytes determine, in the standard and the URL-safe alphabet (when at least 8 long).
     */
    static List<String> base64Cores(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> cores = new LinkedHashSet<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int from = (shift * 8 + 5) / 6;                 // the first character free of the bytes before
            int to = (int) ((shifted.length * 8L) / 6);     // the last one free of the bytes after
            if (to - from >= 8) {
                String core = encoded.substring(from, to);
                cores.add(core);
                cores.add(core.replace('+', '-').replace('/', '_'));
            }
        }
        return new ArrayList<>(cores);
    }

    /** The UTF-8 text that {@code text} base64-decodes to (either alphabet), or null. */
    private static String base64Text(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A text with its JSON escapes, URL percent-encodings and HTML character references decoded
     * in one pass, and where each decoded character came from. Percent-encoded bytes are decoded
     * as UTF-8 runs. A sequence that is not a valid escape stays as it is.
     */
    private static final class Decoded {
        final String text;
        final int[] origin;

        private Decoded(String text, int[] origin) {
            this.text = text;
            this.origin = origin;
        }

        /** Null when {@code raw} holds nothing to decode. */
        static Decoded of(String raw) {
            int n = raw.length();
            int firstEscape = -1;
            for (int i = 0; i < n && firstEscape < 0; i++) {
                char c = raw.charAt(i);
                if (c == '\\' || c == '%' || c == '&') {
                    firstEscape = i;
                }
            }
            if (firstEscape < 0) {
                return null;
            }
            StringBuilder out = new StringBuilder(n);
            int[] origin = new int[n + 1];
            int i = 0;
            while (i < n) {
                int at = out.length();
                int next = decodeAt(raw, i, out);
                if (next == i) {
                    out.append(raw.charAt(i));
                    next = i + 1;
                }
                for (int k = at; k < out.length(); k++) {
                    origin[k] = i;
                }
                i = next;
            }
            origin[out.length()] = n;
            boolean changed = out.length() != n;
            return changed || !out.toString().equals(raw) ? new Decoded(out.toString(), Arrays.copyOf(origin,
                    out.length() + 1)) : null;
        }

        /** Decodes one escape at {@code i} into {@code out}; returns where it ends, or {@code i} if none is there. */
        private static int decodeAt(String raw, int i, StringBuilder out) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char e = raw.charAt(i + 1);
                switch (e) {
                    case '/', '\\', '"', '\'' -> {
                        out.append(e);
                        return i + 2;
                    }
                    case 'n' -> {
                        out.append('\n');
                        return i + 2;
                    }
                    case 't' -> {
                        out.append('\t');
                        return i + 2;
                    }
                    case 'r' -> {
                        out.append('\r');
                        return i + 2;
                    }
                    case 'b' -> {
                        out.append('\b');
                        return i + 2;
                    }
                    case 'f' -> {
                        out.append('\f');
                        return i + 2;
                    }
                    case 'u' -> {
                        int code = hex(raw, i + 2, 4);
                        if (code >= 0) {
                            out.append((char) code);
                            return i + 6;
                        }
                        return i;
                    }
                    default -> {
                        return i;
                    }
                }
            }
            if (c == '%') {
                return percent(raw, i, out);
            }
            if (c == '&') {
                return entity(raw, i, out);
            }
            return i;
        }

        /** A run of %XX bytes, decoded as UTF-8 when it is valid UTF-8, else byte by byte as Latin-1. */
        private static int percent(String raw, int i, StringBuilder out) {
            int end = i;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (end + 2 < raw.length() && raw.charAt(end) == '%' && hex(raw, end + 1, 2) >= 0) {
                bytes.write(hex(raw, end + 1, 2));
                end += 3;
            }
            if (end == i) {
                return i;
            }
            byte[] run = bytes.toByteArray();
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(run)));
            } catch (CharacterCodingException e) {
                for (byte b : run) {
                    out.append((char) (b & 0xFF));
                }
            }
            return end;
        }

        /** {@code &#47;}, {@code &#x2F;}, {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &apos;}. */
        private static int entity(String raw, int i, StringBuilder out) {
            int semicolon = raw.indexOf(';', i);
            if (semicolon < 0 || semicolon - i > 10) {
                return i;
            }
            String name = raw.substring(i + 1, semicolon);
            int code = -1;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                code = hex(name, 2, name.length() - 2);
            } else if (name.startsWith("#") && name.length() > 1 && name.substring(1).chars().allMatch(Character::isDigit)) {
                code = Integer.parseInt(name.substring(1));
            } else {
                code = switch (name) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "apos" -> '\'';
                    case "sol" -> '/';
                    case "plus" -> '+';
                    case "equals" -> '=';
                    default -> -1;
                };
            }
            if (code < 0 || !Character.isValidCodePoint(code)) {
                return i;
            }
            out.appendCodePoint(code);
            return semicolon + 1;
        }

        /** The value of {@code count} hex digits at {@code from}, or -1. */
        private static int hex(String text, int from, int count) {
            if (count <= 0 || count > 6 || from + count > text.length()) {
                return -1;
            }
            int value = 0;
            for (int k = from; k < from + count; k++) {
                int digit = Character.digit(text.charAt(k), 16);
                if (digit < 0) {
                    return -1;
                }
                value = value * 16 + digit;
            }
            return value;
        }
    }
}
