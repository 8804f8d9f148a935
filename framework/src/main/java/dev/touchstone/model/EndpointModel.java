package dev.touchstone.model;

import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.internal.Call;
import dev.touchstone.model.endpoint.internal.EndpointClient;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.internal.Outcome;
import dev.touchstone.model.endpoint.internal.ResponseCache;
import dev.touchstone.config.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What every model behind an endpoint shares: the client settings, and one call of the endpoint
 * per loaded table, whose outcomes serve both predictions and operational metrics. An adapter
 * only binds itself to a table ({@link #bind}): its protocol is an {@link Exchange}, a request
 * builder and a response parser. Immutable: every setting returns a copy.
 *
 * @param <SELF> the concrete model type, for fluent settings
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class EndpointModel<SELF extends EndpointModel<SELF>> extends Model {

    EndpointModel(String name) {
        super(name);
    }

    /** The client settings in force. */
    public abstract EndpointOptions options();

    /** A copy with other client settings. */
    abstract SELF withOptions(EndpointOptions options);

    /** The endpoint as messages show it, without credentials. */
    abstract String endpoint();

    /**
     * Checks this adapter's settings and the columns it reads on {@code table}, before any
     * request; the opener then checks the server and gives the exchange.
     */
    abstract Exchange.Opener bind(Table table);

    /** Requests in flight at most (default 8). */
    public SELF concurrency(int requests) {
        return withOptions(options().withConcurrency(requests));
    }

    /** Per-request timeout, for the whole response (default 10 s). */
    public SELF timeout(Duration timeout) {
        return withOptions(options().withTimeout(timeout));
    }

    /** Retries on connect errors, 429 and 5xx (default 3). */
    public SELF retries(int retries) {
        return withOptions(options().withRetries(retries));
    }

    /** Exponential backoff with full jitter: retry k waits up to min(max, base * 2^k) (default 200 ms, 10 s). */
    public SELF backoff(Duration base, Duration max) {
        return withOptions(options().withBackoff(base, max));
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public SELF bearerToken(Secret token) {
        return withOptions(options().withBearerToken(token));
    }

    /** Sends header {@code name} with a secret value (an API key). */
    public SELF header(String name, Secret value) {
        return withOptions(options().withHeader(name, value));
    }

    /** Every client setting at once (circuit breaker, Retry-After cap...). */
    public SELF options(EndpointOptions newOptions) {
        return withOptions(Objects.requireNonNull(newOptions, "options"));
    }

    /** A model behind an endpoint needs {@code .on(dataset)}. */
    @Override
    public Optional<Dataset> dataset() {
        return Optional.empty();
    }

    /**
     * This model's outputs on every row; fails with a {@code QualityConfigurationException} that
     * counts the failed examples by cause when any failed. The endpoint is called once per loaded
     * table, for predictions and {@link #outcomes} together.
     */
    @Override
    Predictions predict(Dataset dataset, TouchstoneSettings settings) {
        return memo(new PredictionsKey(DatasetAccess.tableIdentity(dataset)), key -> evaluate(dataset, settings).predictions());
    }

    @Override
    Optional<EndpointOutcomes> endpointOutcomes(Dataset dataset, TouchstoneSettings settings) {
        return Optional.of(outcomes(dataset, settings));
    }

    /**
     * Latency or failure of every example; {@code settings} give the seed of the retries' jitter
     * and the response cache. The endpoint is called once per loaded table.
     */
    public EndpointOutcomes outcomes(Dataset dataset, TouchstoneSettings settings) {
        return evaluate(dataset, settings).outcomes();
    }

    /** How messages name this model: {@code model 'm' at http://host:port/path}. */
    final String who() {
        return "model '" + name() + "' at " + endpoint();
    }

    /** Rejects a blank setting: {@code what} names it ("model name", "label output name"). */
    static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            String article = what.matches("[aeiou].*") ? "an " : "a ";
            throw new IllegalArgumentException(article + what + " must not be blank");
        }
        return value;
    }

    private EndpointRun evaluate(Dataset dataset, TouchstoneSettings settings) {
        return memo(new RunKey(DatasetAccess.tableIdentity(dataset)), key -> run(dataset.table(), settings));
    }

    /** Calls the endpoint for every row of {@code table}; failures are recorded, not thrown. */
    private EndpointRun run(Table table, TouchstoneSettings settings) {
        Exchange.Opener opener = bind(table);
        EndpointClient client = new EndpointClient(options().withMaxResponseBytes(settings.maxResponseBytes()),
                settings.responseCache().map(ResponseCache::new).orElse(null));
        Exchange exchange = opener.open(client, settings.seed());
        int n = table.rowCount();
        int batch = exchange.rowsPerRequest();
        List<Call<Prediction[]>> calls = new ArrayList<>(n / batch + 1);
        for (int from = 0; from < n; from += batch) {
            int rows = Math.min(batch, n - from);
            calls.add(new Call<>(exchange.uri(), exchange.request(from, rows), rows,
                    body -> scrubbed(exchange.parse(body, rows), client)));
        }
        long started = System.nanoTime();
        List<Outcome<Prediction[]>> outcomes = client.run(who(), calls, settings.seed());
        return EndpointRun.of(name(), endpoint(), table, calls, outcomes, System.nanoTime() - started);
    }

    /**
     * The predictions with every form of a credential blanked out of their labels: a server that
     * echoes the token in a successful answer must not put it in class names, messages or reports.
     */
    private static Prediction[] scrubbed(Prediction[] predictions, EndpointClient client) {
        for (int i = 0; i < predictions.length; i++) {
            Prediction p = predictions[i];
            if (p == null || p.label().isEmpty()) {
                continue;
            }
            String label = p.label().get();
            String clean = client.scrub(label);
            if (!clean.equals(label)) {
                predictions[i] = p.score().isPresent() ? Prediction.of(clean, p.score().getAsDouble())
                        : Prediction.of(clean);
            }
        }
        return predictions;
    }

    private record RunKey(Object table) {
    }

    private record PredictionsKey(Object table) {
    }
}
