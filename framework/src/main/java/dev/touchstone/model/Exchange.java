package dev.touchstone.model;

import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.model.endpoint.internal.EndpointClient;
import dev.touchstone.model.endpoint.internal.ResponseFormatException;
import java.net.URI;

/**
 * What an endpoint adapter exchanges with its server for one table: a request body for each batch
 * of rows, and one prediction per row from each response. A new protocol is a new {@code Exchange}
 * (a request builder and a response parser); {@link EndpointModel} does the rest: batching,
 * sending, retries, failures, predictions and outcomes.
 */
interface Exchange {

    /** Where inference requests are posted. */
    URI uri();

    /** Rows per request: 1 for APIs that take one example a request. */
    int rowsPerRequest();

    /** The JSON body of the request for rows {@code from} to {@code from + rows - 1}. */
    String request(int from, int rows);

    /** One prediction per row of the request, from its 2xx response body. */
    Prediction[] parse(String body, int rows) throws ResponseFormatException, JsonFormatException;

    /**
     * The second step of binding an adapter to a table, once its settings and columns were
     * checked and the client exists: checks the server (readiness, model metadata) and gives the
     * exchange, which may depend on what the server declared.
     */
    @FunctionalInterface
    interface Opener {
        Exchange open(EndpointClient client, long seed);
    }
}
