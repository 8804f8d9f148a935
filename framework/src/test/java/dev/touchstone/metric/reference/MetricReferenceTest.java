package dev.touchstone.metric.reference;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.assertion.AbstractMetricAssert;
import dev.touchstone.assertion.ClassMetricAssert;
import dev.touchstone.assertion.SliceAssert;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares every metric Touchstone computes with independent reference values from
 * scikit-learn 1.2, statsmodels (Wilson intervals) and R's pROC (DeLong intervals).
 *
 * <p>The data and {@code expected.csv} live in {@code src/test/resources/reference/metrics/} and
 * are produced by {@code generate_metric_reference.py} beside them (see its header for how to
 * rerun it). Each row of {@code expected.csv} is one test: the value must match to 1e-9
 * (relative for values above 1), a {@code nan} value means scikit-learn raises and Touchstone
 * must report the metric as undefined, and when an interval is given its bounds, level and
 * method must match too. Rows listed in {@code sklearn_conventions.csv} hold scikit-learn's
 * conventional value for an ill-defined quantity (e.g. precision 0.0 of a class never
 * predicted): there the value must still match, but Touchstone may flag it as undefined.
 */
class MetricReferenceTest {

    private static final String DIR = "/reference/metrics/";
    private static final double TOLERANCE = 1e-9;

    /** How each reference data set is declared, exactly as a user would. */
    private static final Map<String, Function<Path, Dataset>> DECLARATIONS = Map.of(
            "binary_ties", p -> Dataset.fromCsv(p).withLabel("label").withPrediction("predicted")
                    .withScore("score").withPositiveClass("person"),
            "binary01", p -> Dataset.fromCsv(p).withLabel("label").withPrediction("predicted")
                    .withScore("score").withPositiveClass("1"),
            "multiclass", p -> Dataset.fromCsv(p).withLabel("label").withPrediction("predicted"),
            "regression", p -> Dataset.fromCsv(p).withLabel("target").withPrediction("predicted"));

    private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

    private static final List<Expected> ROWS = readExpected();
    private static final Set<String> SKLEARN_CONVENTIONS = readConventions();

    /** One row of expected.csv. */
    record Expected(String dataset, String slice, String metric, double value, Double level, double low,
            double high, String method) {

        boolean hasInterval() {
            return level != null;
        }

        String key() {
            return dataset + "|" + slice + "|" + metric;
        }

        @Override
        public String toString() {
            String text = dataset + " | " + slice + " | " + metric + " = " + fmt(value);
            if (hasInterval()) {
                text += String.format(Locale.ROOT, " | %s %.2f [%s, %s]", method, level, fmt(low), fmt(high));
            }
            return text;
        }
    }

    static Stream<Expected> referenceRows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRows")
    void matchesReference(Expected row) {
        Model model = model(row.dataset());
        SliceAssert slice = "overall".equals(row.slice())
                ? assertThat(model).overall()
                : assertThat(model).onSlice(row.slice());
        MetricValue actual = evaluate(slice, row).actual();

        SoftAssertions softly = new SoftAssertions();
        check(softly, "onSlice(\"" + row.slice() + "\")", row, actual);
        if (!"overall".equals(row.slice())) {
            // the same slice reached through onEachSliceOf must give the same answer
            Map<String, MetricValue> each = evaluate(assertThat(model).onEachSliceOf("group"), row).actuals();
            softly.assertThat(each).as("onEachSliceOf(\"group\") slices").containsKey(row.slice());
            if (each.containsKey(row.slice())) {
                check(softly, "onEachSliceOf(\"group\")", row, each.get(row.slice()));
            }
        }
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, String path, Expected row, MetricValue actual) {
        String where = row.dataset() + " " + path + " " + row.metric()
                + (row.hasInterval() ? String.format(Locale.ROOT, " @%.2f", row.level()) : "") + ": ";
        softly.assertThat(actual.metric()).as(where + "metric name").isEqualTo(row.metric());
        softly.assertThat(actual.slice()).as(where + "slice name").isEqualTo(row.slice());
        softly.assertThat(actual.n()).as(where + "n (rows in the slice)").isEqualTo(sliceSize(row));
        if (Double.isNaN(row.value())) {
            softly.assertThat(actual.isDefined())
                    .as(where + "isDefined() (scikit-learn raises here), value " + actual.value())
                    .isFalse();
        } else {
            if (!SKLEARN_CONVENTIONS.contains(row.key())) {
                softly.assertThat(actual.isDefined())
                        .as(where + "isDefined() (plain arithmetic in scikit-learn, not a convention), undefinedReason "
                                + actual.undefinedReason().orElse(""))
                        .isTrue();
            }
            softly.assertThat(actual.value()).as(where + "value").isCloseTo(row.value(), tolerance(row.value()));
        }
        if (row.hasInterval()) {
            softly.assertThat(actual.interval().level()).as(where + "interval level").isEqualTo(row.level());
            softly.assertThat(actual.interval().method()).as(where + "interval method").isEqualTo(row.method());
            softly.assertThat(actual.interval().low()).as(where + "interval low").isCloseTo(row.low(),
                    tolerance(row.low()));
            softly.assertThat(actual.interval().high()).as(where + "interval high").isCloseTo(row.high(),
                    tolerance(row.high()));
        }
    }

    // -----------------------------------------------------------------------------------------
    // focused tests
    // -----------------------------------------------------------------------------------------

    @Test
    void referenceFileCoversEveryDataset() {
        Assertions.assertThat(ROWS).hasSizeGreaterThan(500);
        Assertions.assertThat(ROWS.stream().map(Expected::dataset).distinct())
                .containsExactlyInAnyOrderElementsOf(DECLARATIONS.keySet());
        Assertions.assertThat(ROWS).filteredOn(r -> "delong+newcombe".equals(r.method())).isNotEmpty();
        Assertions.assertThat(ROWS).filteredOn(r -> "wilson".equals(r.method())).isNotEmpty();
        Assertions.assertThat(ROWS).filteredOn(r -> Double.isNaN(r.value())).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}() on multi-class data without a positive class needs macro()/micro()/...")
    @ValueSource(strings = {"precision", "recall", "f1", "fBeta", "specificity"})
    void perClassMetricOnMulticlassRequiresAnAveragingChoice(String metric) {
        SliceAssert overall = assertThat(model("multiclass")).overall();
        ClassMetricAssert unaveraged = switch (metric) {
            case "precision" -> overall.precision();
            case "recall" -> overall.recall();
            case "f1" -> overall.f1();
            case "fBeta" -> overall.fBeta(2.0);
            case "specificity" -> overall.specificity();
            default -> throw new IllegalArgumentException(metric);
        };
        assertThatThrownBy(unaveraged::actual).hasMessageContaining("macro()");
    }

    @Test
    void classNeverPredictedStillCountsInMacroAverage() {
        Model multiclass = model("multiclass");
        List<String> classes = List.of("bird", "cat", "cow", "dog", "fish"); // union of labels and predictions
        double sum = 0;
        for (String c : classes) {
            sum += assertThat(multiclass).overall().precision().forClass(c).actual().value();
        }
        MetricValue fish = assertThat(multiclass).overall().precision().forClass("fish").actual();
        Assertions.assertThat(fish.value()).as("precision of the never-predicted class fish").isEqualTo(0.0);

        MetricValue macro = assertThat(multiclass).overall().precision().macro().actual();
        Assertions.assertThat(macro.value()).as("precision(macro) = mean over all 5 classes, fish included")
                .isCloseTo(sum / classes.size(), within(1e-12))
                .isCloseTo(expected("multiclass", "overall", "precision(macro)"), within(TOLERANCE));

        // cow is predicted but never a label: it is in recall(macro) (0 recall), but not in
        // balanced accuracy, which scikit-learn averages over the classes present in y_true
        double recallMacro = assertThat(multiclass).overall().recall().macro().actual().value();
        double balanced = assertThat(multiclass).overall().balancedAccuracy().actual().value();
        Assertions.assertThat(recallMacro).isCloseTo(expected("multiclass", "overall", "recall(macro)"), within(TOLERANCE));
        Assertions.assertThat(balanced).isCloseTo(expected("multiclass", "overall", "balanced_accuracy"), within(TOLERANCE));
        Assertions.assertThat(recallMacro).isCloseTo(balanced * 4 / 5, within(1e-12));
    }

    @Test
    void onEachSliceOfReturnsSlicesInAStableOrder() {
        Map<String, List<String>> expectedOrder = Map.of(
                "binary_ties", List.of("group=front", "group=rear", "group=roof", "group=side"),
                "binary01", List.of("group=alpha", "group=beta", "group=delta", "group=gamma"),
                "multiclass", List.of("group=east", "group=north", "group=south", "group=west"),
                "regression", List.of("group=a", "group=b", "group=c", "group=d"));
        for (Map.Entry<String, List<String>> e : expectedOrder.entrySet()) {
            Model shared = model(e.getKey());
            Model fresh = Model.logged("fresh-" + e.getKey(), DECLARATIONS.get(e.getKey()).apply(path(e.getKey() + ".csv")));
            List<String> first = List.copyOf(assertThat(shared).onEachSliceOf("group").size().actuals().keySet());
            List<String> again = List.copyOf(assertThat(shared).onEachSliceOf("group").size().actuals().keySet());
            List<String> other = List.copyOf(assertThat(fresh).onEachSliceOf("group").size().actuals().keySet());
            Assertions.assertThat(first).as(e.getKey() + ": natural order of the group values, small groups included")
                    .containsExactlyElementsOf(e.getValue());
            Assertions.assertThat(again).as(e.getKey() + ": second call").containsExactlyElementsOf(first);
            Assertions.assertThat(other).as(e.getKey() + ": freshly loaded dataset").containsExactlyElementsOf(first);
        }
    }

    @Test
    void defaultConfidenceLevelIs95PercentWithTheDocumentedMethods() {
        Model ties = model("binary_ties");
        MetricValue recall = assertThat(ties).overall().recall().actual();
        Expected wilson = row("binary_ties", "overall", "recall", 0.95);
        Assertions.assertThat(recall.interval().level()).isEqualTo(0.95);
        Assertions.assertThat(recall.interval().method()).isEqualTo("wilson");
        Assertions.assertThat(recall.interval().low()).isCloseTo(wilson.low(), within(TOLERANCE));
        Assertions.assertThat(recall.interval().high()).isCloseTo(wilson.high(), within(TOLERANCE));

        MetricValue auc = assertThat(ties).overall().rocAuc().actual();
        Expected delong = row("binary_ties", "overall", "roc_auc", 0.95);
        Assertions.assertThat(auc.interval().method()).isEqualTo("delong+newcombe");
        Assertions.assertThat(auc.interval().low()).isCloseTo(delong.low(), within(TOLERANCE));
        Assertions.assertThat(auc.interval().high()).isCloseTo(delong.high(), within(TOLERANCE));
    }

    // -----------------------------------------------------------------------------------------
    // mapping from Touchstone's metric names (ARCHITECTURE.md section 4) to the DSL
    // -----------------------------------------------------------------------------------------

    /**
     * {@code base} optionally followed by {@code (macro)} or {@code (class=dog)}; F-beta folds the
     * averaging into its parentheses: {@code fbeta(2.0)}, {@code fbeta(2.0, macro)}.
     */
    private static final Pattern METRIC = Pattern.compile("(?:fbeta\\(([0-9.]+)(?:, (.+))?\\))|([a-z0-9_]+)(?:\\((.+)\\))?");

    private static AbstractMetricAssert<?> evaluate(SliceAssert slice, Expected row) {
        AbstractMetricAssert<?> metric = select(slice, row.metric());
        return row.hasInterval() ? metric.withConfidence(row.level()) : metric;
    }

    private static AbstractMetricAssert<?> select(SliceAssert s, String name) {
        Matcher m = METRIC.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown metric name in expected.csv: " + name);
        }
        if (m.group(1) != null) {
            return averaged(s.fBeta(Double.parseDouble(m.group(1))), m.group(2));
        }
        String base = m.group(3);
        String averaging = m.group(4);
        if (averaging != null && !Set.of("precision", "recall", "f1", "specificity").contains(base)) {
            throw new IllegalArgumentException("metric " + base + " takes no averaging: " + name);
        }
        return switch (base) {
            case "precision" -> averaged(s.precision(), averaging);
            case "recall" -> averaged(s.recall(), averaging);
            case "f1" -> averaged(s.f1(), averaging);
            case "specificity" -> averaged(s.specificity(), averaging);
            case "accuracy" -> s.accuracy();
            case "balanced_accuracy" -> s.balancedAccuracy();
            case "mcc" -> s.mcc();
            case "cohen_kappa" -> s.cohenKappa();
            case "roc_auc" -> s.rocAuc();
            case "average_precision" -> s.averagePrecision();
            case "log_loss" -> s.logLoss();
            case "brier_score" -> s.brierScore();
            case "mae" -> s.mae();
            case "mse" -> s.mse();
            case "rmse" -> s.rmse();
            case "r2" -> s.r2();
            case "mape" -> s.mape();
            case "size" -> s.size();
            default -> throw new IllegalArgumentException("unknown metric name in expected.csv: " + name);
        };
    }

    private static AbstractMetricAssert<?> averaged(ClassMetricAssert metric, String averaging) {
        if (averaging == null) {
            return metric;
        }
        return switch (averaging) {
            case "macro" -> metric.macro();
            case "micro" -> metric.micro();
            case "weighted" -> metric.weighted();
            default -> {
                if (!averaging.startsWith("class=")) {
                    throw new IllegalArgumentException("unknown averaging in expected.csv: " + averaging);
                }
                yield metric.forClass(averaging.substring("class=".length()));
            }
        };
    }

    // -----------------------------------------------------------------------------------------
    // reference files
    // -----------------------------------------------------------------------------------------

    private static Model model(String dataset) {
        return MODELS.computeIfAbsent(dataset,
                d -> Model.logged("reference-" + d, DECLARATIONS.get(d).apply(path(d + ".csv"))));
    }

    private static Path path(String file) {
        URL url = MetricReferenceTest.class.getResource(DIR + file);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + DIR + file
                    + ": run generate_metric_reference.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(path(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Expected> readExpected() {
        List<String> lines = lines("expected.csv");
        if (!lines.get(0).equals("dataset,slice,metric,value,ci_level,ci_low,ci_high,ci_method")) {
            throw new IllegalStateException("unexpected header in expected.csv: " + lines.get(0));
        }
        List<Expected> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(line);
            if (f.length != 8) {
                throw new IllegalStateException("expected 8 fields in expected.csv line: " + line);
            }
            boolean interval = !f[4].isEmpty();
            rows.add(new Expected(f[0], f[1], f[2], parse(f[3]), interval ? Double.valueOf(f[4]) : null,
                    interval ? parse(f[5]) : Double.NaN, interval ? parse(f[6]) : Double.NaN,
                    interval ? f[7] : null));
        }
        return List.copyOf(rows);
    }

    /**
     * Splits one line of the generated files: fields may be double-quoted (metric names such as
     * {@code "fbeta(2.0, macro)"} contain a comma); the generator never writes quotes inside them.
     */
    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }

    /** dataset|slice|metric of the rows whose value is a scikit-learn convention, not arithmetic. */
    private static Set<String> readConventions() {
        Set<String> keys = new HashSet<>();
        List<String> lines = lines("sklearn_conventions.csv");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(line);
            keys.add(f[0] + "|" + f[1] + "|" + f[2]);
        }
        return keys;
    }

    private static final Map<String, Long> SIZES = ROWS.stream()
            .filter(r -> r.metric().equals("size"))
            .collect(Collectors.toMap(r -> r.dataset() + "|" + r.slice(), r -> (long) r.value(), (a, b) -> a,
                    LinkedHashMap::new));

    private static long sliceSize(Expected row) {
        Long size = SIZES.get(row.dataset() + "|" + row.slice());
        if (size == null) {
            throw new IllegalStateException("no size row in expected.csv for " + row.dataset() + " " + row.slice());
        }
        return size;
    }

    private static double expected(String dataset, String slice, String metric) {
        return ROWS.stream().filter(r -> r.dataset().equals(dataset) && r.slice().equals(slice)
                        && r.metric().equals(metric))
                .findFirst().orElseThrow().value();
    }

    private static Expected row(String dataset, String slice, String metric, double level) {
        return ROWS.stream().filter(r -> r.dataset().equals(dataset) && r.slice().equals(slice)
                        && r.metric().equals(metric) && r.hasInterval() && r.level() == level)
                .findFirst().orElseThrow();
    }

    private static double parse(String text) {
        return "nan".equals(text) ? Double.NaN : Double.parseDouble(text);
    }

    private static Offset<Double> tolerance(double expected) {
        return within(TOLERANCE * Math.max(1.0, Math.abs(expected)));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6g", v);
    }
}
