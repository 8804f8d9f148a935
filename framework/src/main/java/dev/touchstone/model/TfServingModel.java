package dev.touchstone.model;

import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.internal.Call;
import dev.touchstone.model.endpoint.internal.EndpointClient;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.internal.EndpointUrl;
import dev.touchstone.internal.json.Json;
import dev.touchstone.model.endpoint.internal.Outcome;
import dev.touchstone.model.endpoint.internal.ResponseFormatException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A model behind TensorFlow Serving's REST predict API:
 * {@code POST /v1/models/{name}[/versions/{v}]:predict} with {@code {"instances": [...]}} in the
 * row format, answered by {@code {"predictions": [...]}} with one prediction per instance.
 *
 * <pre>{@code
 * Model.tfServing("http://localhost:8501", "sentiment")
 *      .input("text", "review")
 *      .labelFromClasses(List.of("negative", "neutral", "positive"))
 * }</pre>
 *
 * <p>An instance is the bare value of the one input column when a single input is mapped, or an
 * object of named inputs ({@code {"text": "...", "len": 12}}) when several are. A text column is
 * sent as a JSON string, a numeric column as a JSON number.
 *
 * <p>Each prediction is read in one of three ways:
 * <ul>
 *   <li>by default, a scalar (or a one-element array) is the label: {@code 1}, {@code "spam"};</li>
 *   <li>{@link #labelFromClasses}: a per-class probability vector; the label is the class of the
 *       largest value (the first on ties), no score is set;</li>
 *   <li>{@link #labelOutput} (and optionally {@link #scoreOutput}): a prediction is an object of
 *       named outputs, the label and positive-class score are read from those keys.</li>
 * </ul>
 *
 * <p>Before the first request the model status ({@code GET /v1/models/{name}[/versions/{v}]}) is
 * read; a model that cannot be found or has no {@code AVAILABLE} version fails with an error that
 * names the endpoint. Errors the server reports as {@code {"error": "..."}} appear with their
 * message in the failure of each affected example. Immutable: every method returns a copy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TfServingModel extends EndpointModel<TfServingModel> {

    private final URI base;
    private final String modelName;
    private final @Nullable String version;
    private final Inputs inputs;
    private final @Nullable List<String> classes;
    private final @Nullable String labelOutput;
    private final @Nullable String scoreOutput;
    private final int batchSize;
    private final EndpointOptions options;

    TfServingModel(String baseUrl, String modelName) {
        this(EndpointUrl.base(baseUrl, "Model.tfServing", "http://localhost:8501"),
                requireName(modelName, "model name"), null, Inputs.none("input"), null, null, null, 32,
                EndpointOptions.defaults());
    }

    private TfServingModel(URI base, String modelName, @Nullable String version, Inputs inputs,
            @Nullable List<String> classes, @Nullable String labelOutput, @Nullable String scoreOutput, int batchSize,
            EndpointOptions options) {
        super(modelName);
        this.base = base;
        this.modelName = modelName;
        this.version = version;
        this.inputs = inputs;
        this.classes = classes == null ? null : List.copyOf(classes);
        this.labelOutput = labelOutput;
        this.scoreOutput = scoreOutput;
        this.batchSize = batchSize;
        this.options = options;
    }

    private TfServingModel copy(@Nullable String v, Inputs in, @Nullable List<String> cls, @Nullable String label,
            @Nullable String score, int batch, EndpointOptions o) {
        return new TfServingModel(base, modelName, v, in, cls, label, score, batch, o);
    }

    /** The model version ({@code /v1/models/{name}/versions/{version}}); default: the latest. */
    public TfServingModel version(String v) {
        requireName(v, "version");
        if (!v.strip().chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a TensorFlow Serving version is a number, as in \"3\"; got '" + v + "'");
        }
        return copy(v.strip(), inputs, classes, labelOutput, scoreOutput, batchSize, options);
    }

    /** Input {@code inputName} of each instance holds column {@code column}. */
    public TfServingModel input(String inputName, String column) {
        return copy(version, inputs.with(inputName, column), classes, labelOutput, scoreOutput, batchSize, options);
    }

    /**
     * Each prediction is a vector of per-class probabilities (or logits) in the order of
     * {@code classNames}; the label is the class with the largest value.
     */
    public TfServingModel labelFromClasses(List<String> classNames) {
        Objects.requireNonNull(classNames, "classNames");
        if (labelOutput != null) {
            throw new IllegalArgumentException("the label is already read from output '" + labelOutput
                    + "'; use either labelOutput(..) or labelFromClasses(..)");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("labelFromClasses needs at least two class names but got " + classNames);
        }
        var seen = new HashSet<String>();
        for (String c : classNames) {
            requireName(c, "class name");
            if (!seen.add(c)) {
                throw new IllegalArgumentException("class '" + c + "' appears twice in " + classNames);
            }
        }
        return copy(version, inputs, classNames, labelOutput, scoreOutput, batchSize, options);
    }

    /** Each prediction is an object; the label is its value at {@code key}. */
    public TfServingModel labelOutput(String key) {
        requireName(key, "label output name");
        if (classes != null) {
            throw new IllegalArgumentException("the label is already taken from class probabilities " + classes
                    + "; use either labelOutput(..) or labelFromClasses(..)");
        }
        return copy(version, inputs, classes, key, scoreOutput, batchSize, options);
    }

    /** Each prediction is an object; the positive-class score is its value at {@code key} (needs labelOutput). */
    public TfServingModel scoreOutput(String key) {
        requireName(key, "score output name");
        return copy(version, inputs, classes, labelOutput, key, batchSize, options);
    }

    /** Instances per predict request (default 32). */
    public TfServingModel batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 but was " + rows);
        }
        return copy(version, inputs, classes, labelOutput, scoreOutput, rows, options);
    }

    @Override
    TfServingModel withOptions(EndpointOptions newOptions) {
        return copy(version, inputs, classes, labelOutput, scoreOutput, batchSize, newOptions);
    }

    @Override
    public EndpointOptions options() {
        return options;
    }

    /** {@code http://host:port/v1/models/name[/versions/v]}: how messages name this endpoint. */
    @Override
    public String endpoint() {
        return EndpointUrl.safe(base) + modelPath();
    }

    private String modelPath() {
        String path = "/v1/models/" + EndpointUrl.segment(modelName);
        return version == null ? path : path + "/versions/" + version;
    }

    @Override
    Exchange.Opener bind(Table table) {
        if (inputs.isEmpty()) {
            throw new QualityConfigurationException(who() + ": no input; call .input(\"name\", \"column\")");
        }
        if (scoreOutput != null && labelOutput == null) {
            throw new QualityConfigurationException(who() + ": a score output ('" + scoreOutput + "') needs a label "
                    + "output; call .labelOutput(\"key\")");
        }
        List<Column> columns = inputs.columns(table, who());
        return (client, seed) -> {
            checkAvailable(client, seed);
            return new Predict(columns);
        };
    }

    /** The model status: the model exists and a version is {@code AVAILABLE}. */
    private void checkAvailable(EndpointClient client, long seed) {
        Outcome<Object> outcome = client.call(new Call<>(URI.create(base + modelPath()), null, 0, Json::parse), seed);
        if (!outcome.isSuccess()) {
            throw new QualityConfigurationException("cannot read the status of model '" + modelName + "' at "
                    + endpoint() + ": " + outcome.failure());
        }
        if (!(outcome.value() instanceof Map<?, ?> root) || !(root.get("model_version_status") instanceof List<?> list)) {
            throw new QualityConfigurationException("the status of model '" + modelName + "' at " + endpoint()
                    + " has no \"model_version_status\" array; is this a TensorFlow Serving REST endpoint?");
        }
        List<String> states = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                if ("AVAILABLE".equals(m.get("state"))) {
                    return;
                }
                states.add("version " + m.get("version") + ": " + m.get("state"));
            }
        }
        throw new QualityConfigurationException("model '" + modelName + "' at " + endpoint()
                + " has no AVAILABLE version; its versions are " + states);
    }

    /** Predict requests of one table: one instance per row, one prediction per instance. */
    private final class Predict implements Exchange {
        private final URI uri = URI.create(base + modelPath() + ":predict");
        private final List<Column> columns;

        Predict(List<Column> columns) {
            this.columns = List.copyOf(columns);
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public int rowsPerRequest() {
            return batchSize;
        }

        @Override
        public String request(int from, int rows) {
            List<Inputs.Input> named = inputs.list();
            StringBuilder json = new StringBuilder(32 + rows * 24 * columns.size());
            json.append("{\"instances\":[");
            for (int row = from; row < from + rows; row++) {
                if (row > from) {
                    json.append(',');
                }
                if (named.size() == 1) {
                    value(json, columns.get(0), row);
                    continue;
                }
                json.append('{');
                for (int i = 0; i < named.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(Json.quote(named.get(i).name())).append(':');
                    value(json, columns.get(i), row);
                }
                json.append('}');
            }
            return json.append("]}").toString();
        }

        @Override
        public Prediction[] parse(String body, int rows) throws ResponseFormatException, JsonFormatException {
            Object tree = Json.parse(body);
            if (!(tree instanceof Map<?, ?> root)) {
                throw new ResponseFormatException("unexpected response", "the response is " + Json.typeOf(tree)
                        + ", not an object");
            }
            if (!root.containsKey("predictions") && root.get("error") instanceof String error) {
                throw new ResponseFormatException("error response", "the server reported: " + error);
            }
            if (!(root.get("predictions") instanceof List<?> predictions)) {
                throw new ResponseFormatException("unexpected response", "no \"predictions\" array in the response; "
                        + "its keys are " + root.keySet());
            }
            if (predictions.size() != rows) {
                throw new ResponseFormatException("unexpected response", predictions.size() + " predictions for "
                        + rows + " instances; it needs one per instance");
            }
            Prediction[] result = new Prediction[rows];
            for (int i = 0; i < rows; i++) {
                result[i] = prediction(predictions.get(i), i);
            }
            return result;
        }
    }

    private static void value(StringBuilder json, Column column, int row) {
        if (column instanceof NumericColumn numeric) {
            json.append(Json.number(numeric.value(row)));
        } else {
            json.append(Json.quote(column.text(row)));
        }
    }

    private Prediction prediction(Object p, int i) throws ResponseFormatException {
        if (classes != null) {
            if (!(p instanceof List<?> vector) || vector.size() != classes.size()) {
                throw new ResponseFormatException("unexpected response", "prediction " + i + " is "
                        + describe(p) + ", not a vector of " + classes.size() + " class probabilities " + classes);
            }
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < vector.size(); c++) {
                if (!(vector.get(c) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    throw new ResponseFormatException("unexpected response", "prediction " + i + " element " + c
                            + " is " + Json.typeOf(vector.get(c)) + ", not a finite number");
                }
                if (best < 0 || number.doubleValue() > max) {
                    best = c;
                    max = number.doubleValue();
                }
            }
            return Prediction.of(classes.get(best));
        }
        if (labelOutput != null) {
            if (!(p instanceof Map<?, ?> outputs)) {
                throw new ResponseFormatException("unexpected response", "prediction " + i + " is " + Json.typeOf(p)
                        + ", not an object of named outputs (labelOutput '" + labelOutput + "')");
            }
            String label = scalarLabel(outputs.get(labelOutput));
            if (label == null) {
                throw new ResponseFormatException("unexpected response", "prediction " + i + " output '"
                        + labelOutput + "' is " + describe(outputs.get(labelOutput)) + ", not a class; its outputs are "
                        + outputs.keySet());
            }
            if (scoreOutput == null) {
                return Prediction.of(label);
            }
            Object s = outputs.get(scoreOutput);
            if (s instanceof List<?> one && one.size() == 1) {
                s = one.get(0);
            }
            if (!(s instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new ResponseFormatException("unexpected response", "prediction " + i + " output '"
                        + scoreOutput + "' is " + describe(s) + ", not a finite number; its outputs are "
                        + outputs.keySet());
            }
            return Prediction.of(label, number.doubleValue());
        }
        String label = scalarLabel(p);
        if (label == null) {
            throw new ResponseFormatException("unexpected response", "prediction " + i + " is " + describe(p)
                    + ", not a class; for probability vectors use labelFromClasses(..), for objects labelOutput(..)");
        }
        return Prediction.of(label);
    }

    /** A scalar, or the element of a one-element array, as a label; null when it is neither. */
    private static @Nullable String scalarLabel(@Nullable Object value) {
        Object v = value instanceof List<?> one && one.size() == 1 ? one.get(0) : value;
        return v == null || v instanceof Map || v instanceof List || v == Json.NULL ? null : Json.labelText(v);
    }

    private static String describe(@Nullable Object value) {
        return value instanceof List<?> list ? "an array of " + list.size() : Json.typeOf(value);
    }

    @Override
    public String toString() {
        return "TfServingModel[" + endpoint() + "]";
    }
}
