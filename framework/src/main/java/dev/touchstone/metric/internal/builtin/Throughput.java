package dev.touchstone.metric.internal.builtin;

import java.util.List;

/** Examples answered per second over the whole run: a property of the run, not of a slice. */
final class Throughput extends EndpointMetric {

    Throughput() {
        super("throughput", true, Range.NON_NEGATIVE);
    }

    @Override
    public Estimate estimate(EndpointSample sample) {
        double rate = sample.examplesPerSecond();
        return Estimate.defined(rate, IntervalSource.exact(rate)).withNotes(List.of("throughput is measured over the "
                + "whole run (" + sample.runExamples() + " examples), not per slice"));
    }
}
