package dev.touchstone.assertion;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.internal.MetricDefinition;
import dev.touchstone.metric.internal.MetricEvaluator;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a quality statement names before its expectation: model, data, slices, metric and
 * description. Immutable; evaluation happens in {@link #evaluate}.
 */
record Statement(Model model, Dataset dataset, Selection selection, MetricDefinition metric,
        Optional<String> description) {

    Statement withMetric(MetricDefinition newMetric) {
        return new Statement(model, dataset, selection, newMetric, description);
    }

    Statement withDescription(Optional<String> newDescription) {
        return new Statement(model, dataset, selection, metric, newDescription);
    }

    Dataset resolveDataset() {
        if (dataset != null) {
            return dataset;
        }
        return model.dataset().orElseThrow(() -> new QualityConfigurationException("model '" + model.name()
                + "' is not a logged model, so the statement must say which data to evaluate it on: "
                + "assertThat(model).on(dataset)..."));
    }

    /** The metric on every slice of the statement, in slice order. */
    List<SliceEstimate> evaluate(TouchstoneSettings settings) {
        Outcomes outcomes = Outcomes.of(model, resolveDataset(), settings);
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
