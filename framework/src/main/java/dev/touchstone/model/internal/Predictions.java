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
 * @param predicted   categorical (classification) or numeric (regression) predictions
 * @param scores      positive-class scores, or {@code null}; checked to be numeric only when a
 *                    metric needs them, so a bad score column never fails, say, accuracy
 * @param origin      how messages name the predictions: {@code column 'predicted'}, {@code model 'm'}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Predictions(Column predicted, @Nullable Column scores, String origin) {

    public Predictions {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(origin, "origin");
    }

    public Optional<Column> scoreColumn() {
        return Optional.ofNullable(scores);
    }
}
