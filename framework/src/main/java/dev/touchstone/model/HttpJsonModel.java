package dev.touchstone.model;

import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.internal.EndpointUrl;
import dev.touchstone.internal.json.Json;
import dev.touchstone.model.endpoint.internal.ResponseFormatException;
import java.net.URI;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A model behind any JSON API: one {@code POST} per row, its body a template over columns, the
 * label (and score) read from the response by JSON Pointers.
 *
 * <pre>{@code
 * Model.http("http://localhost:8080/predict")
 *      .body("{\"text\": \"${text}\", \"lang\": ${lang_id}}")
 *      .label("/prediction/label")
 *      .score("/prediction/score")
 * }</pre>
 *
 * <p>A placeholder between double quotes ({@code "${text}"}) is replaced by the value escaped for
 * a JSON string; elsewhere, by a JSON number for a numeric column and a JSON string otherwise.
 * Immutable: every method returns a copy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class HttpJsonModel extends EndpointModel<HttpJsonModel> {

    private final URI url;
    private final @Nullable ColumnTemplate template;
    private final @Nullable String labelPointer;
    private final @Nullable String scorePointer;
    private final EndpointOptions options;

    HttpJsonModel(String url) {
        this(EndpointUrl.request(url, "Model.http", "http://localhost:8080/predict"));
    }

    private HttpJsonModel(URI url) {
        this(EndpointUrl.safe(url), url, null, null, null, EndpointOptions.defaults());
    }

    private HttpJsonModel(String name, URI url, @Nullable ColumnTemplate template, @Nullable String labelPointer,
            @Nullable String scorePointer, EndpointOptions options) {
        super(name);
        this.url = url;
        this.template = template;
        this.labelPointer = labelPointer;
        this.scorePointer = scorePointer;
        this.options = options;
    }

    private HttpJsonModel copy(String name, @Nullable ColumnTemplate t, @Nullable String label, @Nullable String score,
            EndpointOptions o) {
        return new HttpJsonModel(name, url, t, label, score, o);
    }

    /** The name messages and results use (default: the URL). */
    public HttpJsonModel named(String name) {
        return copy(requireName(name, "model name"), template, labelPointer, scorePointer, options);
    }

    /** The request body: JSON with {@code ${column}} placeholders. */
    public HttpJsonModel body(String jsonTemplate) {
        Objects.requireNonNull(jsonTemplate, "jsonTemplate");
        return copy(name(), ColumnTemplate.parse(jsonTemplate, "request body"), labelPointer, scorePointer, options);
    }

    /** Where the predicted class is in the response, as a JSON Pointer ({@code "/prediction/label"}). */
    public HttpJsonModel label(String jsonPointer) {
        return copy(name(), template, Json.requirePointer(jsonPointer), scorePointer, options);
    }

    /** Where the positive-class score is in the response, as a JSON Pointer (optional). */
    public HttpJsonModel score(String jsonPointer) {
        return copy(name(), template, labelPointer, Json.requirePointer(jsonPointer), options);
    }

    @Override
    HttpJsonModel withOptions(EndpointOptions newOptions) {
        return copy(name(), template, labelPointer, scorePointer, newOptions);
    }

    @Override
    public EndpointOptions options() {
        return options;
    }

    @Override
    public String endpoint() {
        return EndpointUrl.safe(url);
    }

    @Override
    Exchange.Opener bind(Table table) {
        if (template == null) {
            throw new QualityConfigurationException(who()
                    + ": no request body; call .body(\"{\\\"text\\\": \\\"${text}\\\"}\")");
        }
        if (labelPointer == null) {
            throw new QualityConfigurationException(who() + ": no label; call .label(\"/json/pointer\")");
        }
        template.check(table, who());
        if (table.rowCount() > 0) {
            try {
                Json.parse(template.json(table, 0));
            } catch (JsonFormatException e) {
                throw new QualityConfigurationException(who() + ": the request body template does not give JSON for "
                        + table.locate(0) + ": " + e.getMessage());
            }
        }
        Exchange exchange = new PerRow(table, template, labelPointer, scorePointer);
        return (client, seed) -> exchange;
    }

    /** One POST per row; the label and score are read by JSON Pointers. */
    private final class PerRow implements Exchange {
        private final Table table;
        private final ColumnTemplate body;
        private final String label;
        private final @Nullable String score;

        PerRow(Table table, ColumnTemplate body, String label, @Nullable String score) {
            this.table = table;
            this.body = body;
            this.label = label;
            this.score = score;
        }

        @Override
        public URI uri() {
            return url;
        }

        @Override
        public int rowsPerRequest() {
            return 1;
        }

        @Override
        public String request(int from, int rows) {
            return body.json(table, from);
        }

        @Override
        public Prediction[] parse(String response, int rows) throws ResponseFormatException, JsonFormatException {
            Object tree = Json.parse(response);
            Object labelValue = Json.at(tree, label);
            String text = labelValue == null ? null : Json.labelText(labelValue);
            if (text == null) {
                throw new ResponseFormatException("unexpected response", "the label at " + label + " is "
                        + Json.typeOf(labelValue) + ", not a class");
            }
            if (score == null) {
                return new Prediction[] {Prediction.of(text)};
            }
            Object scoreValue = Json.at(tree, score);
            if (!(scoreValue instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new ResponseFormatException("unexpected response", "the score at " + score + " is "
                        + Json.typeOf(scoreValue) + ", not a finite number");
            }
            return new Prediction[] {Prediction.of(text, number.doubleValue())};
        }
    }

    @Override
    public String toString() {
        return "HttpJsonModel[" + endpoint() + "]";
    }
}
