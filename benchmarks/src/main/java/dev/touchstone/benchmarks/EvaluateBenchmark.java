package dev.touchstone.benchmarks;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Touchstone side of the benchmark: on the CSV written by {@link GenerateData}, evaluates
 * accuracy, precision, recall, F1 and ROC AUC with their default 95% intervals (Wilson, Wilson,
 * Wilson, bootstrap of the confusion cells with 10,000 resamples, DeLong) on every slice:
 * overall, each camera, each weather. Uses the public DSL exactly as a quality spec would.
 *
 * <p>Prints the table, a timing breakdown (load, evaluation per metric, total, JVM uptime), the
 * heap peak and, as its last line, one JSON object with every figure ({@code --json FILE} also
 * writes it to a file).
 *
 * <p>Usage: {@code EvaluateBenchmark <data.csv> [--json out.json]}
 */
public final class EvaluateBenchmark {

    static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "roc_auc");
    static final List<String> SLICE_COLUMNS = List.of("camera", "weather");

    private EvaluateBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--json"))) {
            System.err.println("usage: EvaluateBenchmark <data.csv> [--json out.json]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        Path jsonOut = args.length == 3 ? Path.of(args[2]) : null;

        long start = System.nanoTime();
        long startCpu = processCpuNanos();
        ProcStat startStat = ProcStat.read();
        Dataset data = Dataset.fromCsv(csv)
                .withLabel("label")
                .withPrediction("predicted")
                .withScore("score")
                .withPositiveClass("1");
        int rows = data.size();                       // reads the file
        long loaded = System.nanoTime();
        long loadedCpu = processCpuNanos();
        ProcStat loadedStat = ProcStat.read();

        Model model = Model.logged("bench", data);
        List<MetricValue> results = new ArrayList<>();
        Map<String, Long> nanosPerMetric = new LinkedHashMap<>();
        for (String metric : METRICS) {
            long metricStart = System.nanoTime();
            results.add(overall(model, metric));
            for (String column : SLICE_COLUMNS) {
                results.addAll(eachSliceOf(model, column, metric).values());
            }
            nanosPerMetric.put(metric, System.nanoTime() - metricStart);
        }
        long evaluated = System.nanoTime();
        long evaluatedCpu = processCpuNanos();
        ProcStat evaluatedStat = ProcStat.read();
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;

        Heap heap = Heap.measure();
        GcTotals gc = GcTotals.measure();
        long liveBytes = liveHeapBytes();              // after the timings: forces a full GC
        Reference.reachabilityFence(model);
        Reference.reachabilityFence(data);

        double loadS = (loaded - start) / 1e9;
        double evalS = (evaluated - loaded) / 1e9;
        double totalS = (evaluated - start) / 1e9;
        double loadCpuS = (loadedCpu - startCpu) / 1e9;
        double evalCpuS = (evaluatedCpu - loadedCpu) / 1e9;

        printTable(results);
        System.out.println();
        System.out.printf(Locale.ROOT, "Touchstone, Java %s (%s), %d cores; %,d rows, %d metric values%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), rows, results.size());
        StringBuilder perMetric = new StringBuilder();
        nanosPerMetric.forEach((metric, nanos) -> perMetric.append(String.format(Locale.ROOT,
                "%s %.2f s; ", metric, nanos / 1e9)));
        System.out.printf(Locale.ROOT, "load (read CSV) %.2f s | evaluation %.2f s (%s) | load+evaluation %.2f s"
                + " | JVM uptime %.2f s%n", loadS, evalS, perMetric.toString().replaceAll("; $", ""), totalS, uptime);
        System.out.printf(Locale.ROOT, "CPU time of the process (every thread): load %.2f s | evaluation %.2f s%n",
                loadCpuS, evalCpuS);
        ProcStat loadStat = loadedStat.minus(startStat);
        ProcStat evalStat = evaluatedStat.minus(loadedStat);
        if (startStat.known()) {
            System.out.printf(Locale.ROOT, "user / system CPU and minor page faults (fresh memory): load %.2f s / %.2f s,"
                    + " %,d faults | evaluation %.2f s / %.2f s, %,d faults%n", loadStat.userS(), loadStat.systemS(),
                    loadStat.minorFaults(), evalStat.userS(), evalStat.systemS(), evalStat.minorFaults());
        }
        System.out.printf(Locale.ROOT, "heap peak %.0f MB (sum of the pools' peaks; max heap %.0f MB) | live heap"
                + " with the data loaded %.0f MB | GC: %d collections, %.2f s%n",
                heap.peakBytes / MB, heap.maxBytes / MB, liveBytes / MB, gc.count, gc.millis / 1e3);

        String json = json(rows, new double[] {loadS, evalS, totalS, uptime, loadCpuS, evalCpuS}, nanosPerMetric,
                heap, liveBytes, gc, results, csv, startStat.known() ? new ProcStat[] {loadStat, evalStat} : null);
        if (jsonOut != null) {
            Files.writeString(jsonOut, json + "\n", StandardCharsets.UTF_8);
        }
        System.out.println(json);
    }

    static final double MB = 1024.0 * 1024.0;

    private static String procJson(String phase, ProcStat stat) {
        return ", \"" + phase + "_user_s\": " + num(stat.userS()) + ", \"" + phase + "_sys_s\": " + num(stat.systemS())
                + ", \"" + phase + "_minor_faults\": " + stat.minorFaults();
    }

    /**
     * User and system CPU time and minor page faults of the process so far, from Linux's
     * {@code /proc/self/stat} (not known elsewhere). On a virtual machine the first touch of fresh
     * memory can cost microseconds per 4 KB page of system time, so a phase's faults show how much
     * of its CPU time is memory the heap had not used before rather than work.
     */
    record ProcStat(long minorFaults, long userTicks, long systemTicks, boolean known) {
        private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

        static ProcStat read() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, minflt 10, utime 14, stime 15 (1-based)
                return new ProcStat(Long.parseLong(f[7]), Long.parseLong(f[11]), Long.parseLong(f[12]), true);
            } catch (IOException | RuntimeException e) {
                return new ProcStat(0, 0, 0, false);
            }
        }

        ProcStat minus(ProcStat before) {
            return new ProcStat(minorFaults - before.minorFaults, userTicks - before.userTicks,
                    systemTicks - before.systemTicks, known && before.known);
        }

        double userS() {
            return userTicks / TICKS_PER_SECOND;
        }

        double systemS() {
            return systemTicks / TICKS_PER_SECOND;
        }
    }

    /** CPU time of every thread of the process so far: phases that use both cores show it. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static MetricValue overall(Model model, String metric) {
        var statement = assertThat(model).overall();
        return switch (metric) {
            case "accuracy" -> statement.accuracy().actual();
            case "precision" -> statement.precision().actual();
            case "recall" -> statement.recall().actual();
            case "f1" -> statement.f1().actual();
            case "roc_auc" -> statement.rocAuc().actual();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    static Map<String, MetricValue> eachSliceOf(Model model, String column, String metric) {
        var statement = assertThat(model).onEachSliceOf(column);
        return switch (metric) {
            case "accuracy" -> statement.accuracy().actuals();
            case "precision" -> statement.precision().actuals();
            case "recall" -> statement.recall().actuals();
            case "f1" -> statement.f1().actuals();
            case "roc_auc" -> statement.rocAuc().actuals();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    /** Rows ordered as the Python baseline prints them: by slice (overall first), then metric. */
    static void printTable(List<MetricValue> results) {
        Map<String, Map<String, MetricValue>> bySlice = new java.util.TreeMap<>((a, b) -> {
            if (a.equals(b)) {
                return 0;
            }
            if (a.equals("overall")) {
                return -1;
            }
            return b.equals("overall") ? 1 : a.compareTo(b);
        });
        for (MetricValue value : results) {
            bySlice.computeIfAbsent(value.slice(), s -> new LinkedHashMap<>()).put(value.metric(), value);
        }
        System.out.printf(Locale.ROOT, "%-16s %-10s %10s %9s %9s %9s  %s%n",
                "slice", "metric", "n", "value", "low", "high", "method");
        bySlice.forEach((slice, metrics) -> {
            for (String metric : METRICS) {
                MetricValue v = metrics.get(metric);
                if (v == null) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "%-16s %-10s %10d %9s %9s %9s  %s%s%n",
                        slice, metric, v.n(), fmt(v.value()), fmt(v.interval().low()),
                        fmt(v.interval().high()), v.interval().method(),
                        v.isDefined() ? "" : "  (undefined: " + v.undefinedReason().orElse("") + ")");
            }
        });
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "nan" : String.format(Locale.ROOT, "%.6f", x);
    }

    record Heap(long peakBytes, long maxBytes) {
        /** Sum over the heap pools of each pool's peak: an upper bound of the peak heap in use. */
        static Heap measure() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return new Heap(peak, Runtime.getRuntime().maxMemory());
        }
    }

    record GcTotals(long count, long millis) {
        static GcTotals measure() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new GcTotals(count, millis);
        }
    }

    /** Heap in use after a full collection, with everything the benchmark holds still reachable. */
    static long liveHeapBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code seconds}: load, evaluation, both, JVM uptime, then the CPU times of load and evaluation. */
    static String json(int rows, double[] seconds, Map<String, Long> nanosPerMetric, Heap heap, long liveBytes, GcTotals gc,
            List<MetricValue> results, Path csv, ProcStat[] phases) {
        StringBuilder s = new StringBuilder(16_384);
        s.append("{\"tool\": \"touchstone\", \"csv\": ").append(quote(csv.toString()))
                .append(", \"rows\": ").append(rows)
                .append(", \"load_s\": ").append(num(seconds[0]))
                .append(", \"eval_s\": ").append(num(seconds[1]))
                .append(", \"total_s\": ").append(num(seconds[2]))
                .append(", \"process_s\": ").append(num(seconds[3]))
                .append(", \"load_cpu_s\": ").append(num(seconds[4]))
                .append(", \"eval_cpu_s\": ").append(num(seconds[5]))
                .append(phases == null ? "" : procJson("load", phases[0]) + procJson("eval", phases[1]))
                .append(", \"eval_s_per_metric\": {");
        String sep = "";
        for (Map.Entry<String, Long> e : nanosPerMetric.entrySet()) {
            s.append(sep).append(quote(e.getKey())).append(": ").append(num(e.getValue() / 1e9));
            sep = ", ";
        }
        s.append("}, \"heap_peak_mb\": ").append(num(heap.peakBytes / MB))
                .append(", \"heap_max_mb\": ").append(num(heap.maxBytes / MB))
                .append(", \"live_heap_mb\": ").append(num(liveBytes / MB))
                .append(", \"gc_count\": ").append(gc.count)
                .append(", \"gc_s\": ").append(num(gc.millis / 1e3))
                .append(", \"java\": ").append(quote(System.getProperty("java.version")))
                .append(", \"results\": [");
        sep = "";
        for (MetricValue v : results) {
            s.append(sep).append("{\"slice\": ").append(quote(v.slice()))
                    .append(", \"metric\": ").append(quote(v.metric()))
                    .append(", \"value\": ").append(num(v.value()))
                    .append(", \"n\": ").append(v.n())
                    .append(", \"low\": ").append(num(v.interval().low()))
                    .append(", \"high\": ").append(num(v.interval().high()))
                    .append(", \"level\": ").append(num(v.interval().level()))
                    .append(", \"method\": ").append(quote(v.interval().method()))
                    .append(", \"defined\": ").append(v.isDefined())
                    .append('}');
            sep = ", ";
        }
        return s.append("]}").toString();
    }

    static String num(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
