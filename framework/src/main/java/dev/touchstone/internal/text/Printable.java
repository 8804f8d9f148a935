package dev.touchstone.internal.text;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one escaping of text that came from data, a server or a file into a human-facing line: the
 * console, the gate table, summary.md, exception messages. A line break, a carriage return, an
 * ANSI escape or any other control character in a slice name or a value would otherwise start a
 * new log line of the attacker's choosing ("\n[INFO] BUILD SUCCESS") or repaint the terminal.
 *
 * <p>Rules: {@code \n}, {@code \r} and {@code \t} become those two-character escapes; every
 * other control character (C0, DEL, C1 such as U+0085 NEXT LINE), the Unicode line and
 * paragraph separators and the bidirectional overrides and isolates (which reorder what a
 * terminal shows) become {@code \}{@code uXXXX}. Everything else, including backslashes and
 * non-ASCII letters, is left as it is, so paths and names stay readable.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Printable {

    /** Longest value {@link #quote} shows in full. */
    public static final int QUOTED_LENGTH = 80;

    private Printable() {
    }

    /** {@code text} on one line, with every control character escaped; null stays "null". */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int length = text.length();
        int i = 0;
        while (i < length && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * A value from data for a message: escaped, in single quotes, and cut after
     * {@value #QUOTED_LENGTH} characters with the full length said ({@code '0.1\n[INFO] x'},
     * {@code 'aaaa…' (300,000 characters)}).
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= QUOTED_LENGTH) {
            return "'" + escape(text) + "'";
        }
        int cut = QUOTED_LENGTH;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return "'" + escape(text.substring(0, cut)) + "…' ("
                + String.format(Locale.ROOT, "%,d", text.length()) + " characters)";
    }

    /**
     * The first line of another library's message (a driver's or an engine's), stripped:
     * their later lines hold stack traces or query plans that bury the reason. Not escaped.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** Whether {@code c} is escaped by {@link #escape}. */
    public static boolean needsEscape(char c) {
        if (c < 0x20 || c == 0x7F) {
            return true;
        }
        if (c < 0x80) {
            return false;
        }
        return c <= 0x9F                       // C1 controls, NEXT LINE among them
                || c == '\u2028' || c == '\u2029'  // line and paragraph separators
                || c >= '\u202A' && c <= '\u202E'  // bidi embeddings and overrides
                || c >= '\u2066' && c <= '\u2069'  // bidi isolates
                || c == '\u200E' || c == '\u200F'  // bidi marks
                || c == '\u061C';                  // Arabic letter mark
    }
}
