package dev.touchstone.internal.text;

import org.apiguardian.api.API;

/**
 * A short, escaped excerpt of text read from a file, for an error message: at most
 * {@value #MAX_LENGTH} characters, control characters and quotes escaped, so a message never
 * carries more of a file than it needs to point at the problem, and never a line break that
 * would forge a log line.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Excerpt {

    public static final int MAX_LENGTH = 40;

    private Excerpt() {
    }

    /** {@code 'root:x:0:0:root:/root:/bin/bash\n…'}: quoted, escaped, cut at {@value #MAX_LENGTH}. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder("'");
        int end = Math.min(text.length(), MAX_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        if (text.length() > MAX_LENGTH) {
            out.append("… (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
