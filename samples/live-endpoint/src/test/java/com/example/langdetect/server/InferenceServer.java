package com.example.langdetect.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small model server that speaks the Open Inference Protocol v2 REST API (the protocol of KServe,
 * Triton, MLServer and OpenVINO Model Server) for one model, {@code langdetect}:
 *
 * <pre>
 * GET  /v2                                  server metadata
 * GET  /v2/health/live                      {"live": true}
 * GET  /v2/health/ready                     {"ready": true}
 * GET  /v2/models/langdetect[/versions/v]   model metadata: input text (BYTES, [-1]); outputs label (BYTES), confidence (FP64)
 * GET  /v2/models/langdetect[/versions/v]/ready
 * POST /v2/models/langdetect[/versions/v]/infer
 * </pre>
 *
 * <p>An inference request carries a batch of texts as one BYTES tensor named {@code text}, with
 * its data in row-major order (flat, or nested as the shape says); the response has one label and
 * one confidence per text, in the same order. Errors are {@code {"error": "..."}}: 400 for a bad
 * request, 404 for an unknown model or path, 405 for a wrong method.
 */
public final class InferenceServer implements AutoCloseable {

    public static final String MODEL_NAME = "langdetect";
    public static final String INPUT_NAME = "text";
    public static final String LABEL_OUTPUT = "label";
    public static final String CONFIDENCE_OUTPUT = "confidence";

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final String MODEL_PATH = "/v2/models/" + MODEL_NAME;
    private static final String VERSIONED_PATH = MODEL_PATH + "/versions/" + LanguageDetector.MODEL_VERSION;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<String, LanguageDetector.Detection> detector;

    private InferenceServer(HttpServer server, ExecutorService executor,
            Function<String, LanguageDetector.Detection> detector) {
        this.server = server;
        this.executor = executor;
        this.detector = detector;
    }

    /** Starts a server for OpenNLP's language detector on 127.0.0.1, on a free port. */
    public static InferenceServer start() throws IOException {
        return start(0);
    }

    /** Starts a server for OpenNLP's language detector on 127.0.0.1:{@code port} (0: a free port). */
    public static InferenceServer start(int port) throws IOException {
        LanguageDetector model = LanguageDetector.shared();
        return start(port, model::detect);
    }

    static InferenceServer start(int port, Function<String, LanguageDetector.Detection> detector) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        // many requests in flight: one worker per request, up to this many at once (the rest queue)
        int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
        InferenceServer server = new InferenceServer(http, executor, detector);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "langdetect-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The port this server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Stops accepting requests, lets requests in flight finish (up to a second), and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------- routing

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            // a bug in the server, not in the request
            error(exchange, 500, "internal error: " + e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String modelPath = path.startsWith(VERSIONED_PATH) ? MODEL_PATH + path.substring(VERSIONED_PATH.length()) : path;
            switch (modelPath) {
                case "/v2" -> get(exchange, this::serverMetadata);
                case "/v2/health/live" -> get(exchange, () -> Map.of("live", true));
                case "/v2/health/ready" -> get(exchange, () -> Map.of("ready", true));
                case MODEL_PATH -> get(exchange, this::modelMetadata);
                case MODEL_PATH + "/ready" -> get(exchange, () -> ordered("name", MODEL_NAME, "ready", true));
                case MODEL_PATH + "/infer" -> infer(exchange);
                default -> {
                    if (path.startsWith("/v2/models/")) {
                        error(exchange, 404, "unknown model or version in " + path + ": this server serves "
                                + MODEL_NAME + " (version " + LanguageDetector.MODEL_VERSION + ")");
                    } else {
                        error(exchange, 404, "no such endpoint: " + path);
                    }
                }
            }
        }
    }

    private interface Body {
        Object get();
    }

    private void get(HttpExchange exchange, Body body) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            error(exchange, 405, method + " is not allowed on " + exchange.getRequestURI().getPath() + ": use GET");
            return;
        }
        respond(exchange, 200, body.get());
    }

    private Object serverMetadata() {
        return ordered("name", "touchstone-langdetect-server", "version", "1.0", "extensions", List.of());
    }

    private Object modelMetadata() {
        return ordered(
                "name", MODEL_NAME,
                "versions", List.of(LanguageDetector.MODEL_VERSION),
                "platform", "opennlp",
                "inputs", List.of(tensorMetadata(INPUT_NAME, "BYTES")),
                "outputs", List.of(tensorMetadata(LABEL_OUTPUT, "BYTES"), tensorMetadata(CONFIDENCE_OUTPUT, "FP64")));
    }

    private static Map<String, Object> tensorMetadata(String name, String datatype) {
        return ordered("name", name, "datatype", datatype, "shape", List.of(-1));
    }

    // ---------------------------------------------------------------------------------------- inference

    /** A request the server refuses with 400; the message says what is wrong. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    private void infer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, exchange.getRequestMethod() + " is not allowed on "
                    + exchange.getRequestURI().getPath() + ": use POST");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        try {
            Object request = Json.parse(body);
            respond(exchange, 200, infer(request));
        } catch (Json.MalformedJsonException | BadRequest e) {
            error(exchange, 400, e.getMessage());
        }
    }

    private Map<String, Object> infer(Object json) throws BadRequest {
        if (!(json instanceof Map<?, ?> request)) {
            throw new BadRequest("the request must be a JSON object with \"inputs\"");
        }
        if (!(request.get("inputs") instanceof List<?> inputs) || inputs.isEmpty()) {
            throw new BadRequest("the request must have a non-empty \"inputs\" array");
        }
        List<String> texts = null;
        List<?> shape = null;
        for (Object element : inputs) {
            if (!(element instanceof Map<?, ?> input)) {
                throw new BadRequest("each element of \"inputs\" must be an object with name, shape, datatype and data");
            }
            Object name = input.get("name");
            if (!INPUT_NAME.equals(name)) {
                throw new BadRequest("unknown input " + describe(name) + ": model " + MODEL_NAME
                        + " has one input, \"" + INPUT_NAME + "\"");
            }
            if (texts != null) {
                throw new BadRequest("input \"" + INPUT_NAME + "\" is given twice");
            }
            if (!"BYTES".equals(input.get("datatype"))) {
                throw new BadRequest("input \"" + INPUT_NAME + "\" must have datatype BYTES, not "
                        + describe(input.get("datatype")));
            }
            shape = shape(input.get("shape"));
            texts = new ArrayList<>();
            flatten(input.get("data"), texts);
            long elements = 1;
            for (Object dimension : shape) {
                elements *= ((Number) dimension).longValue();
            }
            if (elements != texts.size()) {
                throw new BadRequest("input \"" + INPUT_NAME + "\" has shape " + shape + " (" + elements
                        + " elements) but " + texts.size() + " data elements");
            }
            if (shape.size() == 2 && ((Number) shape.get(1)).longValue() != 1) {
                throw new BadRequest("input \"" + INPUT_NAME + "\" must have shape [n] or [n, 1], not " + shape);
            }
        }
        List<String> outputs = requestedOutputs(request.get("outputs"));

        List<Object> labels = new ArrayList<>(texts.size());
        List<Object> confidences = new ArrayList<>(texts.size());
        for (String text : texts) {
            LanguageDetector.Detection detection = detector.apply(text);
            labels.add(detection.language());
            confidences.add(detection.confidence());
        }
        List<Object> tensors = new ArrayList<>();
        for (String output : outputs) {
            boolean label = output.equals(LABEL_OUTPUT);
            tensors.add(ordered("name", output, "shape", shape, "datatype", label ? "BYTES" : "FP64",
                    "data", label ? labels : confidences));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("model_name", MODEL_NAME);
        response.put("model_version", LanguageDetector.MODEL_VERSION);
        if (request.get("id") instanceof String id) {
            response.put("id", id);
        }
        response.put("outputs", tensors);
        return response;
    }

    private static List<?> shape(Object value) throws BadRequest {
        if (!(value instanceof List<?> shape) || shape.isEmpty() || shape.size() > 2) {
            throw new BadRequest("input \"" + INPUT_NAME + "\" must have a shape [n] or [n, 1], not " + describe(value));
        }
        for (Object dimension : shape) {
            if (!(dimension instanceof Integer || dimension instanceof Long) || ((Number) dimension).longValue() < 0) {
                throw new BadRequest("input \"" + INPUT_NAME + "\" has an invalid shape " + shape
                        + ": dimensions must be non-negative integers");
            }
        }
        return shape;
    }

    /** Row-major: the data may be flat, or nested as the shape says; every element must be a string. */
    private static void flatten(Object data, List<String> into) throws BadRequest {
        if (data instanceof List<?> list) {
            for (Object element : list) {
                flatten(element, into);
            }
        } else if (data instanceof String text) {
            into.add(text);
        } else if (data == null && into.isEmpty()) {
            throw new BadRequest("input \"" + INPUT_NAME + "\" has no \"data\" array");
        } else {
            throw new BadRequest("input \"" + INPUT_NAME + "\" is BYTES: every data element must be a string, not "
                    + describe(data));
        }
    }

    private static List<String> requestedOutputs(Object value) throws BadRequest {
        if (value == null) {
            return List.of(LABEL_OUTPUT, CONFIDENCE_OUTPUT);
        }
        if (!(value instanceof List<?> requested)) {
            throw new BadRequest("\"outputs\" must be an array of objects with a name");
        }
        List<String> names = new ArrayList<>();
        for (Object element : requested) {
            Object name = element instanceof Map<?, ?> output ? output.get("name") : null;
            if (!LABEL_OUTPUT.equals(name) && !CONFIDENCE_OUTPUT.equals(name)) {
                throw new BadRequest("unknown output " + describe(name) + ": model " + MODEL_NAME
                        + " has outputs \"" + LABEL_OUTPUT + "\" and \"" + CONFIDENCE_OUTPUT + "\"");
            }
            names.add((String) name);
        }
        return names.isEmpty() ? List.of(LABEL_OUTPUT, CONFIDENCE_OUTPUT) : names;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null (missing)";
        }
        return value instanceof String s ? "\"" + s + "\"" : value.toString();
    }

    // ---------------------------------------------------------------------------------------- responses

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, Map.of("error", message));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
