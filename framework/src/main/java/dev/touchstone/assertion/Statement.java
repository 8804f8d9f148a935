package dev.touchstone.assertion;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.internal.MetricEvaluator;
import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.model.Model;
import dev.touchstone.scope.OpenStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a quality statement names before its expectation: model, data, slices, metric and
 * the {@code as(...)} description, carried once here by every stage. Immutable; evaluation
 * happens in {@link #evaluate}.
 */
record Statement(Model model, @Nullable Dataset dataset, Selection selection, MetricSpec metric,
        Optional<String> description, OpenStatement open) {

    Statement {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(open, "open");
    }

    /** The next stage: the metric chosen (a stage of its own, that an expectation must finish). */
    Statement withMetric(MetricSpec newMetric) {
        return new Statement(model, dataset, selection, newMetric, description, open.then("." + newMetric.name()));
    }

    Statement withSelection(Selection newSelection) {
        return new Statement(model, dataset, newSelection, metric, description, open.then("." + newSelection.stage()));
    }

    Statement withDescription(String text) {
        return new Statement(model, dataset, selection, metric, Optional.ofNullable(text).filter(t -> !t.isEmpty()),
                open);
    }

    Dataset resolveDataset() {
        if (dataset != null) {
            return dataset;
        }
        return model.dataset().orElseThrow(() -> new QualityConfigurationException("model '" + model.name()
                + "' is not a logged model, so the statement must say which data to evaluate it on: "
                + "assertThat(model).on(dataset)..."));
    }

    Outcomes outcomes(TouchstoneSettings settings) {
        return Outcomes.of(model, resolveDataset(), settings);
    }

    /** The metric on every slice of the statement, in slice order. */
    List<SliceEstimate> evaluate(TouchstoneSettings settings) {
        Outcomes outcomes = outcomes(settings);
        List<SliceRows> slices = selection.resolve(outcomes);
        List<SliceEstimate> estimates = new ArrayList<>(slices.size());
        for (SliceRows slice : slices) {
            estimates.add(MetricEvaluator.evaluate(outcomes, slice, metric, settings));
        }
        return estimates;
    }

    String datasetName() {
        return dataset != null ? dataset.name() : model.dataset().map(Dataset::name).orElse("?");
    }
}
