package com.example.langdetect.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's side of the Open Inference Protocol v2 REST API, over real HTTP on loopback. */
class InferenceServerTest {

    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = InferenceServer.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> json(HttpResponse<String> response) throws Exception {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        return assertInstanceOf(Map.class, Json.parse(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void assertError(int status, HttpResponse<String> response, String messagePart) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        Object error = json(response).get("error");
        assertInstanceOf(String.class, error);
        assertTrue(((String) error).contains(messagePart), () -> "error \"" + error + "\" should mention " + messagePart);
    }

    @Test
    void healthEndpoints() throws Exception {
        HttpResponse<String> live = get("/v2/health/live");
        HttpResponse<String> ready = get("/v2/health/ready");
        assertEquals(200, live.statusCode());
        assertEquals(Map.of("live", true), json(live));
        assertEquals(200, ready.statusCode());
        assertEquals(Map.of("ready", true), json(ready));
        assertEquals(Map.of("name", "langdetect", "ready", true), json(get("/v2/models/langdetect/ready")));
    }

    @Test
    void modelMetadataDescribesTheTensors() throws Exception {
        HttpResponse<String> response = get("/v2/models/langdetect");
        assertEquals(200, response.statusCode());
        Map<?, ?> metadata = json(response);
        assertAll(
                () -> assertEquals("langdetect", metadata.get("name")),
                () -> assertEquals(List.of("1.8.3"), metadata.get("versions")),
                () -> assertEquals("opennlp", metadata.get("platform")),
                () -> assertEquals(List.of(Map.of("name", "text", "datatype", "BYTES", "shape", List.of(-1))),
                        metadata.get("inputs")),
                () -> assertEquals(List.of(
                        Map.of("name", "label", "datatype", "BYTES", "shape", List.of(-1)),
                        Map.of("name", "confidence", "datatype", "FP64", "shape", List.of(-1))),
                        metadata.get("outputs")));
        assertEquals(metadata, json(get("/v2/models/langdetect/versions/1.8.3")));
    }

    @Test
    void infersABatchOfThreeInOneRequest() throws Exception {
        String request = """
                {
                  "id": "batch-42",
                  "inputs": [
                    {
                      "name": "text",
                      "shape": [3],
                      "datatype": "BYTES",
                      "data": [
                        "The committee will publish its final report on the new railway line next spring.",
                        "Der Bäcker an der Ecke öffnet jeden Morgen um sechs Uhr und verkauft frisches Brot.",
                        "Nous avons passé tout le week-end à ranger le grenier de la maison de campagne."
                      ]
                    }
                  ]
                }
                """;
        HttpResponse<String> response = post("/v2/models/langdetect/infer", request);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> body = json(response);
        assertEquals("langdetect", body.get("model_name"));
        assertEquals("1.8.3", body.get("model_version"));
        assertEquals("batch-42", body.get("id"));
        List<?> outputs = (List<?>) body.get("outputs");
        assertEquals(2, outputs.size());
        Map<?, ?> label = (Map<?, ?>) outputs.get(0);
        Map<?, ?> confidence = (Map<?, ?>) outputs.get(1);
        assertEquals("label", label.get("name"));
        assertEquals("BYTES", label.get("datatype"));
        assertEquals(List.of(3), label.get("shape"));
        assertEquals(List.of("eng", "deu", "fra"), label.get("data"));
        assertEquals("confidence", confidence.get("name"));
        assertEquals("FP64", confidence.get("datatype"));
        assertEquals(List.of(3), confidence.get("shape"));
        List<?> scores = (List<?>) confidence.get("data");
        assertEquals(3, scores.size());
        for (Object score : scores) {
            double p = ((Number) score).doubleValue();
            assertTrue(p > 0 && p <= 1, "confidence " + p + " should be in (0, 1]");
        }
    }

    @Test
    void acceptsNestedRowMajorDataAndTheVersionedPath() throws Exception {
        String request = """
                {"inputs": [{"name": "text", "shape": [2, 1], "datatype": "BYTES",
                             "data": [["Vi ses på stationen klockan sju i morgon bitti, glöm inte biljetterna."],
                                      ["Mañana por la tarde vamos a visitar a mis abuelos en el pueblo de la sierra."]]}],
                 "outputs": [{"name": "label"}]}
                """;
        HttpResponse<String> response = post("/v2/models/langdetect/versions/1.8.3/infer", request);
        assertEquals(200, response.statusCode(), response.body());
        List<?> outputs = (List<?>) json(response).get("outputs");
        assertEquals(1, outputs.size(), "only the requested output");
        Map<?, ?> label = (Map<?, ?>) outputs.get(0);
        assertEquals(List.of(2, 1), label.get("shape"));
        assertEquals(List.of("swe", "spa"), label.get("data"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertError(400, post("/v2/models/langdetect/infer", "{\"inputs\": [{\"name\": \"text\", "), "not valid JSON");
        assertError(400, post("/v2/models/langdetect/infer", ""), "empty");
    }

    @Test
    void invalidTensorsAreBadRequests() throws Exception {
        assertError(400, post("/v2/models/langdetect/infer", "{}"), "inputs");
        assertError(400, post("/v2/models/langdetect/infer",
                "{\"inputs\": [{\"name\": \"sentence\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"hi\"]}]}"),
                "unknown input \"sentence\"");
        assertError(400, post("/v2/models/langdetect/infer",
                "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1.0]}]}"),
                "datatype BYTES");
        assertError(400, post("/v2/models/langdetect/infer",
                "{\"inputs\": [{\"name\": \"text\", \"shape\": [3], \"datatype\": \"BYTES\", \"data\": [\"a\", \"b\"]}]}"),
                "shape [3]");
        assertError(400, post("/v2/models/langdetect/infer",
                "{\"inputs\": [{\"name\": \"text\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"a\", 7]}]}"),
                "must be a string");
        assertError(400, post("/v2/models/langdetect/infer",
                "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"a\"]}],"
                        + " \"outputs\": [{\"name\": \"probabilities\"}]}"),
                "unknown output \"probabilities\"");
    }

    @Test
    void unknownModelsPathsAndMethods() throws Exception {
        assertError(404, post("/v2/models/sentiment/infer", "{}"), "unknown model");
        assertError(404, get("/v1/models/langdetect"), "no such endpoint");
        HttpResponse<String> getInfer = get("/v2/models/langdetect/infer");
        assertError(405, getInfer, "use POST");
        assertEquals("POST", getInfer.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void servesManyRequestsInFlight() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String body = "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"datatype\": \"BYTES\","
                    + " \"data\": [\"Het regent al de hele week en de fietsenstalling staat vol water, nummer " + i + ".\"]}]}";
            inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v2/models/langdetect/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> future : inFlight) {
            HttpResponse<String> response = future.get();
            assertEquals(200, response.statusCode(), response.body());
            Map<?, ?> label = (Map<?, ?>) ((List<?>) json(response).get("outputs")).get(0);
            assertEquals(List.of("nld"), label.get("data"));
        }
    }
}
