package dev.touchstone.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.io.IoFailures;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.internal.json.JsonTree;
import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.DifferenceEntry;
import dev.touchstone.result.CheckEntry.PowerEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads and writes {@code results.json} (ARCHITECTURE.md §4). Writing is atomic
 * ({@link AtomicFiles}), so a crash never leaves a half-written file. Reading checks the schema and names the file and entry at fault.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultsJson {

    public static final String FILE_NAME = "results.json";

    private static final JsonFactory JSON = new JsonFactory();

    private ResultsJson() {
    }

    public static void write(Path file, RunResults results) {
        try {
            AtomicFiles.write(file, out -> {
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.useDefaultPrettyPrinter();
                    writeRun(json, results);
                }
            });
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write the results file " + file + ": "
                    + IoFailures.describe(e), e);
        }
    }

    /**
     * Writes one JSON object per entry, one per line (JSON Lines): {@code "run"} (the run's
     * facts), then the entry's fields as in {@code results.json}. For log pipelines.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static void writeLines(Path file, RunResults results) {
        try {
            AtomicFiles.write(file, out -> {
                for (CheckEntry c : results.checks()) {
                    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                    try (JsonGenerator json = JSON.createGenerator(line)) {
                        json.writeStartObject();
                        json.writeObjectFieldStart("run");
                        json.writeStringField("startedAt", results.run().startedAt().toString());
                        json.writeStringField("finishedAt", results.run().finishedAt().toString());
                        json.writeNumberField("seed", results.run().seed());
                        json.writeStringField("touchstoneVersion", results.run().touchstoneVersion());
                        json.writeEndObject();
                        writeEntryFields(json, c);
                        json.writeEndObject();
                    }
                    out.write(line.toByteArray());
                    out.write('\n');
                }
            });
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeRun(JsonGenerator json, RunResults results) throws IOException {
        json.writeStartObject();
        json.writeNumberField("schemaVersion", results.schemaVersion());
        json.writeObjectFieldStart("run");
        json.writeStringField("startedAt", results.run().startedAt().toString());
        json.writeStringField("finishedAt", results.run().finishedAt().toString());
        json.writeNumberField("seed", results.run().seed());
        json.writeStringField("touchstoneVersion", results.run().touchstoneVersion());
        if (results.run().runId() != null) {
            json.writeStringField("runId", results.run().runId());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("checks");
        for (CheckEntry c : results.checks()) {
            writeEntry(json, c);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeEntry(JsonGenerator json, CheckEntry c) throws IOException {
        json.writeStartObject();
        writeEntryFields(json, c);
        json.writeEndObject();
    }

    private static void writeEntryFields(JsonGenerator json, CheckEntry c) throws IOException {
        json.writeStringField("uniqueId", c.uniqueId());
        json.writeStringField("spec", c.spec());
        json.writeStringField("check", c.check());
        string(json, "model", c.model());
        string(json, "dataset", c.dataset());
        string(json, "slice", c.slice());
        string(json, "metric", c.metric());
        number(json, "value", c.value());
        if (c.n() == null) {
            json.writeNullField("n");
        } else {
            json.writeNumberField("n", c.n());
        }
        if (c.interval() == null) {
            json.writeNullField("interval");
        } else {
            json.writeObjectFieldStart("interval");
            json.writeNumberField("level", c.interval().level());
            number(json, "low", c.interval().low());
            number(json, "high", c.interval().high());
            json.writeStringField("method", c.interval().method());
            json.writeEndObject();
        }
        if (c.expectation() == null) {
            json.writeNullField("expectation");
        } else {
            ExpectationEntry e = c.expectation();
            json.writeObjectFieldStart("expectation");
            json.writeStringField("kind", e.kind());
            number(json, "threshold", e.threshold());
            if (e.upper() != null) {
                number(json, "upper", e.upper());
            }
            json.writeNumberField("tolerance", e.tolerance());
            number(json, "confidence", e.confidence());
            number(json, "relativeTolerance", e.relativeTolerance());
            json.writeEndObject();
        }
        if (c.baseline() == null) {
            json.writeNullField("baseline");
        } else {
            BaselineEntry b = c.baseline();
            json.writeObjectFieldStart("baseline");
            json.writeStringField("source", b.source());
            number(json, "value", b.value());
            if (b.n() == null) {
                json.writeNullField("n");
            } else {
                json.writeNumberField("n", b.n());
            }
            json.writeBooleanField("paired", b.paired());
            string(json, "pairing", b.pairing());
            json.writeEndObject();
        }
        if (c.test() == null) {
            json.writeNullField("test");
        } else {
            TestEntry t = c.test();
            json.writeObjectFieldStart("test");
            json.writeStringField("name", t.name());
            number(json, "statistic", t.statistic());
            number(json, "pValue", t.pValue());
            number(json, "adjustedPValue", t.adjustedPValue());
            json.writeNumberField("alpha", t.alpha());
            string(json, "multiplicity", t.multiplicity());
            string(json, "family", t.family());
            string(json, "hypothesis", t.hypothesis());
            json.writeEndObject();
        }
        json.writeStringField("verdict", c.verdict().name());
        json.writeStringField("message", c.message());
        json.writeNumberField("durationMillis", c.durationMillis());
        writeFacts(json, c);
    }

    // The fields added in 0.3: every fact the messages show, so that readers need not parse them.
    private static void writeFacts(JsonGenerator json, CheckEntry c) throws IOException {
        string(json, "sliceDefinition", c.sliceDefinition());
        string(json, "undefinedReason", c.undefinedReason());
        if (c.difference() == null) {
            json.writeNullField("difference");
        } else {
            DifferenceEntry d = c.difference();
            json.writeObjectFieldStart("difference");
            number(json, "value", d.value());
            json.writeNumberField("level", d.level());
            number(json, "low", d.low());
            number(json, "high", d.high());
            json.writeStringField("method", d.method());
            json.writeBooleanField("higherIsBetter", d.higherIsBetter());
            json.writeEndObject();
        }
        if (c.power() == null) {
            json.writeNullField("power");
        } else {
            PowerEntry p = c.power();
            json.writeObjectFieldStart("power");
            json.writeNumberField("power", p.power());
            number(json, "minimumDetectableDifference", p.minimumDetectableDifference());
            json.writeNumberField("alpha", p.alpha());
            json.writeNumberField("comparisons", p.comparisons());
            json.writeBooleanField("exact", p.exact());
            json.writeEndObject();
        }
        string(json, "reason", c.reason());
        if (c.examplesNeeded() == null) {
            json.writeNullField("examplesNeeded");
        } else {
            json.writeNumberField("examplesNeeded", c.examplesNeeded());
        }
        json.writeArrayFieldStart("notes");
        for (String note : c.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        string(json, "warning", c.warning());
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    // NaN and infinities are not JSON: an undefined number is null.
    private static void number(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    /** Reads a results file; a malformed one fails with the file and the entry at fault. */
    public static RunResults read(Path file) {
        if (Files.isDirectory(file)) {
            throw new QualityConfigurationException("results file " + file.toAbsolutePath() + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new QualityConfigurationException("no results file at " + file.toAbsolutePath());
        }
        Object tree;
        try {
            tree = Json.parse(file);
        } catch (JsonFormatException e) {
            throw new QualityConfigurationException("results file " + file + " is not valid JSON: " + e.detailedMessage(), e);
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot read results file " + file + ": " + e, e);
        }
        return new ResultsReader(file).read(tree);
    }

    /** Converts the parsed tree into records, naming the file and entry of any problem. */
    private static final class ResultsReader {
        private final Path file;

        ResultsReader(Path file) {
            this.file = file;
        }

        RunResults read(Object tree) {
            Map<String, Object> root = JsonTree.object(tree, () -> fail("the top level", "is not an object"));
            if (!root.containsKey("schemaVersion")) {
                throw fail("schemaVersion", "is missing: expected " + RunResults.SCHEMA_VERSION);
            }
            Number version = JsonTree.number(root.get("schemaVersion"));
            if (version == null || version.intValue() != RunResults.SCHEMA_VERSION) {
                throw fail("schemaVersion", "is " + root.get("schemaVersion") + ", expected " + RunResults.SCHEMA_VERSION);
            }
            Map<String, Object> run = JsonTree.object(root.get("run"), () -> fail("run", "is missing"));
            RunInfo info = new RunInfo(instant(run, "startedAt"), instant(run, "finishedAt"),
                    JsonTree.number(run.get("seed")) == null ? 0 : JsonTree.number(run.get("seed")).longValue(),
                    String.valueOf(run.get("touchstoneVersion")), runId(run));
            List<Object> checks = JsonTree.array(root.get("checks"), () -> fail("checks", "is missing"));
            List<CheckEntry> entries = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                final int index = i;
                entries.add(entry(i, JsonTree.object(checks.get(i), () -> fail("checks[" + index + "]", "is not an object"))));
            }
            return new RunResults(version.intValue(), info, entries);
        }

        private CheckEntry entry(int i, Map<String, Object> c) {
            String where = "checks[" + i + "]";
            try {
                Map<String, Object> interval = JsonTree.objectOrNull(c.get("interval"));
                Map<String, Object> expectation = JsonTree.objectOrNull(c.get("expectation"));
                Map<String, Object> baseline = JsonTree.objectOrNull(c.get("baseline"));
                Map<String, Object> test = JsonTree.objectOrNull(c.get("test"));
                return new CheckEntry(
                        required(c, "uniqueId"), required(c, "spec"), required(c, "check"),
                        JsonTree.string(c.get("model")), JsonTree.string(c.get("dataset")),
                        JsonTree.string(c.get("slice")), JsonTree.string(c.get("metric")),
                        JsonTree.dbl(c.get("value")), JsonTree.lng(c.get("n")),
                        interval == null ? null : new IntervalEntry(JsonTree.dbl(interval.get("level")),
                                JsonTree.dbl(interval.get("low")), JsonTree.dbl(interval.get("high")),
                                JsonTree.string(interval.get("method"))),
                        expectation == null ? null : new ExpectationEntry(JsonTree.string(expectation.get("kind")),
                                JsonTree.dbl(expectation.get("threshold")), JsonTree.dbl(expectation.get("upper")),
                                orZero(JsonTree.dbl(expectation.get("tolerance"))), JsonTree.dbl(expectation.get("confidence")),
                                JsonTree.dbl(expectation.get("relativeTolerance"))),
                        baseline == null ? null : new BaselineEntry(JsonTree.string(baseline.get("source")),
                                JsonTree.dbl(baseline.get("value")), JsonTree.lng(baseline.get("n")),
                                Boolean.TRUE.equals(baseline.get("paired")), JsonTree.string(baseline.get("pairing"))),
                        test == null ? null : new TestEntry(JsonTree.string(test.get("name")),
                                JsonTree.dbl(test.get("statistic")), JsonTree.dbl(test.get("pValue")),
                                JsonTree.dbl(test.get("adjustedPValue")), orZero(JsonTree.dbl(test.get("alpha"))),
                                JsonTree.string(test.get("multiplicity")), JsonTree.string(test.get("family")),
                                JsonTree.string(test.get("hypothesis"))),
                        Verdict.valueOf(required(c, "verdict")),
                        required(c, "message"),
                        JsonTree.lng(c.get("durationMillis")) == null ? 0 : JsonTree.lng(c.get("durationMillis")),
                        JsonTree.string(c.get("sliceDefinition")), JsonTree.string(c.get("undefinedReason")),
                        difference(JsonTree.objectOrNull(c.get("difference"))), power(JsonTree.objectOrNull(c.get("power"))),
                        JsonTree.string(c.get("reason")), JsonTree.lng(c.get("examplesNeeded")),
                        notes(c.get("notes")), JsonTree.string(c.get("warning")));
            } catch (QualityConfigurationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw fail(where + " (" + c.get("uniqueId") + ")", "is malformed: " + e.getMessage());
            }
        }

        private static DifferenceEntry difference(Map<String, Object> d) {
            if (d == null) {
                return null;
            }
            Double value = JsonTree.dbl(d.get("value"));
            return new DifferenceEntry(value == null ? Double.NaN : value, orZero(JsonTree.dbl(d.get("level"))),
                    JsonTree.dbl(d.get("low")), JsonTree.dbl(d.get("high")), String.valueOf(d.get("method")),
                    !Boolean.FALSE.equals(d.get("higherIsBetter")));
        }

        private static PowerEntry power(Map<String, Object> p) {
            if (p == null) {
                return null;
            }
            Long comparisons = JsonTree.lng(p.get("comparisons"));
            return new PowerEntry(orZero(JsonTree.dbl(p.get("power"))), JsonTree.dbl(p.get("minimumDetectableDifference")),
                    orZero(JsonTree.dbl(p.get("alpha"))), comparisons == null ? 1 : comparisons.intValue(),
                    Boolean.TRUE.equals(p.get("exact")));
        }

        private List<String> notes(Object notes) {
            if (JsonTree.isNull(notes)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object note : JsonTree.array(notes, () -> fail("notes", "is not an array"))) {
                out.add(String.valueOf(note));
            }
            return out;
        }

        private String required(Map<String, Object> c, String key) {
            Object value = c.get(key);
            if (!(value instanceof String s)) {
                throw fail("entry " + c.get("uniqueId"), "has no string field '" + key + "'");
            }
            return s;
        }

        private String runId(Map<String, Object> run) {
            Object id = run.get("runId");
            if (JsonTree.isNull(id)) {
                return null;
            }
            if (!(id instanceof String s)) {
                throw fail("run.runId", "is not a string");
            }
            return s;
        }

        private Instant instant(Map<String, Object> run, String key) {
            try {
                return Instant.parse(String.valueOf(run.get(key)));
            } catch (RuntimeException e) {
                throw fail("run." + key, "is not an ISO-8601 instant: " + run.get(key));
            }
        }

        private static double orZero(Double d) {
            return d == null ? 0 : d;
        }

        private QualityConfigurationException fail(String where, String what) {
            return new QualityConfigurationException("results file " + file + ": " + where + " " + what);
        }
    }
}
