package dev.touchstone.model;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.model.internal.Predictions;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.Row;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The model under test. A logged model's predictions are columns of its dataset; an in-process
 * model is a Java function called once per row (its outputs are cached for the run). A model
 * that is not logged needs {@code .on(dataset)} in the statement.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class Model {

    static {
        ModelAccess.install(new ModelAccess.Bridge() {
            @Override
            public Predictions predict(Model model, Dataset dataset, TouchstoneSettings settings) {
                return model.predict(dataset, settings);
            }

            @Override
            public Optional<EndpointOutcomes> endpointOutcomes(Model model, Dataset dataset, TouchstoneSettings settings) {
                return model.endpointOutcomes(dataset, settings);
            }

            @Override
            public <T> T memo(Model model, Object key, Function<Object, T> compute) {
                return model.memo(key, compute);
            }
        });
    }

    private final String name;
    private final Map<Object, FutureTask<Object>> evaluations = new ConcurrentHashMap<>();

    Model(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        this.name = name;
    }

    /**
     * A model whose predictions were logged: {@code dataset} names the prediction column (and the
     * score column, if any). Several logged models can share one file:
     * {@code Model.logged("champion", data.withPrediction("champion_pred"))}.
     */
    public static Model logged(String name, Dataset dataset) {
        return new LoggedModel(name, dataset);
    }

    /** An in-process model: {@code predict} is called once per row and the result cached. */
    public static Model of(String name, Function<Row, Prediction> predict) {
        return new FunctionModel(name, predict);
    }

    /**
     * A model behind an Open Inference Protocol v2 REST server (KServe, Triton, MLServer):
     * {@code Model.openInference("http://localhost:8080", "fraud-v3").input("text", "sentence").labelOutput("label")}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static OpenInferenceModel openInference(String baseUrl, String modelName) {
        return new OpenInferenceModel(baseUrl, modelName);
    }

    /**
     * A model behind any JSON API, one POST per row:
     * {@code Model.http("http://localhost:8080/predict").body("{\"text\": \"${text}\"}").label("/label")}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static HttpJsonModel http(String url) {
        return new HttpJsonModel(url);
    }

    /**
     * A model behind TensorFlow Serving's REST predict API:
     * {@code Model.tfServing("http://localhost:8501", "sentiment").input("text", "review").labelFromClasses(List.of("neg", "pos"))}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static TfServingModel tfServing(String baseUrl, String modelName) {
        return new TfServingModel(baseUrl, modelName);
    }

    /**
     * A model behind an OpenAI-compatible chat completions API (vLLM, Ollama, llama.cpp server):
     * {@code Model.openAiChat("http://localhost:11434", "llama3.2").prompt("Language of: ${text}").normalised()}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static OpenAiChatModel openAiChat(String baseUrl, String model) {
        return new OpenAiChatModel(baseUrl, model);
    }

    public final String name() {
        return name;
    }

    /** The dataset a logged model was recorded on; empty for models that need {@code .on(dataset)}. */
    public abstract Optional<Dataset> dataset();

    /**
     * Per-example latency and failures when the model is behind an endpoint (for
     * {@code latency()}, {@code errorRate()}, {@code throughput()}); empty for other models.
     */
    Optional<EndpointOutcomes> endpointOutcomes(Dataset dataset, TouchstoneSettings settings) {
        return Optional.empty();
    }

    /**
     * This model's outputs on every row of {@code dataset}; {@code settings} are those of the
     * statement that asks (a model behind an endpoint takes its response cache from them).
     */
    abstract Predictions predict(Dataset dataset, TouchstoneSettings settings);

    /**
     * Run-scoped memo of evaluations of this model, keyed by the evaluation core. Keeping it on
     * the model means it lives exactly as long as the spec that declares the model.
     */
    @SuppressWarnings("unchecked")
    final <T> T memo(Object key, Function<Object, T> compute) {
        // A task per key, run by the first caller: every other caller waits for the same result,
        // and computations may memoise other keys (computeIfAbsent would forbid that).
        FutureTask<Object> task = new FutureTask<>(() -> compute.apply(key));
        FutureTask<Object> existing = evaluations.putIfAbsent(key, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return (T) existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating model '" + name + "'", e);
        } catch (ExecutionException e) {
            evaluations.remove(key, existing);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public String toString() {
        return "Model[" + name + "]";
    }
}
