package dev.touchstone.benchmarks;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Shows that F1's bootstrap interval (10,000 resamples of the confusion cells) costs the same on
 * a small and on a large file.
 *
 * <p>Loads every file and evaluates {@code assertThat(model).overall().f1().actual()} once on
 * each (this first call also builds the model's outcomes and counts the confusion matrix: one
 * pass over the rows, reported separately); warms up on every file; then times the same
 * statement on each file in turn, several times, and reports the median per file. Touchstone memoises an evaluated metric per model, slice, seed and number
 * of resamples, and the confusion counts per model and slice; each timed repetition therefore
 * sets a new {@code touchstone.seed} (the documented configuration key, read from system
 * properties outside the engine), so that it recomputes exactly the F1 estimate and its
 * bootstrap replicates from the cached counts, and nothing else. That is the interval's cost.
 *
 * <p>Usage: {@code BootstrapScaling <small.csv> <large.csv> [--repetitions 51] [--json out.json]}
 */
public final class BootstrapScaling {

    static final String SEED_KEY = "touchstone.seed";
    static final String RESAMPLES_KEY = "touchstone.bootstrap.resamples";
    static final int WARMUP = 200;

    private BootstrapScaling() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        int repetitions = 51;
        Path jsonOut = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--json" -> jsonOut = Path.of(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || repetitions < 1) {
            System.err.println("usage: BootstrapScaling <small.csv> <large.csv> [--repetitions 51] [--json out.json]");
            System.exit(2);
        }
        String originalSeed = System.getProperty(SEED_KEY);
        int resamples = Integer.parseInt(System.getProperty(RESAMPLES_KEY, "10000"));

        // load every file and make the first call (outcomes, slice rows, confusion counts: one
        // pass over the rows) before timing anything
        List<Model> models = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<MetricValue> firsts = new ArrayList<>();
        List<Double> firstMs = new ArrayList<>();
        for (Path file : files) {
            Dataset data = Dataset.fromCsv(file)
                    .withLabel("label")
                    .withPrediction("predicted")
                    .withScore("score")
                    .withPositiveClass("1");
            sizes.add(data.size());
            Model model = Model.logged("bench", data);
            models.add(model);
            long t0 = System.nanoTime();
            firsts.add(assertThat(model).overall().f1().actual());
            firstMs.add((System.nanoTime() - t0) / 1e6);
        }

        // warm-up on every size, then interleave the sizes so that any drift of the machine
        // (other processes, JIT, GC) affects them alike
        long seed = 1_000;
        for (int i = 0; i < WARMUP; i++) {
            for (Model model : models) {
                System.setProperty(SEED_KEY, Long.toString(seed++));
                assertThat(model).overall().f1().actual();
            }
        }
        long[][] nanos = new long[models.size()][repetitions];
        for (int i = 0; i < repetitions; i++) {
            for (int f = 0; f < models.size(); f++) {
                System.setProperty(SEED_KEY, Long.toString(seed++));
                long start = System.nanoTime();
                MetricValue value = assertThat(models.get(f)).overall().f1().actual();
                nanos[f][i] = System.nanoTime() - start;
                if (value.n() != sizes.get(f)) {
                    throw new IllegalStateException("F1 was computed on " + value.n() + " rows, expected " + sizes.get(f));
                }
            }
        }
        restore(originalSeed);

        List<Result> results = new ArrayList<>();
        for (int f = 0; f < models.size(); f++) {
            // the same statement again with the original seed: served from the memo
            long[] memoNanos = new long[11];
            for (int i = 0; i < memoNanos.length; i++) {
                long t1 = System.nanoTime();
                assertThat(models.get(f)).overall().f1().actual();
                memoNanos[i] = System.nanoTime() - t1;
            }
            double memoMs = stats(memoNanos).median;
            Stats stats = stats(nanos[f]);
            MetricValue first = firsts.get(f);
            Result r = new Result(sizes.get(f), repetitions, stats, firstMs.get(f), memoMs, first);
            results.add(r);
            System.out.printf(Locale.ROOT, "%,11d rows: F1 bootstrap interval (%,d resamples) median %7.2f ms"
                    + " (min %.2f, max %.2f, %d repetitions) | first call incl. one pass over the rows %.1f ms"
                    + " | repeated call (memoised, median) %.3f ms | F1 %.6f [%.6f, %.6f] %s%n",
                    r.rows, resamples, stats.median, stats.min, stats.max, repetitions, r.firstMs, memoMs,
                    first.value(), first.interval().low(), first.interval().high(), first.interval().method());
        }
        if (results.size() >= 2) {
            Result small = results.get(0);
            Result large = results.get(results.size() - 1);
            System.out.printf(Locale.ROOT, "ratio of medians, %,d rows / %,d rows: %.2f%n",
                    large.rows, small.rows, large.stats.median / small.stats.median);
        }
        String json = json(results, resamples);
        if (jsonOut != null) {
            Files.writeString(jsonOut, json + "\n", StandardCharsets.UTF_8);
        }
        System.out.println(json);
    }

    private static void restore(String originalSeed) {
        if (originalSeed == null) {
            System.clearProperty(SEED_KEY);
        } else {
            System.setProperty(SEED_KEY, originalSeed);
        }
    }

    record Stats(double median, double min, double max) {
    }

    static Stats stats(long[] nanos) {
        double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        int n = ms.length;
        double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
        return new Stats(median, ms[0], ms[n - 1]);
    }

    record Result(int rows, int repetitions, Stats stats, double firstMs, double memoMs, MetricValue first) {
    }

    static String json(List<Result> results, int resamples) {
        StringBuilder s = new StringBuilder("{\"tool\": \"touchstone-bootstrap-scaling\", \"resamples\": ")
                .append(resamples).append(", \"sizes\": [");
        String sep = "";
        for (Result r : results) {
            s.append(sep).append(String.format(Locale.ROOT,
                    "{\"rows\": %d, \"repetitions\": %d, \"median_ms\": %.4f, \"min_ms\": %.4f, \"max_ms\": %.4f,"
                            + " \"first_call_ms\": %.4f, \"memoised_ms\": %.4f,"
                            + " \"f1\": %s, \"low\": %s, \"high\": %s, \"method\": %s}",
                    r.rows, r.repetitions, r.stats.median, r.stats.min, r.stats.max, r.firstMs, r.memoMs,
                    EvaluateBenchmark.num(r.first.value()), EvaluateBenchmark.num(r.first.interval().low()),
                    EvaluateBenchmark.num(r.first.interval().high()),
                    EvaluateBenchmark.quote(r.first.interval().method())));
            sep = ", ";
        }
        return s.append("]}").toString();
    }
}
