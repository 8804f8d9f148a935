package dev.touchstone.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an in-process model returns for one example: a class (optionally with the score or
 * probability of the positive class), or a number for regression.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Prediction {

    private final @Nullable String label;
    private final double score;
    private final double value;

    private Prediction(@Nullable String label, double score, double value) {
        this.label = label;
        this.score = score;
        this.value = value;
    }

    /** A predicted class. */
    public static Prediction of(String label) {
        return new Prediction(Objects.requireNonNull(label, "label"), Double.NaN, Double.NaN);
    }

    /** A predicted class with the score (or probability) of the positive class. */
    public static Prediction of(String label, double positiveScore) {
        requireFinite(positiveScore, "score");
        return new Prediction(Objects.requireNonNull(label, "label"), positiveScore, Double.NaN);
    }

    /** A predicted number, for regression. */
    public static Prediction ofValue(double value) {
        requireFinite(value, "predicted value");
        return new Prediction(null, Double.NaN, value);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public OptionalDouble score() {
        return Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    public OptionalDouble value() {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static void requireFinite(double x, String what) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " must be a finite number but was " + x);
        }
    }

    @Override
    public String toString() {
        if (label == null) {
            return "Prediction[value=" + value + "]";
        }
        return Double.isNaN(score) ? "Prediction[" + label + "]" : "Prediction[" + label + ", score=" + score + "]";
    }
}
