package dev.touchstone.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.touchstone.config.QualityConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * {@code baseline.json}: the entries of a baseline, sorted by key, pretty-printed, one field per
 * line, so that a change to a committed baseline reads well in a diff. A corrupt or hand-edited
 * file fails with the file and the entry at fault.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BaselineFile {

    public static final String FILE_NAME = "baseline.json";
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private BaselineFile() {
    }

    public static void write(Path file, String name, String recordedAt, String version, List<BaselineEntry> entries)
            throws IOException {
        List<BaselineEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(BaselineEntry::key));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("name", name);
            json.writeStringField("recordedAt", recordedAt);
            json.writeStringField("touchstoneVersion", version);
            json.writeArrayFieldStart("entries");
            for (BaselineEntry e : sorted) {
                json.writeStartObject();
                json.writeStringField("key", e.key());
                json.writeStringField("spec", e.spec());
                json.writeStringField("check", e.check());
                json.writeStringField("slice", e.slice());
                json.writeStringField("metric", e.metric());
                json.writeStringField("model", e.model());
                json.writeStringField("dataset", e.dataset());
                number(json, "value", e.value());
                json.writeNumberField("n", e.n());
                json.writeObjectFieldStart("interval");
                number(json, "level", e.intervalLevel());
                number(json, "low", e.intervalLow());
                number(json, "high", e.intervalHigh());
                json.writeStringField("method", e.intervalMethod());
                json.writeEndObject();
                json.writeObjectFieldStart("statistics");
                for (Map.Entry<String, Double> s : new TreeMap<>(e.statistics()).entrySet()) {
                    number(json, s.getKey(), s.getValue());
                }
                json.writeEndObject();
                if (e.fingerprint() == null) {
                    json.writeNullField("fingerprint");
                } else {
                    json.writeStringField("fingerprint", e.fingerprint());
                }
                if (e.outcomes() == null) {
                    json.writeNullField("outcomes");
                } else {
                    json.writeStringField("outcomes", e.outcomes());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    /** The entries by key. */
    public static Map<String, BaselineEntry> read(Path file) {
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            expect(p.nextToken() == JsonToken.START_OBJECT, file, "the top level is not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("schemaVersion".equals(field)) {
                    expect(p.getIntValue() == SCHEMA_VERSION, file, "schemaVersion is " + p.getText() + ", expected "
                            + SCHEMA_VERSION);
                } else if ("entries".equals(field)) {
                    expect(p.currentToken() == JsonToken.START_ARRAY, file, "'entries' is not an array");
                    int i = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        BaselineEntry entry = entry(p, file, i++);
                        if (entries.put(entry.key(), entry) != null) {
                            throw bad(file, "entry " + entry.key() + " occurs twice");
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new QualityConfigurationException("baseline file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        return entries;
    }

    private static BaselineEntry entry(JsonParser p, Path file, int index) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, Double> statistics = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if ("interval".equals(field) || "statistics".equals(field)) {
                expect(token == JsonToken.START_OBJECT, file, "entries[" + index + "]." + field + " is not an object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("statistics".equals(field)) {
                        statistics.put(inner, value == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue());
                    } else if (value == JsonToken.VALUE_STRING) {
                        text.put("interval." + inner, p.getText());
                    } else {
                        numbers.put("interval." + inner, value == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue());
                    }
                }
            } else if (token == JsonToken.VALUE_STRING) {
                text.put(field, p.getText());
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                numbers.put(field, p.getDoubleValue());
            } else if (token == JsonToken.VALUE_NULL) {
                numbers.put(field, Double.NaN);
            } else {
                p.skipChildren();
            }
        }
        String key = text.get("key");
        String where = "entries[" + index + "]" + (key == null ? "" : " (" + key + ")");
        for (String required : List.of("key", "spec", "check", "slice", "metric")) {
            expect(text.containsKey(required), file, where + " has no '" + required + "'");
        }
        expect(numbers.containsKey("value") && numbers.containsKey("n"), file, where + " has no 'value' or 'n'");
        BaselineEntry entry = new BaselineEntry(key, text.get("spec"), text.get("check"), text.get("slice"),
                text.get("metric"), text.getOrDefault("model", ""), text.getOrDefault("dataset", ""),
                numbers.get("value"), numbers.get("n").longValue(), numbers.getOrDefault("interval.level", Double.NaN),
                numbers.getOrDefault("interval.low", Double.NaN), numbers.getOrDefault("interval.high", Double.NaN),
                text.getOrDefault("interval.method", "none"), statistics, text.get("fingerprint"), text.get("outcomes"));
        expect(key.equals(BaselineEntry.key(entry.spec(), entry.check(), entry.slice(), entry.metric())), file,
                where + ": the key does not match spec, check, slice and metric (hand-edited?)");
        return entry;
    }

    private static void expect(boolean condition, Path file, String problem) {
        if (!condition) {
            throw bad(file, problem);
        }
    }

    private static QualityConfigurationException bad(Path file, String problem) {
        return new QualityConfigurationException("baseline file " + file + ": " + problem);
    }
}
