package dev.touchstone.model.internal;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.Model;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The evaluation's way into a model: {@code Model} keeps these operations package-private and
 * hands this class a bridge to them when it is loaded, so they are not part of its public API.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ModelAccess {

    /** What {@code Model} implements for the evaluation; installed once, by {@code Model} itself. */
    public interface Bridge {
        Predictions predict(Model model, Dataset dataset, TouchstoneSettings settings);

        Optional<EndpointOutcomes> endpointOutcomes(Model model, Dataset dataset, TouchstoneSettings settings);

        <T> T memo(Model model, Object key, Function<Object, T> compute);
    }

    private static volatile Bridge bridge;

    private ModelAccess() {
    }

    /** Called by {@code Model}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Bridge implementation) {
        if (bridge == null) {
            bridge = Objects.requireNonNull(implementation, "bridge");
        }
    }

    /** The model's outputs on every row of {@code dataset}. */
    public static Predictions predict(Model model, Dataset dataset, TouchstoneSettings settings) {
        return bridge().predict(model, dataset, settings);
    }

    /** Per-example latency and failures when the model is behind an endpoint; empty otherwise. */
    public static Optional<EndpointOutcomes> endpointOutcomes(Model model, Dataset dataset, TouchstoneSettings settings) {
        return bridge().endpointOutcomes(model, dataset, settings);
    }

    /** The model's run-scoped memo: computed once per key, shared by every statement on the model. */
    public static <T> T memo(Model model, Object key, Function<Object, T> compute) {
        return bridge().memo(model, key, compute);
    }

    // A Model instance exists, so its class (and the bridge) has been initialised.
    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            throw new IllegalStateException("Model has not installed its bridge");
        }
        return b;
    }
}
