package dev.touchstone.gate;

import dev.touchstone.config.QualityConfigurationException;
import java.math.BigDecimal;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A bound written by a user: {@code 0.9}, {@code 0.90} or {@code 90%}. Kept as a
 * {@link BigDecimal} so that the scale the user wrote decides how values are shown next to it.
 *
 * @param value the bound ({@code 90%} is {@code 0.90})
 * @param text  the text as written, for messages
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Threshold(BigDecimal value, String text) {

    public Threshold {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses {@code text} for the setting {@code key}; a value that is not a number (or a
     * percentage) fails with the key and the value.
     */
    public static Threshold parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new QualityConfigurationException(key + " is empty: expected a number such as 0.9 or a percentage such as 90%");
        }
        String trimmed = text.trim();
        boolean percent = trimmed.endsWith("%");
        String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new QualityConfigurationException(key + " = '" + text + "' is not a number: expected a number such as 0.9 or a percentage such as 90%");
        }
        return new Threshold(percent ? value.movePointLeft(2) : value, trimmed);
    }

    /** A threshold from a number, as if written in the shortest decimal that names it. */
    public static Threshold of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold must be finite but was " + value);
        }
        return new Threshold(new BigDecimal(Double.toString(value)), Double.toString(value));
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    /** Decimals to show values next to this bound: at least three, more when the bound is written finer. */
    public int decimals() {
        return Math.min(Math.max(3, Math.max(0, value.stripTrailingZeros().scale())), 10);
    }

    @Override
    public String toString() {
        return text;
    }
}
