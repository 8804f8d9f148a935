package dev.touchstone.report.internal;

import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.json.Json;
import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.report.internal.AllureCategories.Category;
import dev.touchstone.report.internal.AllureResult.Attachment;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A directory of Allure results ({@code target/allure-results}) as Touchstone writes it: result
 * files and their attachments, and beside them {@code categories.json},
 * {@code environment.properties} and {@code executor.json}, merged with what other tools wrote
 * there. {@link #removePreviousRuns} takes out the results of Touchstone's earlier runs (and
 * their attachments), so Allure does not show them as retries; other tools' results and
 * Allure's {@code history} stay.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureResultsDirectory {

    /** The label Allure's JUnit Platform listener puts the test's unique ID in. */
    static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    private static final String ENGINE_SEGMENT = "[engine:touchstone]";
    /** Trend charts are named by their key's hash: a new report replaces them. */
    private static final String TREND = "touchstone-trend-";

    private final Path directory;
    private final Map<Attachment, String> written = new HashMap<>();

    public AllureResultsDirectory(Path directory) {
        this.directory = directory;
    }

    public Path path() {
        return directory;
    }

    /**
     * Deletes the results an earlier Touchstone run left here (ours, or Allure's listener's for
     * Touchstone's tests), with their attachments and the containers that only held them.
     *
     * @return how many results were removed
     */
    public synchronized int removePreviousRuns() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Set<String> removed = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (Path file : list("*-result.json")) {
            Map<String, Object> result = read(file);
            if (result != null && isTouchstone(result)) {
                removed.add(String.valueOf(result.get("uuid")));
                collectSources(result, sources);
                Files.deleteIfExists(file);
            }
        }
        for (Path file : list("*-container.json")) {
            Map<String, Object> container = read(file);
            if (container == null) {
                continue;
            }
            List<Object> children = items(container.get("children"));
            if (!children.isEmpty() && children.stream().allMatch(c -> removed.contains(String.valueOf(c)))) {
                collectSources(container, sources);
                Files.deleteIfExists(file);
            }
        }
        for (String source : sources) {
            Path attachment = directory.resolve(source).normalize();
            if (attachment.getParent() != null && attachment.getParent().equals(directory.normalize())) {
                Files.deleteIfExists(attachment);
            }
        }
        return removed.size();
    }

    /** Writes a result and its attachments; an attachment equal to one already written is shared. */
    public synchronized void write(AllureResult result) throws IOException {
        Files.createDirectories(directory);
        writeAttachments(result);
        AtomicFiles.write(directory.resolve(result.uuid() + "-result.json"), AllureJson.result(result, written::get));
    }

    private void writeAttachments(AllureResult result) throws IOException {
        for (Attachment attachment : result.attachments()) {
            if (!written.containsKey(attachment)) {
                String source = UUID.randomUUID() + "-attachment" + attachment.extension();
                AtomicFiles.write(directory.resolve(source), attachment.content().getBytes(StandardCharsets.UTF_8));
                written.put(attachment, source);
            }
        }
        for (AllureResult step : result.steps()) {
            writeAttachments(step);
        }
    }

    /** Forgets which attachments were written (after a check, so the run does not hold them all). */
    public synchronized void forgetAttachments() {
        written.clear();
    }

    /** Writes {@code categories.json}: other tools' categories kept, Touchstone's replaced. */
    public void writeCategories(List<Category> categories) throws IOException {
        Path file = directory.resolve("categories.json");
        List<Object> others = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try {
                for (Object c : items(Json.parse(file))) {
                    Map<String, Object> category = object(c);
                    if (category == null || !AllureCategories.isOurs(string(category.get("traceRegex")))) {
                        others.add(c);
                    }
                }
            } catch (JsonFormatException e) {
                others.clear(); // not JSON: ours replace it
            }
        }
        Files.createDirectories(directory);
        AtomicFiles.write(file, AllureJson.categories(others, categories));
    }

    /** Writes {@code environment.properties}: these keys set, other keys kept. */
    public void writeEnvironment(Map<String, String> environment) throws IOException {
        Path file = directory.resolve("environment.properties");
        Map<String, String> merged = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            Properties existing = new Properties();
            existing.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            existing.stringPropertyNames().forEach(k -> merged.put(k, existing.getProperty(k)));
        }
        merged.putAll(environment);
        Properties properties = new Properties();
        properties.putAll(merged);
        StringWriter text = new StringWriter();
        properties.store(text, null);
        StringBuilder out = new StringBuilder();
        for (String line : text.toString().split("\\R")) {
            if (!line.startsWith("#")) { // Properties.store's timestamp would change the file on every run
                out.append(line).append('\n');
            }
        }
        Files.createDirectories(directory);
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code executor.json}. */
    public void writeExecutor(CiExecutor executor) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve("executor.json"), AllureJson.executor(executor));
    }

    /**
     * Gives every Touchstone result here a chart of its metric over the runs of {@code history}
     * (one per key it carries), replacing the chart an earlier report added.
     *
     * @return how many charts were attached
     */
    public synchronized int attachTrends(MetricHistory history) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int attached = 0;
        for (Path file : list("*-result.json")) {
            Map<String, Object> result = read(file);
            if (result == null) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (Object l : items(result.get("labels"))) {
                Map<String, Object> label = object(l);
                if (label != null && AllureKeys.LABEL.equals(string(label.get("name"))) && string(label.get("value")) != null) {
                    keys.add(string(label.get("value")));
                }
            }
            if (keys.isEmpty()) {
                continue;
            }
            List<Object> attachments = new ArrayList<>(items(result.get("attachments")));
            attachments.removeIf(a -> object(a) != null && String.valueOf(object(a).get("source")).startsWith(TREND));
            for (String key : keys) {
                var chart = history.chart(key);
                var latest = history.latest(key);
                if (chart.isEmpty() || latest.isEmpty()) {
                    continue;
                }
                String source = TREND + AllureKeys.historyId(key) + ".svg";
                AtomicFiles.write(directory.resolve(source), chart.get().getBytes(StandardCharsets.UTF_8));
                Map<String, Object> attachment = new java.util.LinkedHashMap<>();
                attachment.put("name", keys.size() == 1 ? latest.get().metric() + " over runs"
                        : latest.get().metric() + " on " + latest.get().slice() + " over runs");
                attachment.put("source", source);
                attachment.put("type", "image/svg+xml");
                attachments.add(attachment);
                attached++;
            }
            result.put("attachments", attachments);
            AtomicFiles.write(file, AllureJson.tree(result));
        }
        return attached;
    }

    /** Whether a parsed result is one of Touchstone's: written by the engine, or by Allure's listener for its tests. */
    static boolean isTouchstone(Map<String, Object> result) {
        for (Object l : items(result.get("labels"))) {
            Map<String, Object> label = object(l);
            if (label == null) {
                continue;
            }
            String name = string(label.get("name"));
            String value = string(label.get("value"));
            if ("framework".equals(name) && "touchstone".equals(value) || AllureKeys.LABEL.equals(name)
                    || UNIQUE_ID_LABEL.equals(name) && value != null && value.startsWith(ENGINE_SEGMENT)) {
                return true;
            }
        }
        return false;
    }

    private static void collectSources(Map<String, Object> item, Set<String> sources) {
        for (Object a : items(item.get("attachments"))) {
            Map<String, Object> attachment = object(a);
            String source = attachment == null ? null : string(attachment.get("source"));
            if (source != null) {
                sources.add(source);
            }
        }
        for (String key : List.of("steps", "befores", "afters")) {
            for (Object s : items(item.get(key))) {
                Map<String, Object> step = object(s);
                if (step != null) {
                    collectSources(step, sources);
                }
            }
        }
    }

    // Lenient readers: another tool's file that is not what Allure expects is left alone, not an error.
    @SuppressWarnings("unchecked")
    static List<Object> items(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private List<Path> list(String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(files::add);
        }
        return files;
    }

    // A file that is not JSON (or not an object) is not ours to judge: it stays.
    private static Map<String, Object> read(Path file) {
        try {
            return object(Json.parse(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JsonFormatException e) {
            return null;
        }
    }
}
