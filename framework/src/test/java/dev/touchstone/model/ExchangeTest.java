package dev.touchstone.model;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.model.internal.Predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.internal.EndpointUrl;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.model.endpoint.internal.ResponseFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new protocol is a request builder and a response parser: this one posts a JSON array of
 * texts and reads one line per text back. Batching, sending, failures, predictions and outcomes
 * come from {@link EndpointModel}.
 */
class ExchangeTest {

    /** Posts {@code ["text", ...]}; the answer is one label per line. */
    static final class LinesModel extends EndpointModel<LinesModel> {
        private final URI uri;
        private final int batch;
        private final EndpointOptions options;

        LinesModel(URI uri, int batch, EndpointOptions options) {
            super("lines");
            this.uri = uri;
            this.batch = batch;
            this.options = options;
        }

        @Override
        public EndpointOptions options() {
            return options;
        }

        @Override
        LinesModel withOptions(EndpointOptions newOptions) {
            return new LinesModel(uri, batch, newOptions);
        }

        @Override
        String endpoint() {
            return EndpointUrl.safe(uri);
        }

        @Override
        Exchange.Opener bind(Table table) {
            Column text = Inputs.column(table, "text", who(), "the request reads column 'text'");
            Exchange exchange = new Exchange() {
                @Override
                public URI uri() {
                    return uri;
                }

                @Override
                public int rowsPerRequest() {
                    return batch;
                }

                @Override
                public String request(int from, int rows) {
                    return IntStream.range(from, from + rows).mapToObj(r -> Json.quote(text.text(r)))
                            .collect(Collectors.joining(",", "[", "]"));
                }

                @Override
                public Prediction[] parse(String body, int rows) throws ResponseFormatException {
                    String[] lines = body.split("\n");
                    if (lines.length != rows) {
                        throw new ResponseFormatException("unexpected response", lines.length + " lines for " + rows);
                    }
                    Prediction[] predictions = new Prediction[rows];
                    for (int i = 0; i < rows; i++) {
                        predictions[i] = Prediction.of(lines[i]);
                    }
                    return predictions;
                }
            };
            return (client, seed) -> exchange;
        }
    }

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        // upper-cases each text; a batch with "boom" in it gets a 500
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                List<?> texts = (List<?>) Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                boolean boom = texts.contains("boom");
                byte[] body = (boom ? "down" : texts.stream().map(t -> ((String) t).toUpperCase(Locale.ROOT))
                        .collect(Collectors.joining("\n"))).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(boom ? 500 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (JsonFormatException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    LinesModel model() {
        return new LinesModel(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lines"), 3,
                EndpointOptions.defaults()).retries(0).timeout(Duration.ofSeconds(2));
    }

    static Dataset texts(String... texts) {
        var b = Dataset.builder("texts").columns("text");
        for (String t : texts) {
            b.row(t);
        }
        return b.build();
    }

    @Test
    void rows_are_batched_sent_and_read_back_in_order() {
        Predictions p = ModelAccess.predict(model(), texts("a", "b", "c", "d", "e", "f", "g"), TouchstoneSettings.defaults());

        assertThat(IntStream.range(0, 7).mapToObj(p.predicted()::text))
                .containsExactly("A", "B", "C", "D", "E", "F", "G");
        assertThat(requests).as("ceil(7 / 3) requests").hasValue(3);
    }

    @Test
    void a_failed_batch_fails_each_of_its_examples_and_the_others_keep_their_latency() {
        LinesModel model = model();
        Dataset data = texts("a", "b", "c", "boom", "e", "f", "g");

        assertThatThrownBy(() -> ModelAccess.predict(model, data, TouchstoneSettings.defaults()))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageStartingWith("model 'lines' at http://127.0.0.1:" + server.getAddress().getPort()
                        + "/lines: 3 of 7 examples failed: 3 × HTTP 500; first failure: dataset 'texts' row 4: "
                        + "HTTP 500 (body 'down')");
        EndpointOutcomes outcomes = model.outcomes(data, TouchstoneSettings.defaults());
        assertThat(outcomes.requests()).isEqualTo(3);
        assertThat(outcomes.failed()).isEqualTo(3);
        assertThat(outcomes.latencyNanos()).satisfies(l -> {
            assertThat(l[0]).isPositive().isEqualTo(l[2]);
            assertThat(l[3]).isEqualTo(-1).isEqualTo(l[5]);
            assertThat(l[6]).isPositive();
        });
        assertThat(requests).as("the run is shared by predictions and outcomes").hasValue(3);
    }
}
