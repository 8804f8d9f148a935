package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.text.Excerpt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Per-example outcomes of one model on one dataset, as a baseline keeps them for paired tests:
 * a CSV file sorted by id with the columns {@code id,label,predicted,score} (classification;
 * {@code score} empty when there is none) or {@code id,target,estimate} (regression). Sorted,
 * one example per line, shortest exact number text: diffs between baselines stay readable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordedOutcomes {

    public static final String CLASSIFICATION_HEADER = "id,label,predicted,score";
    public static final String REGRESSION_HEADER = "id,target,estimate";

    private final boolean regression;
    private final Map<String, Integer> index;
    private final String[] labels;
    private final String[] predicted;
    private final double[] scores;
    private final double[] targets;
    private final double[] estimates;

    private RecordedOutcomes(boolean regression, Map<String, Integer> index, String[] labels, String[] predicted,
            double[] scores, double[] targets, double[] estimates) {
        this.regression = regression;
        this.index = index;
        this.labels = labels;
        this.predicted = predicted;
        this.scores = scores;
        this.targets = targets;
        this.estimates = estimates;
    }

    /** One example to write. {@code score} NaN when absent; for regression pass target/estimate. */
    public record Row(String id, String label, String predicted, double score, double target, double estimate) {
    }

    public static void writeClassification(Path file, List<Row> rows) throws IOException {
        write(file, CLASSIFICATION_HEADER, rows, r -> csv(r.id()) + ',' + csv(r.label()) + ',' + csv(r.predicted()) + ','
                + (Double.isNaN(r.score()) ? "" : Double.toString(r.score())));
    }

    public static void writeRegression(Path file, List<Row> rows) throws IOException {
        write(file, REGRESSION_HEADER, rows, r -> csv(r.id()) + ',' + r.target() + ',' + r.estimate());
    }

    private static void write(Path file, String header, List<Row> rows, java.util.function.Function<Row, String> line)
            throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (Row row : sorted) {
                out.write(line.apply(row));
                out.write('\n');
            }
        }
    }

    // Ids and classes are plain text in practice; quote the rare one with a comma or quote.
    private static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads an outcomes file as written by {@link #writeClassification} or
     * {@link #writeRegression}: RFC 4180, so an id may hold commas, quotes and line breaks. A
     * problem names the file and line; the file's text is quoted only as a short escaped excerpt.
     */
    public static RecordedOutcomes read(Path file) {
        if (Files.isDirectory(file)) {
            throw new QualityConfigurationException("baseline outcomes " + file + " is a directory, not a file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(file, in);
            List<String> header = records.next();
            String headerText = header == null ? "" : String.join(",", header);
            boolean regression = REGRESSION_HEADER.equals(headerText);
            if (!regression && !CLASSIFICATION_HEADER.equals(headerText)) {
                throw new QualityConfigurationException(file + " line 1: expected the header '" + CLASSIFICATION_HEADER
                        + "' or '" + REGRESSION_HEADER + "' but found " + Excerpt.of(headerText));
            }
            Map<String, Integer> index = new HashMap<>();
            List<Integer> lines = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                int line = records.line();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (fields.size() != (regression ? 3 : 4)) {
                    throw new QualityConfigurationException(file + " line " + line + ": expected "
                            + (regression ? 3 : 4) + " fields but found " + fields.size());
                }
                Integer first = index.putIfAbsent(fields.get(0), rows.size());
                if (first != null) {
                    throw new QualityConfigurationException(file + ": the example id " + Excerpt.of(fields.get(0))
                            + " occurs on line " + lines.get(first) + " and on line " + line);
                }
                rows.add(fields.toArray(String[]::new));
                lines.add(line);
            }
            return build(file, regression, index, rows, lines);
        } catch (NoSuchFileException e) {
            throw new QualityConfigurationException("baseline outcomes " + file + " do not exist", e);
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot read baseline outcomes " + file + ": " + e, e);
        }
    }

    private static RecordedOutcomes build(Path file, boolean regression, Map<String, Integer> index, List<String[]> rows,
            List<Integer> lines) {
        int n = rows.size();
        String[] labels = new String[n];
        String[] predicted = new String[n];
        double[] scores = new double[n];
        double[] targets = new double[n];
        double[] estimates = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            if (regression) {
                targets[i] = number(f[1], file, lines.get(i), "target");
                estimates[i] = number(f[2], file, lines.get(i), "estimate");
            } else {
                labels[i] = f[1];
                predicted[i] = f[2];
                scores[i] = f[3].isEmpty() ? Double.NaN : number(f[3], file, lines.get(i), "score");
            }
        }
        return new RecordedOutcomes(regression, index, labels, predicted, scores, targets, estimates);
    }

    private static double number(String text, Path file, int line, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new QualityConfigurationException(file + " line " + line + ", column '" + column + "': "
                    + Excerpt.of(text) + " is not a number");
        }
    }

    public boolean isRegression() {
        return regression;
    }

    public int size() {
        return labels.length;
    }

    /** The position of example {@code id}, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String label(int i) {
        return labels[i];
    }

    public String predicted(int i) {
        return predicted[i];
    }

    public double score(int i) {
        return scores[i];
    }

    public double target(int i) {
        return targets[i];
    }

    public double estimate(int i) {
        return estimates[i];
    }
}
