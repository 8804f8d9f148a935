package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.model.Model;

/** What a comparison statement compares with: a champion model on the same data, or a baseline. */
@API(status = API.Status.INTERNAL, since = "0.2")
public sealed interface Reference {

    String source();

    record Champion(Model model) implements Reference {
        @Override
        public String source() {
            return "model:" + model.name();
        }
    }

    record Recorded(Baseline baseline) implements Reference {
        @Override
        public String source() {
            return baseline.source();
        }
    }
}
