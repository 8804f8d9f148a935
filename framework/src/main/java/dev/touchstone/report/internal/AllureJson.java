package dev.touchstone.report.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.touchstone.internal.json.Json;
import dev.touchstone.report.internal.AllureCategories.Category;
import dev.touchstone.report.internal.AllureResult.Attachment;
import dev.touchstone.report.internal.AllureResult.Label;
import dev.touchstone.report.internal.AllureResult.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;

/** Allure 2's JSON: test results, categories, the executor, and any parsed tree written back. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AllureJson() {
    }

    /**
     * A result file's content.
     *
     * @param sources the file name each attachment was written to
     */
    public static byte[] result(AllureResult result, Function<Attachment, String> sources) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("uuid", result.uuid());
            string(json, "historyId", result.historyId());
            string(json, "testCaseId", result.historyId());
            string(json, "fullName", result.fullName());
            body(json, result, sources);
            labels(json, result.labels());
            json.writeArrayFieldStart("links");
            json.writeEndArray();
            string(json, "description", null);
            string(json, "descriptionHtml", result.descriptionHtml());
            json.writeEndObject();
        });
    }

    // name, status, details, stage, steps, attachments, parameters, start, stop: what results and steps share
    private static void body(JsonGenerator json, AllureResult result, Function<Attachment, String> sources)
            throws IOException {
        json.writeStringField("name", result.name());
        json.writeStringField("status", result.status().json());
        json.writeObjectFieldStart("statusDetails");
        json.writeBooleanField("known", false);
        json.writeBooleanField("muted", false);
        json.writeBooleanField("flaky", false);
        string(json, "message", result.message());
        string(json, "trace", result.trace());
        json.writeEndObject();
        json.writeStringField("stage", "finished");
        json.writeArrayFieldStart("steps");
        for (AllureResult step : result.steps()) {
            json.writeStartObject();
            body(json, step, sources);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("attachments");
        for (Attachment attachment : result.attachments()) {
            json.writeStartObject();
            json.writeStringField("name", attachment.name());
            json.writeStringField("source", sources.apply(attachment));
            json.writeStringField("type", attachment.type());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("parameters");
        for (Parameter parameter : result.parameters()) {
            json.writeStartObject();
            json.writeStringField("name", parameter.name());
            json.writeStringField("value", parameter.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("start", result.start());
        json.writeNumberField("stop", result.stop());
    }

    private static void labels(JsonGenerator json, List<Label> labels) throws IOException {
        json.writeArrayFieldStart("labels");
        for (Label label : labels) {
            json.writeStartObject();
            json.writeStringField("name", label.name());
            json.writeStringField("value", label.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code categories.json}: ours, after the categories already there that are not ours. */
    public static byte[] categories(List<Object> existing, List<Category> categories) {
        return write(json -> {
            json.writeStartArray();
            for (Object other : existing) {
                tree(json, other);
            }
            for (Category c : categories) {
                json.writeStartObject();
                json.writeStringField("name", c.name());
                json.writeStringField("description", c.description());
                json.writeArrayFieldStart("matchedStatuses");
                for (String status : c.statuses()) {
                    json.writeString(status);
                }
                json.writeEndArray();
                json.writeStringField("traceRegex", c.traceRegex());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** {@code executor.json}. */
    public static byte[] executor(CiExecutor executor) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("name", executor.name());
            json.writeStringField("type", executor.type());
            string(json, "url", executor.url());
            if (executor.buildOrder() != null) {
                json.writeNumberField("buildOrder", executor.buildOrder());
            }
            string(json, "buildName", executor.buildName());
            string(json, "buildUrl", executor.buildUrl());
            json.writeEndObject();
        });
    }

    /** A tree parsed by {@link Json#parse}, written back. */
    public static byte[] tree(Object tree) {
        return write(json -> tree(json, tree));
    }

    private static void tree(JsonGenerator json, Object value) throws IOException {
        if (value == null || value == Json.NULL) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                tree(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                tree(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof java.math.BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure JSON", e);
        }
        return bytes.toByteArray();
    }
}
