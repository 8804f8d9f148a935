package dev.touchstone.report.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.report.TrendChartSvg;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The values of each check and slice over the last runs ({@code history/touchstone-metrics.json}
 * beside Allure's own history, so that whatever keeps Allure's history between builds keeps it
 * too): the source of the metric-over-runs charts. Runs are told apart by their id, so a report
 * generated twice from one run adds it once; the newest {@link #MAX_RUNS} are kept.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record MetricHistory(List<Run> runs) {

    public static final String FILE_NAME = "touchstone-metrics.json";
    public static final int MAX_RUNS = 20;
    private static final int SCHEMA_VERSION = 1;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public MetricHistory {
        runs = List.copyOf(runs);
    }

    /** One run: its id, when it started, and one point per key. */
    public record Run(String runId, Instant startedAt, Map<String, Point> points) {
        public Run {
            points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
        }
    }

    /**
     * One result of a run, as {@code results.json} had it.
     *
     * @param kind the expectation's kind ({@code above}, {@code not_significantly_worse_than}, ...)
     */
    public record Point(String metric, String slice, Verdict verdict, @Nullable Double value, @Nullable Double low,
            @Nullable Double high, double level, long n, String kind, @Nullable Double threshold, @Nullable Double upper,
            @Nullable Double confidence, @Nullable Double reference, @Nullable String referenceSource) {
    }

    public static MetricHistory empty() {
        return new MetricHistory(List.of());
    }

    /** The run of a results file, keyed as the engine keys its Allure results. */
    public static Run of(RunResults results) {
        AllureKeys.Counter counter = new AllureKeys.Counter();
        Map<String, Point> points = new LinkedHashMap<>();
        for (CheckEntry e : results.checks()) {
            if (e.slice() == null || e.metric() == null || e.expectation() == null) {
                continue;
            }
            String key = counter.next(e.spec(), e.check(), e.slice(), e.metric(), e.expectation().kind());
            points.put(key, new Point(e.metric(), e.slice(), e.verdict(), e.value(),
                    e.interval() == null ? null : e.interval().low(), e.interval() == null ? null : e.interval().high(),
                    e.interval() == null ? Double.NaN : e.interval().level(), e.n() == null ? 0 : e.n(),
                    e.expectation().kind(), e.expectation().threshold(), e.expectation().upper(),
                    e.expectation().confidence(), e.baseline() == null ? null : e.baseline().value(),
                    e.baseline() == null ? null : e.baseline().source()));
        }
        String id = results.run().runId() != null ? results.run().runId() : results.run().startedAt().toString();
        return new Run(id, results.run().startedAt(), points);
    }

    /** This history with {@code run} (replacing a run of the same id), the newest {@link #MAX_RUNS} kept. */
    public MetricHistory with(Run run) {
        return merge(new MetricHistory(List.of(run)));
    }

    /** The runs of both, each once (the other's copy wins), oldest first, the newest {@link #MAX_RUNS} kept. */
    public MetricHistory merge(MetricHistory other) {
        Map<String, Run> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.put(r.runId(), r));
        other.runs().forEach(r -> byId.put(r.runId(), r));
        List<Run> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Run::startedAt));
        return new MetricHistory(all.subList(Math.max(0, all.size() - MAX_RUNS), all.size()));
    }

    /** The chart of one key over the runs that have it, or empty when none has. */
    public Optional<String> chart(String key) {
        List<TrendChartSvg.Point> points = new ArrayList<>();
        Point latest = null;
        for (Run run : runs) {
            Point p = run.points().get(key);
            if (p == null) {
                continue;
            }
            latest = p;
            points.add(new TrendChartSvg.Point(label(run, points), p.verdict(), orNaN(p.value()), orNaN(p.low()),
                    orNaN(p.high()), p.level(), p.n(), orNaN(p.reference())));
        }
        if (latest == null) {
            return Optional.empty();
        }
        return Optional.of(TrendChartSvg.of(latest.metric(), latest.slice(), points, expectation(latest),
                latest.referenceSource() == null ? null : referenceName(latest.referenceSource())));
    }

    /** The metric and slice of a key, for an attachment's name. */
    public Optional<Point> latest(String key) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            Point p = runs.get(i).points().get(key);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String label(Run run, List<TrendChartSvg.Point> before) {
        String label = LABEL.format(run.startedAt());
        String unique = label;
        int n = 2;
        while (taken(before, unique)) {
            unique = label + " (" + n++ + ")";
        }
        return unique;
    }

    private static boolean taken(List<TrendChartSvg.Point> points, String label) {
        return points.stream().anyMatch(p -> p.run().equals(label));
    }

    private static @Nullable Expectation expectation(Point p) {
        Expectation.Kind kind;
        try {
            kind = Expectation.Kind.valueOf(p.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        OptionalDouble confidence = p.confidence() == null ? OptionalDouble.empty() : OptionalDouble.of(p.confidence());
        return new Expectation(kind, orNaN(p.threshold()), orNaN(p.upper()), confidence);
    }

    private static String referenceName(String source) {
        return source.startsWith("model:") ? source.substring("model:".length()) : "baseline " + source;
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    /** Reads a history file; an unreadable one is empty (the trend starts again), never an error. */
    public static MetricHistory read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            Map<String, Object> root = AllureResultsDirectory.object(Json.parse(file));
            if (root == null || !(root.get("schemaVersion") instanceof Number v) || v.intValue() != SCHEMA_VERSION) {
                return empty();
            }
            List<Run> runs = new ArrayList<>();
            for (Object r : AllureResultsDirectory.items(root.get("runs"))) {
                Map<String, Object> run = AllureResultsDirectory.object(r);
                if (run == null) {
                    continue;
                }
                Map<String, Point> points = new LinkedHashMap<>();
                Map<String, Object> byKey = AllureResultsDirectory.object(run.get("points"));
                if (byKey != null) {
                    byKey.forEach((key, value) -> {
                        Map<String, Object> p = AllureResultsDirectory.object(value);
                        if (p != null) {
                            points.put(key, point(p));
                        }
                    });
                }
                runs.add(new Run(String.valueOf(run.get("runId")), Instant.parse(String.valueOf(run.get("startedAt"))),
                        points));
            }
            return new MetricHistory(List.of()).merge(new MetricHistory(runs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JsonFormatException | RuntimeException e) {
            return empty();
        }
    }

    private static Point point(Map<String, Object> p) {
        return new Point(String.valueOf(p.get("metric")), String.valueOf(p.get("slice")),
                Verdict.valueOf(String.valueOf(p.get("verdict"))), dbl(p.get("value")), dbl(p.get("low")),
                dbl(p.get("high")), p.get("level") instanceof Number l ? l.doubleValue() : Double.NaN,
                p.get("n") instanceof Number n ? n.longValue() : 0, String.valueOf(p.get("kind")), dbl(p.get("threshold")),
                dbl(p.get("upper")), dbl(p.get("confidence")), dbl(p.get("reference")),
                AllureResultsDirectory.string(p.get("referenceSource")));
    }

    private static @Nullable Double dbl(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** The file's content. */
    public byte[] json() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeArrayFieldStart("runs");
            for (Run run : runs) {
                json.writeStartObject();
                json.writeStringField("runId", run.runId());
                json.writeStringField("startedAt", run.startedAt().toString());
                json.writeObjectFieldStart("points");
                for (Map.Entry<String, Point> e : run.points().entrySet()) {
                    Point p = e.getValue();
                    json.writeObjectFieldStart(e.getKey());
                    json.writeStringField("metric", p.metric());
                    json.writeStringField("slice", p.slice());
                    json.writeStringField("verdict", p.verdict().name());
                    number(json, "value", p.value());
                    number(json, "low", p.low());
                    number(json, "high", p.high());
                    number(json, "level", p.level());
                    json.writeNumberField("n", p.n());
                    json.writeStringField("kind", p.kind());
                    number(json, "threshold", p.threshold());
                    number(json, "upper", p.upper());
                    number(json, "confidence", p.confidence());
                    number(json, "reference", p.reference());
                    if (p.referenceSource() != null) {
                        json.writeStringField("referenceSource", p.referenceSource());
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void number(JsonGenerator json, String name, @Nullable Double value) throws IOException {
        if (value != null && Double.isFinite(value)) {
            json.writeNumberField(name, value);
        }
    }
}
