package dev.touchstone.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.internal.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code baseline.json}: the entries of a baseline, sorted by key, pretty-printed, one field per
 * line, so that a change to a committed baseline reads well in a diff. Reading is strict: a file
 * that is not JSON, repeats a key, lacks {@code schemaVersion}, or holds an entry whose value lies
 * outside its metric's range or whose outcomes file lies outside the baseline directory fails
 * with the file and the entry at fault.
 *
 * <p>Version 2 keys name the model and dataset ({@code spec#check|model@dataset|slice|metric})
 * and each entry says which run recorded it. Files of version 1 ({@code spec#check|slice|metric})
 * are read and migrated: their entries get version 2 keys, and are written as version 2 by the
 * next promotion.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineFile {

    public static final String FILE_NAME = "baseline.json";
    public static final int SCHEMA_VERSION = 2;
    /** The version before model and dataset were part of the key; read and migrated. */
    static final int SCHEMA_VERSION_1 = 1;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A baseline file's content.
     *
     * @param name    the baseline's name ({@code previous-run}, {@code candidate})
     * @param runId   the run that wrote the file last (for a candidate: the run it belongs to)
     * @param entries by key, sorted
     */
    public record Contents(String name, @Nullable String runId, Map<String, BaselineEntry> entries) {

        public Contents {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    private BaselineFile() {
    }

    /** Writes a baseline file, atomically, recorded now by this Touchstone version. */
    public static void write(Path file, String name, @Nullable String runId, List<BaselineEntry> entries)
            throws IOException {
        write(file, name, Instant.now().toString(), TouchstoneVersion.current(), runId, entries);
    }

    static void write(Path file, String name, String recordedAt, String version, @Nullable String runId,
            List<BaselineEntry> entries) throws IOException {
        List<BaselineEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(BaselineEntry::key));
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeNumberField("schemaVersion", SCHEMA_VERSION);
                json.writeStringField("name", name);
                json.writeStringField("recordedAt", recordedAt);
                json.writeStringField("touchstoneVersion", version);
                string(json, "runId", runId);
                json.writeArrayFieldStart("entries");
                for (BaselineEntry e : sorted) {
                    writeEntry(json, e);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    private static void writeEntry(JsonGenerator json, BaselineEntry e) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", e.key());
        json.writeStringField("spec", e.spec());
        json.writeStringField("check", e.check());
        json.writeStringField("model", e.model());
        json.writeStringField("dataset", e.dataset());
        json.writeStringField("slice", e.slice());
        json.writeStringField("metric", e.metric());
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
        string(json, "fingerprint", e.fingerprint());
        string(json, "outcomes", e.outcomes());
        string(json, "runId", e.runId());
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String name, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    /** The entries by key; see {@link #load}. */
    public static Map<String, BaselineEntry> read(Path file) {
        return load(file).entries();
    }

    /** The whole file; anything that is not a baseline fails naming the file (and entry). */
    public static Contents load(Path file) {
        if (Files.isDirectory(file)) {
            throw about(file, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw about(file, "does not exist");
        }
        Object tree;
        try {
            tree = Json.parse(file);
        } catch (JsonFormatException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot read baseline file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> root = JsonTree.object(tree, () -> bad(file, "the top level is not an object"));
        Object version = root.get("schemaVersion");
        if (version == null) {
            throw about(file, "has no schemaVersion: expected \"schemaVersion\": " + SCHEMA_VERSION);
        }
        int schema = version instanceof Number n && (n.doubleValue() == SCHEMA_VERSION
                || n.doubleValue() == SCHEMA_VERSION_1) ? n.intValue() : -1;
        if (schema < 0) {
            throw bad(file, "schemaVersion is " + version + ", expected " + SCHEMA_VERSION + " (or "
                    + SCHEMA_VERSION_1 + ", which is migrated)");
        }
        String name = optionalString(root, "name", file);
        String runId = optionalString(root, "runId", file);
        List<Object> list = JsonTree.array(root.get("entries"), () -> bad(file, root.containsKey("entries")
                ? "'entries' is not an array" : "has no 'entries' array"));
        BaselineEntryReader reader = new BaselineEntryReader(file, schema);
        Map<String, BaselineEntry> entries = new TreeMap<>();
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            BaselineEntry entry = reader.read(list.get(i), i);
            Integer first = indexOf.putIfAbsent(entry.key(), i);
            if (first != null) {
                throw bad(file, "entries[" + first + "] and entries[" + i + "] have the same key " + entry.key());
            }
            entries.put(entry.key(), entry);
        }
        return new Contents(name == null ? "" : name, runId, entries);
    }

    private static @Nullable String optionalString(Map<String, Object> root, String key, Path file) {
        Object value = root.get(key);
        if (JsonTree.isNull(value)) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw bad(file, "'" + key + "' is not a string");
    }

    private static QualityConfigurationException notJson(Path file, JsonFormatException e) {
        // the parser's description may quote the file: keep it short and escaped
        String problem = e.detailedMessage();
        return new QualityConfigurationException("baseline file " + file + " is not valid JSON: "
                + (problem.length() > 160 ? e.getMessage() : problem.replaceAll("\\p{Cntrl}", "?")), e);
    }

    // "baseline file x.json does not exist"
    private static QualityConfigurationException about(Path file, String what) {
        return new QualityConfigurationException("baseline file " + file + " " + what);
    }

    // "baseline file x.json: entries[3] (key) ..."
    static QualityConfigurationException bad(Path file, String problem) {
        return new QualityConfigurationException("baseline file " + file + ": " + problem);
    }
}
