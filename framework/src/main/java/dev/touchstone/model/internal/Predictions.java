package dev.touchstone.model.internal;

import dev.touchstone.data.table.Column;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A model's outputs on every row of a dataset, in row order: the predicted class or number, and
 * the positive-class score when the model gives one.
 *
 * @param predicted   categorical (classification) or numeric (regression) predictions, or {@code null}
 *                    for a score-only model (a risk score without a predicted class)
 * @param scores      positive-class scores, or {@code null}; checked to be numeric only when a
 *                    metric needs them, so a bad score column never fails, say, accuracy
 * @param origin      how messages name the predictions: {@code column 'predicted'}, {@code model 'm'}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Predictions(@Nullable Column predicted, @Nullable Column scores, String origin) {

    public Predictions {
        if (predicted == null && scores == null) {
            throw new IllegalArgumentException("a model gives predictions, scores or both");
        }
        Objects.requireNonNull(origin, "origin");
    }

    /** A score-only model: no predicted class or value. */
    public boolean scoresOnly() {
        return predicted == null;
    }

    public Optional<Column> scoreColumn() {
        return Optional.ofNullable(scores);
    }
}
