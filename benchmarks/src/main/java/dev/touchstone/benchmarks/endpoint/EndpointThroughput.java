package dev.touchstone.benchmarks.endpoint;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.internal.Progress;
import dev.touchstone.model.EndpointOutcomes;
import dev.touchstone.model.Model;
import dev.touchstone.model.OpenInferenceModel;
import dev.touchstone.internal.json.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Touchstone's evaluation throughput against a live Open Inference Protocol v2 endpoint (see
 * {@link EndpointServer}): N rows generated in memory, evaluated by
 * {@code Model.openInference(url, "echo").input("text", "text").labelOutput("label").batchSize(B).concurrency(C)},
 * warm-up evaluations for at least {@code -Dwarmup.seconds} (default 10), then R timed ones, each
 * on a fresh model (a model memoises its run per table). Requests/s of a repetition =
 * {@link EndpointOutcomes#requests()} / {@link EndpointOutcomes#wallNanos()} (the client's run: all inference requests, from the first
 * sent to the last answer parsed). Also reported: the same over the whole {@code outcomes()} call
 * (adds the readiness and metadata requests, the building of the request bodies and a new HTTP
 * client with new connections), and the CPU time of the whole JVM per request.
 *
 * <pre>
 *   java -cp CP dev.touchstone.benchmarks.endpoint.EndpointThroughput URL [rows] [batch] [concurrency]
 *        [repetitions] [body-file] [--json file]
 * </pre>
 *
 * Writes {@code body-file}: the body of the first inference request of B rows, in the layout of
 * {@code OpenInferenceModel}'s requests, for {@code wrk}. Prints one line per repetition and, last, one
 * JSON line.
 */
public final class EndpointThroughput {

    private static final String[] WORDS = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "model",
        "quality", "endpoint", "latency", "batch", "server", "request", "label", "score", "river", "mountain", "city"};

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Path jsonOut = null;
        for (int i = 0; i < args.length; i++) {
            if ("--json".equals(args[i])) {
                jsonOut = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            System.err.println("usage: EndpointThroughput URL [rows] [batch] [concurrency] [repetitions] [body-file]"
                    + " [--json file]");
            System.exit(2);
        }
        String url = positional.get(0);
        int batch = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 32;
        int rows = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 4_000 * batch;
        int concurrency = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 8;
        int repetitions = positional.size() > 4 ? Integer.parseInt(positional.get(4)) : 5;
        Path bodyFile = positional.size() > 5 ? Path.of(positional.get(5)) : null;

        if (!Boolean.getBoolean("progress")) {
            Progress.redirect(line -> { }); // the progress lines are still built, not printed
        }
        List<String> texts = texts(rows, 42);
        DatasetBuilder builder = Dataset.builder("endpoint-bench").columns("text");
        for (String text : texts) {
            builder.row(text);
        }
        Dataset dataset = builder.build();
        if (bodyFile != null) {
            Files.writeString(bodyFile, body(texts.subList(0, Math.min(batch, rows))), StandardCharsets.UTF_8);
        }

        // warm-up: class loading, the first connections and above all the JIT, whose compiler
        // threads otherwise take CPU from client and server for several evaluations (2 vCPUs)
        // (-Dwarmup.seconds, default 10: evaluations are repeated until that much time has passed)
        double warmupSeconds = Double.parseDouble(System.getProperty("warmup.seconds", "10"));
        long warmupStart = System.nanoTime();
        int warmups = 0;
        do {
            Measure warm = measure(url, dataset, batch, concurrency);
            warmups++;
            System.out.printf(Locale.ROOT, "warm-up %d: %d requests in %.3f s (%.0f requests/s, client CPU %.0f us a request)%n",
                    warmups, warm.requests, warm.wallNanos / 1e9, warm.requestsPerSecond(), warm.cpuMicrosPerRequest());
        } while (System.nanoTime() - warmupStart < warmupSeconds * 1e9);

        double[] rps = new double[repetitions];
        double[] eps = new double[repetitions];
        double[] outerRps = new double[repetitions];
        double[] cpu = new double[repetitions];
        long requests = 0;
        long wall = 0;
        for (int r = 0; r < repetitions; r++) {
            Measure m = measure(url, dataset, batch, concurrency);
            rps[r] = m.requestsPerSecond();
            eps[r] = m.examplesPerSecond;
            outerRps[r] = m.requests / (m.outerNanos / 1e9);
            cpu[r] = m.cpuMicrosPerRequest();
            requests += m.requests;
            wall += m.wallNanos;
            System.out.printf(Locale.ROOT, "repetition %d: %d requests (%d examples, %d failed) in %.3f s: "
                            + "%.0f requests/s, %.0f examples/s; whole outcomes() call %.3f s: %.0f requests/s; "
                            + "client CPU %.0f us a request%n",
                    r + 1, m.requests, m.examples, m.failed, m.wallNanos / 1e9, rps[r], eps[r], m.outerNanos / 1e9,
                    outerRps[r], cpu[r]);
            if (m.failed > 0) {
                throw new IllegalStateException(m.failed + " examples failed: " + m.firstFailure);
            }
        }
        double medianRps = median(rps);
        String json = String.format(Locale.ROOT,
                "{\"tool\":\"touchstone\",\"url\":\"%s\",\"rows\":%d,\"batch\":%d,\"concurrency\":%d,"
                        + "\"repetitions\":%d,\"requests_per_second_median\":%.1f,\"requests_per_second_min\":%.1f,"
                        + "\"requests_per_second_max\":%.1f,\"requests_per_second_pooled\":%.1f,"
                        + "\"examples_per_second_median\":%.1f,\"outer_requests_per_second_median\":%.1f,"
                        + "\"client_cpu_us_per_request_median\":%.0f,\"warmups\":%d,\"requests_per_second_each\":%s}",
                url, rows, batch, concurrency, repetitions, medianRps, min(rps), max(rps), requests / (wall / 1e9),
                median(eps), median(outerRps), median(cpu), warmups, Arrays.toString(round(rps)));
        System.out.println(json);
        if (jsonOut != null) {
            Files.writeString(jsonOut, json + "\n", StandardCharsets.UTF_8);
        }
    }

    private record Measure(int requests, int examples, int failed, long wallNanos, long outerNanos,
            double examplesPerSecond, long cpuNanos, String firstFailure) {
        /** CPU time of the whole client JVM (all threads, JIT and GC included) per request. */
        double cpuMicrosPerRequest() {
            return requests == 0 ? 0 : cpuNanos / 1e3 / requests;
        }

        double requestsPerSecond() {
            return wallNanos <= 0 ? 0 : requests / (wallNanos / 1e9);
        }
    }

    private static Measure measure(String url, Dataset dataset, int batch, int concurrency) {
        OpenInferenceModel model = Model.openInference(url, "echo").input("text", "text").labelOutput("label")
                .batchSize(batch).concurrency(concurrency);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        EndpointOutcomes outcomes = model.outcomes(dataset, TouchstoneSettings.defaults());
        long outer = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        String first = Arrays.stream(outcomes.failures()).filter(f -> f != null).map(String::valueOf).findFirst()
                .orElse("");
        return new Measure(outcomes.requests(), outcomes.examples(), outcomes.failed(), outcomes.wallNanos(), outer,
                outcomes.examplesPerSecond(), cpu, first);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Rows of 4 to 9 words, seeded: short sentences like a text classifier's input. */
    static List<String> texts(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(rows);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            s.setLength(0);
            int words = 4 + random.nextInt(6);
            for (int w = 0; w < words; w++) {
                s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(s.toString());
        }
        return texts;
    }

    /**
     * The body the client sends for the first batch: the same layout as
     * {@code OpenInferenceModel}'s requests (id, one BYTES input of shape [rows], the label output).
     */
    static String body(List<String> batch) {
        StringBuilder json = new StringBuilder("{\"id\":\"touchstone-0\",\"inputs\":[{\"name\":\"text\",\"shape\":[")
                .append(batch.size()).append("],\"datatype\":\"BYTES\",\"data\":[");
        for (int i = 0; i < batch.size(); i++) {
            json.append(i == 0 ? "" : ",").append(Json.quote(batch.get(i)));
        }
        return json.append("]}],\"outputs\":[{\"name\":\"label\"}]}").toString();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private static long[] round(double[] xs) {
        return Arrays.stream(xs).mapToLong(Math::round).toArray();
    }
}
