package dev.touchstone.model.endpoint;

import dev.touchstone.internal.json.Json;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake Open Inference Protocol v2 server for a toy language detector: input "text" (BYTES),
 * outputs "label" ("en" when the text contains "the", else "fr") and "score" (0.9 or 0.2).
 * {@code fault} may replace the answer to an inference request (by request id).
 */
public final class LanguageServer {

    public static final String METADATA = "{\"name\":\"lang\",\"versions\":[\"1\",\"2\"],\"platform\":\"test\","
            + "\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1,1]}],"
            + "\"outputs\":[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1,1]},"
            + "{\"name\":\"score\",\"datatype\":\"FP32\",\"shape\":[-1,1]}]}";

    private LanguageServer() {
    }

    public static TestServer start() throws IOException {
        return start(id -> null);
    }

    public static TestServer start(Function<String, Reply> fault) throws IOException {
        return TestServer.start(r -> {
            if (r.method().equals("GET") && r.path().equals("/v2/health/ready")) {
                return Reply.status(200, "");
            }
            if (r.method().equals("GET") && r.path().matches("/v2/models/lang(/versions/[12])?")) {
                return Reply.ok(METADATA);
            }
            if (r.method().equals("POST") && r.path().matches("/v2/models/lang(/versions/[12])?/infer")) {
                return infer(r.body(), fault);
            }
            return Reply.status(404, "{\"error\":\"no route " + r.path() + "\"}");
        });
    }

    @SuppressWarnings("unchecked")
    public static Reply infer(String body, Function<String, Reply> fault) throws Exception {
        Map<String, Object> request = (Map<String, Object>) Json.parse(body);
        String id = (String) request.get("id");
        Reply replaced = fault.apply(id);
        if (replaced != null) {
            return replaced;
        }
        Map<String, Object> input = (Map<String, Object>) ((List<Object>) request.get("inputs")).get(0);
        if (!"text".equals(input.get("name")) || !"BYTES".equals(input.get("datatype"))) {
            return Reply.status(400, "{\"error\":\"expected BYTES input 'text'\"}");
        }
        List<Object> texts = (List<Object>) input.get("data");
        List<Object> shape = (List<Object>) input.get("shape");
        if (shape.size() != 2 || ((Long) shape.get(0)) != texts.size() || ((Long) shape.get(1)) != 1) {
            return Reply.status(400, "{\"error\":\"bad shape " + shape + "\"}");
        }
        List<String> labels = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (Object text : texts) {
            boolean en = ((String) text).contains("the");
            labels.add(Json.quote(en ? "en" : "fr"));
            scores.add(en ? "0.9" : "0.2");
        }
        int n = texts.size();
        return Reply.ok("{\"model_name\":\"lang\",\"model_version\":\"1\",\"id\":" + Json.quote(id) + ",\"outputs\":["
                + "{\"name\":\"label\",\"shape\":[" + n + ",1],\"datatype\":\"BYTES\",\"data\":" + labels + "},"
                + "{\"name\":\"score\",\"shape\":[" + n + ",1],\"datatype\":\"FP32\",\"data\":" + scores + "}]}");
    }
}
