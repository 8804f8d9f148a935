package dev.touchstone.report;

import dev.touchstone.result.Verdict;

/** Verdict colours, the same in every document. */
final class Palette {

    static final String PASSED = "#2e7d32";
    static final String FAILED = "#c62828";
    static final String INCONCLUSIVE = "#e69b00";
    static final String ERROR = "#6a1b9a";

    private Palette() {
    }

    /** The verdict's colour: green, red, amber, purple. */
    static String colour(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case ERROR -> ERROR;
        };
    }

    /** Text drawn on the verdict's colour. */
    static String onColour(Verdict verdict) {
        return verdict == Verdict.INCONCLUSIVE ? "#212121" : "#ffffff";
    }

    /** A light background that highlights a row with this verdict, or null for PASSED. */
    static String tint(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> null;
            case FAILED -> "#fdecea";
            case INCONCLUSIVE -> "#fff5dc";
            case ERROR -> "#f3e5f5";
        };
    }
}
