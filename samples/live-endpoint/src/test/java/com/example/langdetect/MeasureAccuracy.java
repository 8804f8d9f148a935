package com.example.langdetect;

import com.example.langdetect.Sentences.Sentence;
import com.example.langdetect.server.InferenceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the served model's accuracy on sentences.csv end to end (over the Open Inference
 * Protocol, 16 texts a request), overall, per language and per length, with 95% Wilson
 * intervals: the evidence behind the thresholds in the quality specs. Run it with
 * {@code ./mvnw -f samples/live-endpoint/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.example.langdetect.MeasureAccuracy}.
 */
public final class MeasureAccuracy {

    private static final Pattern LABELS = Pattern.compile("\"name\":\"label\",\"shape\":\\[\\d+],\"datatype\":\"BYTES\",\"data\":\\[([^\\]]*)]");

    private MeasureAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        List<Sentence> sentences = Sentences.read();
        List<String> predicted = new ArrayList<>();
        List<Long> micros = new ArrayList<>();
        try (InferenceServer server = InferenceServer.start()) {
            HttpClient client = HttpClient.newHttpClient();
            for (int from = 0; from < sentences.size(); from += 16) {
                List<Sentence> batch = sentences.subList(from, Math.min(from + 16, sentences.size()));
                StringBuilder data = new StringBuilder();
                for (Sentence s : batch) {
                    data.append(data.length() == 0 ? "" : ",").append('"')
                            .append(s.text().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                String body = "{\"inputs\":[{\"name\":\"text\",\"shape\":[" + batch.size()
                        + "],\"datatype\":\"BYTES\",\"data\":[" + data + "]}]}";
                long started = System.nanoTime();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + "/v2/models/langdetect/infer"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                micros.add((System.nanoTime() - started) / 1000);
                Matcher m = LABELS.matcher(response.body());
                if (response.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                for (String label : m.group(1).split(",")) {
                    predicted.add(label.replace("\"", ""));
                }
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("latency of %d requests of up to 16 texts, one at a time: p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                        + " (the first request includes the JIT warm-up)%n", sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
        report("overall", sentences, predicted, s -> true);
        for (String length : List.of("short", "long")) {
            report("length=" + length, sentences, predicted, s -> s.length().equals(length));
        }
        for (String language : new TreeMap<>(count(sentences)).keySet()) {
            report("language=" + language, sentences, predicted, s -> s.language().equals(language));
            report("  " + language + " short", sentences, predicted,
                    s -> s.language().equals(language) && s.length().equals("short"));
            report("  " + language + " long", sentences, predicted,
                    s -> s.language().equals(language) && s.length().equals("long"));
        }
        System.out.println();
        System.out.println("mistakes:");
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (!s.language().equals(predicted.get(i))) {
                System.out.printf("  %s %-5s -> %s  %s%n", s.id(), s.length(), predicted.get(i), s.text());
            }
        }
    }

    private static Map<String, Integer> count(List<Sentence> sentences) {
        Map<String, Integer> counts = new TreeMap<>();
        sentences.forEach(s -> counts.merge(s.language(), 1, Integer::sum));
        return counts;
    }

    private static void report(String name, List<Sentence> sentences, List<String> predicted, Predicate<Sentence> in) {
        int n = 0;
        int correct = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (in.test(sentences.get(i))) {
                n++;
                if (sentences.get(i).language().equals(predicted.get(i))) {
                    correct++;
                }
            }
        }
        double p = (double) correct / n;
        double z = 1.959964;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        System.out.printf("%-16s %3d/%3d  accuracy %.3f  95%% Wilson [%.3f, %.3f]%n",
                name, correct, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
