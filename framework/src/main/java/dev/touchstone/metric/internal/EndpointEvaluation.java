package dev.touchstone.metric.internal;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.metric.internal.builtin.EndpointMetric;
import dev.touchstone.metric.internal.builtin.EndpointSample;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.endpoint.Failure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operational metrics of a model behind an endpoint, from the per-example outcomes of its calls. */
final class EndpointEvaluation {

    private EndpointEvaluation() {
    }

    static SliceEstimate estimate(Outcomes outcomes, SliceRows slice, EndpointMetric metric, String name,
            TouchstoneSettings settings) {
        EndpointOutcomes run = ModelAccess.endpointOutcomes(outcomes.model(), outcomes.dataset(), settings)
                .orElseThrow(() -> new QualityConfigurationException(name + " needs a model behind an endpoint "
                        + "(Model.openInference, Model.http, ...), but model '" + outcomes.model().name() + "' is not"));
        if (slice.isEmpty()) {
            return SliceEstimate.empty(name, slice, List.of());
        }
        return SliceEstimate.of(name, slice, metric.estimate(sample(run, slice)));
    }

    static EndpointSample sample(EndpointOutcomes run, SliceRows slice) {
        Failure[] failures = run.failures();
        long[] nanos = run.latencyNanos();
        Map<String, Integer> causes = new LinkedHashMap<>();
        double[] answered = new double[slice.size()];
        int m = 0;
        for (int i = 0; i < slice.size(); i++) {
            int r = slice.row(i);
            Failure f = failures[r];
            if (f == null) {
                answered[m++] = nanos[r] / 1e6;
            } else {
                causes.merge(f.cause(), 1, Integer::sum);
            }
        }
        double[] sorted = Arrays.copyOf(answered, m);
        Arrays.sort(sorted);
        return new EndpointSample(slice.size(), causes, sorted, run.examples(), run.examplesPerSecond());
    }
}
