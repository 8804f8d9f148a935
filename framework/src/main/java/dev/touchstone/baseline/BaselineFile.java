package dev.touchstone.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.internal.json.JsonTree;
import java.io.IOException;
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
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
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
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                writeBaseline(json, name, recordedAt, version, sorted);
            }
        });
    }

    private static void writeBaseline(JsonGenerator json, String name, String recordedAt, String version,
            List<BaselineEntry> sorted) throws IOException {
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

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    /** The entries by key; a file that is not JSON or not a baseline fails naming the file and entry. */
    public static Map<String, BaselineEntry> read(Path file) {
        Object tree;
        try {
            tree = Json.parse(file);
        } catch (JsonFormatException e) {
            throw notJson(file, e.detailedMessage(), e);
        } catch (IOException e) {
            throw notJson(file, e.getMessage(), e);
        }
        Map<String, Object> root = JsonTree.object(tree, () -> bad(file, "the top level is not an object"));
        Object version = root.get("schemaVersion");
        expect(version == null || version instanceof Number n && n.doubleValue() == SCHEMA_VERSION, file,
                "schemaVersion is " + version + ", expected " + SCHEMA_VERSION);
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        if (!root.containsKey("entries")) {
            return entries;
        }
        List<Object> list = JsonTree.array(root.get("entries"), () -> bad(file, "'entries' is not an array"));
        for (int i = 0; i < list.size(); i++) {
            final int index = i;
            BaselineEntry entry = entry(JsonTree.object(list.get(i), () -> bad(file, "entries[" + index
                    + "] is not an object")), file, i);
            if (entries.put(entry.key(), entry) != null) {
                throw bad(file, "entry " + entry.key() + " occurs twice");
            }
        }
        return entries;
    }

    private static BaselineEntry entry(Map<String, Object> fields, Path file, int index) {
        String at = "entries[" + index + "]";
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, Double> statistics = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if ("interval".equals(name)) {
                for (Map.Entry<String, Object> f : inner(value, file, at + ".interval").entrySet()) {
                    if (f.getValue() instanceof String s) {
                        text.put("interval." + f.getKey(), s);
                    } else {
                        String where = at + ".interval." + f.getKey();
                        numbers.put("interval." + f.getKey(), number(f.getValue(), file, where));
                    }
                }
            } else if ("statistics".equals(name)) {
                for (Map.Entry<String, Object> f : inner(value, file, at + ".statistics").entrySet()) {
                    statistics.put(f.getKey(), number(f.getValue(), file, at + ".statistics." + f.getKey()));
                }
            } else if (value instanceof String s) {
                text.put(name, s);
            } else if (value instanceof Number || value == Json.NULL) {
                numbers.put(name, number(value, file, at + "." + name));
            }
        }
        String key = text.get("key");
        String where = at + (key == null ? "" : " (" + key + ")");
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

    private static Map<String, Object> inner(Object value, Path file, String where) {
        return JsonTree.object(value, () -> bad(file, where + " is not an object"));
    }

    // JSON null is an undefined number (NaN): that is how non-finite values are written
    private static double number(Object value, Path file, String where) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        expect(value == Json.NULL, file, where + " is not a number");
        return Double.NaN;
    }

    private static void expect(boolean condition, Path file, String problem) {
        if (!condition) {
            throw bad(file, problem);
        }
    }

    private static QualityConfigurationException notJson(Path file, String problem, Exception cause) {
        return new QualityConfigurationException("baseline file " + file + " is not valid JSON: " + problem, cause);
    }

    private static QualityConfigurationException bad(Path file, String problem) {
        return new QualityConfigurationException("baseline file " + file + ": " + problem);
    }
}
