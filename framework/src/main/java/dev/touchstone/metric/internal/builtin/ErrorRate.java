package dev.touchstone.metric.internal.builtin;

import java.util.ArrayList;
import java.util.List;

/** The share of examples the endpoint did not answer, with the failures by cause in the notes. */
final class ErrorRate extends EndpointMetric {

    ErrorRate() {
        super("error_rate", false, Range.UNIT);
    }

    @Override
    public Estimate estimate(EndpointSample sample) {
        long failed = sample.failed();
        List<String> notes = new ArrayList<>();
        sample.failures().forEach((cause, count) -> notes.add(count + " × " + cause));
        return Estimate.proportion((double) failed / sample.examples(), new Proportion(failed, sample.examples()))
                .withNotes(notes);
    }
}
