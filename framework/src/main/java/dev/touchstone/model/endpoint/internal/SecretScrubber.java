package dev.touchstone.model.endpoint.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Blanks the client's secrets out of every text it produces (response excerpts, exception
 * messages): servers echo credentials in error bodies, and such texts reach failures, results and
 * logs. Immutable.
 */
final class SecretScrubber {

    private static final int EXCERPT = 200;
    private static final String BEARER = "Bearer ";

    private final List<String> secrets;

    /** @param values the secret header values; of a bearer header, the token alone is a secret too */
    SecretScrubber(List<String> values) {
        List<String> all = new ArrayList<>();
        for (String value : values) {
            all.add(value);
            if (value.startsWith(BEARER) && value.length() > BEARER.length()) {
                all.add(value.substring(BEARER.length()));
            }
        }
        // longest first, so that a secret containing another is blanked whole
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(all);
    }

    /** {@code text} with every secret value replaced by {@code ***}. */
    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    /** A response body on one line, scrubbed, at most 200 characters, quoted; "empty" when blank. */
    String excerpt(String body) {
        // scrub before cutting, so that a cut can never leave part of a secret behind
        String oneLine = scrub(body).strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "empty";
        }
        return "'" + (oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "…" : oneLine) + "'";
    }

    /** "IOException: message", scrubbed. */
    String message(Exception e) {
        return scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
