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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A model behind a server that speaks the Open Inference Protocol v2 over REST (KServe, NVIDIA
 * Triton, Seldon MLServer, OpenVINO Model Server). Rows are sent in batches: one tensor per
 * configured input, {@code BYTES} for text columns and a numeric type for numeric columns, with
 * shape {@code [rows]} or {@code [rows, 1]} as the model's metadata declares. The label output
 * (and the score output, if configured) must hold one value per row.
 *
 * <p>Before the first inference the server's readiness ({@code GET /v2/health/ready}) and the
 * model's metadata ({@code GET /v2/models/{name}[/versions/{v}]}) are checked; configured input
 * and output names must appear in the metadata, unless it declares no tensors at all. Immutable:
 * every method returns a copy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class OpenInferenceModel extends EndpointModel<OpenInferenceModel> {

    private static final Set<String> NUMERIC = Set.of("FP16", "FP32", "FP64", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");

    private final URI base;
    private final String modelName;
    private final @Nullable String version;
    private final Inputs inputs;
    private final @Nullable String labelOutput;
    private final @Nullable String scoreOutput;
    private final int batchSize;
    private final EndpointOptions options;

    OpenInferenceModel(String baseUrl, String modelName) {
        this(EndpointUrl.base(baseUrl, "Model.openInference", "http://localhost:8080"),
                requireName(modelName, "model name"), null, Inputs.none("input tensor"), null, null, 32,
                EndpointOptions.defaults());
    }

    private OpenInferenceModel(URI base, String modelName, @Nullable String version, Inputs inputs,
            @Nullable String labelOutput, @Nullable String scoreOutput, int batchSize, EndpointOptions options) {
        super(modelName);
        this.base = base;
        this.modelName = modelName;
        this.version = version;
        this.inputs = inputs;
        this.labelOutput = labelOutput;
        this.scoreOutput = scoreOutput;
        this.batchSize = batchSize;
        this.options = options;
    }

    private OpenInferenceModel copy(@Nullable String v, Inputs in, @Nullable String label, @Nullable String score,
            int batch, EndpointOptions o) {
        return new OpenInferenceModel(base, modelName, v, in, label, score, batch, o);
    }

    /** The model version ({@code /v2/models/{name}/versions/{version}}); default: the server's choice. */
    public OpenInferenceModel version(String v) {
        return copy(requireName(v, "version"), inputs, labelOutput, scoreOutput, batchSize, options);
    }

    /** Input tensor {@code tensorName} holds column {@code column} (one element per row). */
    public OpenInferenceModel input(String tensorName, String column) {
        return copy(version, inputs.with(tensorName, column), labelOutput, scoreOutput, batchSize, options);
    }

    /** The output tensor holding the predicted class, one element per row. */
    public OpenInferenceModel labelOutput(String outputName) {
        return copy(version, inputs, requireName(outputName, "label output name"), scoreOutput, batchSize, options);
    }

    /** The output tensor holding the positive-class score, one element per row (optional). */
    public OpenInferenceModel scoreOutput(String outputName) {
        return copy(version, inputs, labelOutput, requireName(outputName, "score output name"), batchSize, options);
    }

    /** Rows per inference request (default 32). */
    public OpenInferenceModel batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 but was " + rows);
        }
        return copy(version, inputs, labelOutput, scoreOutput, rows, options);
    }

    @Override
    OpenInferenceModel withOptions(EndpointOptions newOptions) {
        return copy(version, inputs, labelOutput, scoreOutput, batchSize, newOptions);
    }

    @Override
    public EndpointOptions options() {
        return options;
    }

    /** {@code http://host:port/v2/models/name[/versions/v]}: how messages name this endpoint. */
    @Override
    public String endpoint() {
        return EndpointUrl.safe(base) + modelPath();
    }

    private String modelPath() {
        String path = "/v2/models/" + EndpointUrl.segment(modelName);
        return version == null ? path : path + "/versions/" + EndpointUrl.segment(version);
    }

    @Override
    Exchange.Opener bind(Table table) {
        if (inputs.isEmpty()) {
            throw new QualityConfigurationException(who() + ": no input tensor; call .input(\"tensor\", \"column\")");
        }
        if (labelOutput == null) {
            throw new QualityConfigurationException(who() + ": no label output; call .labelOutput(\"output\")");
        }
        List<Column> columns = inputs.columns(table, who());
        return (client, seed) -> {
            checkReady(client, seed);
            Map<String, Object> metadata = metadata(client, seed);
            List<Tensor> tensors = tensors(metadata, columns);
            checkOutputs(metadata);
            return new Inference(tensors, labelOutput, scoreOutput);
        };
    }

    private void checkReady(EndpointClient client, long seed) {
        URI ready = URI.create(base + "/v2/health/ready");
        Outcome<String> outcome = client.call(new Call<>(ready, null, 0, body -> body), seed);
        if (!outcome.isSuccess()) {
            throw new QualityConfigurationException("endpoint " + EndpointUrl.safe(ready) + " is not ready: "
                    + outcome.failure() + " (model '" + modelName + "')");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata(EndpointClient client, long seed) {
        Outcome<Object> outcome = client.call(new Call<>(URI.create(base + modelPath()), null, 0, Json::parse), seed);
        if (!outcome.isSuccess()) {
            throw new QualityConfigurationException("cannot read the metadata of model '" + modelName + "' at "
                    + endpoint() + ": " + outcome.failure());
        }
        if (!(outcome.value() instanceof Map)) {
            throw new QualityConfigurationException("the metadata of model '" + modelName + "' at " + endpoint()
                    + " is " + Json.typeOf(outcome.value()) + ", not an object");
        }
        return (Map<String, Object>) outcome.value();
    }

    /** Name → tensor metadata ({@code {"name","datatype","shape"}}) of "inputs" or "outputs". */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> declared(Map<String, Object> metadata, String key) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        if (metadata.get(key) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                    byName.put(name, (Map<String, Object>) m);
                }
            }
        }
        return byName;
    }

    /** How one input is sent. */
    private record Tensor(String name, String datatype, boolean column2d, Column column) {
    }

    private List<Tensor> tensors(Map<String, Object> metadata, List<Column> columns) {
        Map<String, Map<String, Object>> declared = declared(metadata, "inputs");
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Inputs.Input input = inputs.list().get(i);
            // servers may leave the tensors undeclared (MLServer without model settings): then
            // the column decides the datatype and the shape is [rows]
            Map<String, Object> meta = declared.isEmpty() ? Map.of() : declared.get(input.name());
            if (meta == null) {
                throw new QualityConfigurationException("model '" + modelName + "' at " + endpoint()
                        + " has no input tensor '" + input.name() + "'; its inputs are " + declared.keySet());
            }
            Column column = columns.get(i);
            String declaredType = meta.get("datatype") instanceof String s ? s : null;
            String datatype;
            if (column instanceof NumericColumn) {
                datatype = declaredType != null && (NUMERIC.contains(declaredType) || "BYTES".equals(declaredType))
                        ? declaredType : "FP64";
            } else {
                if (declaredType != null && NUMERIC.contains(declaredType)) {
                    throw new QualityConfigurationException("model '" + modelName + "' at " + endpoint()
                            + ": input '" + input.name() + "' is " + declaredType + ", but column '" + input.column()
                            + "' is text");
                }
                datatype = "BYTES";
            }
            boolean twoD = meta.get("shape") instanceof List<?> shape && shape.size() >= 2;
            tensors.add(new Tensor(input.name(), datatype, twoD, column));
        }
        return tensors;
    }

    private void checkOutputs(Map<String, Object> metadata) {
        Map<String, Map<String, Object>> declared = declared(metadata, "outputs");
        for (String output : scoreOutput == null ? List.of(labelOutput) : List.of(labelOutput, scoreOutput)) {
            if (!declared.isEmpty() && !declared.containsKey(output)) {
                throw new QualityConfigurationException("model '" + modelName + "' at " + endpoint()
                        + " has no output tensor '" + output + "'; its outputs are " + declared.keySet());
            }
        }
    }

    /** Inference requests of one table: a tensor per input, the label (and score) output per row. */
    private final class Inference implements Exchange {
        private final URI uri = URI.create(base + modelPath() + "/infer");
        private final List<Tensor> tensors;
        private final String label;
        private final @Nullable String score;

        Inference(List<Tensor> tensors, String label, @Nullable String score) {
            this.tensors = List.copyOf(tensors);
            this.label = label;
            this.score = score;
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
            StringBuilder json = new StringBuilder(64 + rows * 16 * tensors.size());
            json.append("{\"id\":\"touchstone-").append(from).append("\",\"inputs\":[");
            for (int t = 0; t < tensors.size(); t++) {
                Tensor tensor = tensors.get(t);
                json.append(t == 0 ? "" : ",").append("{\"name\":").append(Json.quote(tensor.name()))
                        .append(",\"shape\":[").append(rows).append(tensor.column2d() ? ",1]" : "]")
                        .append(",\"datatype\":\"").append(tensor.datatype()).append("\",\"data\":[");
                for (int row = from; row < from + rows; row++) {
                    if (row > from) {
                        json.append(',');
                    }
                    Column column = tensor.column();
                    if ("BYTES".equals(tensor.datatype())) {
                        json.append(Json.quote(column.text(row)));
                    } else {
                        json.append(Json.number(((NumericColumn) column).value(row)));
                    }
                }
                json.append("]}");
            }
            json.append("],\"outputs\":[{\"name\":").append(Json.quote(label)).append('}');
            if (score != null) {
                json.append(",{\"name\":").append(Json.quote(score)).append('}');
            }
            return json.append("]}").toString();
        }

        @Override
        public Prediction[] parse(String body, int rows) throws ResponseFormatException, JsonFormatException {
            Object tree = Json.parse(body);
            List<Object> labels = output(tree, label, rows);
            List<Object> scores = score == null ? null : output(tree, score, rows);
            Prediction[] predictions = new Prediction[rows];
            for (int i = 0; i < rows; i++) {
                String text = Json.labelText(labels.get(i));
                if (text == null) {
                    throw new ResponseFormatException("unexpected response", "output '" + label + "' element " + i
                            + " is " + Json.typeOf(labels.get(i)) + ", not a class");
                }
                if (scores == null) {
                    predictions[i] = Prediction.of(text);
                } else {
                    Object s = scores.get(i);
                    if (!(s instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                        throw new ResponseFormatException("unexpected response", "output '" + score + "' element "
                                + i + " is " + Json.typeOf(s) + ", not a finite number");
                    }
                    predictions[i] = Prediction.of(text, number.doubleValue());
                }
            }
            return predictions;
        }
    }

    /** The row-major elements of output {@code name}, which must hold one element per row. */
    private static List<Object> output(Object tree, String name, int rows) throws ResponseFormatException {
        if (!(tree instanceof Map<?, ?> root) || !(root.get("outputs") instanceof List<?> outputs)) {
            throw new ResponseFormatException("unexpected response", "no \"outputs\" array in the response");
        }
        List<String> names = new ArrayList<>();
        for (Object o : outputs) {
            if (o instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                names.add(n);
                if (n.equals(name)) {
                    List<Object> data = new ArrayList<>();
                    flatten(m.get("data"), data);
                    if (data.size() != rows) {
                        throw new ResponseFormatException("unexpected response", "output '" + name + "' has "
                                + data.size() + " elements (shape " + m.get("shape") + ") for " + rows
                                + " rows; it needs one per row");
                    }
                    return data;
                }
            }
        }
        throw new ResponseFormatException("unexpected response", "no output '" + name + "' in the response; "
                + "its outputs are " + names);
    }

    private static void flatten(@Nullable Object data, List<Object> into) throws ResponseFormatException {
        if (data instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof List) {
                    flatten(o, into);
                } else {
                    into.add(o);
                }
            }
        } else {
            throw new ResponseFormatException("unexpected response", "output \"data\" is " + Json.typeOf(data)
                    + ", not an array");
        }
    }

    @Override
    public String toString() {
        return "OpenInferenceModel[" + endpoint() + "]";
    }
}
