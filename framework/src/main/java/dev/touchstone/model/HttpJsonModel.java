package dev.touchstone.model;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.Call;
import dev.touchstone.model.endpoint.EndpointClient;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.EndpointUrl;
import dev.touchstone.model.endpoint.EndpointOutcomes;
import dev.touchstone.model.endpoint.EndpointRun;
import dev.touchstone.model.endpoint.Json;
import dev.touchstone.model.endpoint.Outcome;
import dev.touchstone.model.endpoint.ResponseFormatException;
import dev.touchstone.model.endpoint.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** A literal run of the template, or a placeholder. */
    private record Part(String text, @Nullable String column, boolean quoted) {
    }

    private final URI url;
    private final @Nullable String template;
    private final List<Part> parts;
    private final @Nullable String labelPointer;
    private final @Nullable String scorePointer;
    private final EndpointOptions options;

    HttpJsonModel(String url) {
        this(defaultName(url), uri(url), null, null, null, EndpointOptions.defaults());
    }

    private HttpJsonModel(String name, URI url, @Nullable String template, @Nullable String labelPointer,
            @Nullable String scorePointer, EndpointOptions options) {
        super(name);
        this.url = url;
        this.template = template;
        this.parts = template == null ? List.of() : parse(template);
        this.labelPointer = labelPointer;
        this.scorePointer = scorePointer;
        this.options = options;
    }

    private HttpJsonModel copy(String name, @Nullable String t, @Nullable String label, @Nullable String score,
            EndpointOptions o) {
        return new HttpJsonModel(name, url, t, label, score, o);
    }

    /** The name messages and results use (default: the URL). */
    public HttpJsonModel named(String name) {
        return copy(OpenInferenceModel.requireName(name, "model name"), template, labelPointer, scorePointer, options);
    }

    /** The request body: JSON with {@code ${column}} placeholders. */
    public HttpJsonModel body(String jsonTemplate) {
        Objects.requireNonNull(jsonTemplate, "jsonTemplate");
        return copy(name(), jsonTemplate, labelPointer, scorePointer, options);
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

    public String endpoint() {
        return EndpointUrl.safe(url);
    }

    @Override
    EndpointRun run(Table table) {
        String what = "model '" + name() + "' at " + endpoint();
        if (template == null) {
            throw new QualityConfigurationException(what + ": no request body; call .body(\"{\\\"text\\\": \\\"${text}\\\"}\")");
        }
        if (labelPointer == null) {
            throw new QualityConfigurationException(what + ": no label; call .label(\"/json/pointer\")");
        }
        for (Part part : parts) {
            if (part.column() != null) {
                Column column = table.findColumn(part.column()).orElseThrow(() -> new QualityConfigurationException(
                        what + ": the request body uses ${" + part.column() + "}, but " + table.source()
                                + " has no such column; the columns are " + table.columnNames()));
                for (int row = 0; row < table.rowCount(); row++) {
                    if (column.isMissing(row)) {
                        throw new QualityConfigurationException(what + ": " + table.locate(row, part.column())
                                + " is missing; every value the request uses must be present");
                    }
                }
            }
        }
        int n = table.rowCount();
        List<Call<Prediction>> calls = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            String body = body(table, row);
            if (row == 0) {
                try {
                    Json.parse(body);
                } catch (ResponseFormatException e) {
                    throw new QualityConfigurationException(what + ": the request body template does not give JSON for "
                            + table.locate(row) + ": " + e.getMessage());
                }
            }
            calls.add(new Call<>(url, body, 1, this::parseResponse));
        }
        EndpointClient client = new EndpointClient(options);
        long started = System.nanoTime();
        List<Outcome<Prediction>> outcomes = client.run(what, calls, TouchstoneSettings.current().seed());
        return EndpointRun.of(name(), endpoint(), table, calls, outcomes, p -> new Prediction[] {p},
                System.nanoTime() - started);
    }

    String body(Table table, int row) {
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            if (part.column() == null) {
                body.append(part.text());
                continue;
            }
            Column column = table.column(part.column());
            if (part.quoted()) {
                body.append(Json.escape(column.text(row)));
            } else if (column instanceof NumericColumn numeric) {
                body.append(Json.number(numeric.value(row)));
            } else {
                body.append(Json.quote(column.text(row)));
            }
        }
        return body.toString();
    }

    Prediction parseResponse(String body) throws ResponseFormatException {
        Object tree = Json.parse(body);
        Object labelValue = Json.at(tree, labelPointer);
        String label = labelValue == null ? null : Json.labelText(labelValue);
        if (label == null) {
            throw new ResponseFormatException("unexpected response", "the label at " + labelPointer + " is "
                    + Json.typeOf(labelValue) + ", not a class");
        }
        if (scorePointer == null) {
            return Prediction.of(label);
        }
        Object score = Json.at(tree, scorePointer);
        if (!(score instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new ResponseFormatException("unexpected response", "the score at " + scorePointer + " is "
                    + Json.typeOf(score) + ", not a finite number");
        }
        return Prediction.of(label, number.doubleValue());
    }

    private static List<Part> parse(String template) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf("${", at);
            if (open < 0) {
                parts.add(new Part(template.substring(at), null, false));
                return parts;
            }
            int close = template.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder at position " + open + " of the request "
                        + "template: " + template);
            }
            String column = template.substring(open + 2, close);
            if (column.isBlank()) {
                throw new IllegalArgumentException("empty placeholder ${} at position " + open + " of the request "
                        + "template");
            }
            boolean quoted = open > 0 && template.charAt(open - 1) == '"'
                    && close + 1 < template.length() && template.charAt(close + 1) == '"';
            parts.add(new Part(template.substring(at, open), null, false));
            parts.add(new Part("", column, quoted));
            at = close + 1;
        }
    }

    private static URI uri(String url) {
        return EndpointUrl.request(url, "Model.http", "http://localhost:8080/predict");
    }

    private static String defaultName(String url) {
        return EndpointUrl.safe(uri(url));
    }

    @Override
    public String toString() {
        return "HttpJsonModel[" + endpoint() + "]";
    }
}
