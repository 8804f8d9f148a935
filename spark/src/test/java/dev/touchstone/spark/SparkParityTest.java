package dev.touchstone.spark;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.assertion.AbstractMetricAssert;
import dev.touchstone.assertion.SliceAssert;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.internal.Progress;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same logged predictions evaluated in memory (CSV) and by Spark (the same rows as a Spark
 * {@code Dataset<Row>}): every built-in metric family, on slices that translate to SQL and on
 * groups of a column, gives the same value, n and interval. Confusion-matrix and ranking metrics
 * are aggregated by Spark without reading the rows; the others are computed in memory, and a line
 * says so.
 */
class SparkParityTest {

    @TempDir
    Path dir;

    final List<String> said = new ArrayList<>();
    Consumer<String> previous;

    @BeforeEach
    void listen() {
        previous = Progress.redirect(said::add);
    }

    @AfterEach
    void restore() {
        Progress.redirect(previous);
    }

    static final List<Function<SliceAssert, AbstractMetricAssert<?>>> AGGREGATED = List.of(SliceAssert::accuracy,
            SliceAssert::precision, SliceAssert::recall, SliceAssert::f1, s -> s.fBeta(2), SliceAssert::specificity,
            SliceAssert::balancedAccuracy, SliceAssert::mcc, SliceAssert::cohenKappa, SliceAssert::rocAuc,
            SliceAssert::averagePrecision, SliceAssert::size);

    static Dataset roles(Dataset data) {
        return data.withName("predictions").withLabel("label").withPrediction("predicted").withScore("score")
                .withPositiveClass("cat")
                .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)))
                .withSlice("not-front-evening", where("camera").isNotEqualTo("front").and(where("hour").isBetween(17, 23)))
                .withSlice("rear-or-side", where("camera").isIn("rear", "side"))
                .withSlice("not-night", where("hour").isLessThan(6).not());
    }

    Dataset spark(Path csv) {
        return SparkDatasets.of(LocalSpark.read(csv, LocalSpark.SCHEMA), "predictions");
    }

    @Test
    void confusion_and_ranking_metrics_are_aggregated_by_spark_with_the_numbers_of_memory() throws Exception {
        Path csv = LocalSpark.csv(dir, 3000, 21);
        Dataset inSpark = roles(spark(csv));
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model bySpark = Model.logged("m", inSpark);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : AGGREGATED) {
            for (String slice : List.of("night", "not-front-evening", "rear-or-side", "not-night", "camera=side", "hour=3")) {
                same(metric.apply(assertThat(inMemory).onSlice(slice)).actual(),
                        metric.apply(assertThat(bySpark).onSlice(slice)).actual());
            }
            same(metric.apply(assertThat(inMemory).overall()).actual(), metric.apply(assertThat(bySpark).overall()).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("camera")).actuals(),
                    metric.apply(assertThat(bySpark).onEachSliceOf("camera")).actuals());
        }
        // 24 numeric groups named as in memory (6, not 6.0)
        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                SliceAssert::accuracy, SliceAssert::f1, SliceAssert::rocAuc, SliceAssert::averagePrecision, SliceAssert::size)) {
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("hour")).actuals(),
                    metric.apply(assertThat(bySpark).onEachSliceOf("hour")).actuals());
        }
        assertThat(DatasetAccess.isLoaded(inSpark)).as("rows read into memory").isFalse();
        assertThat(said).isEmpty();
    }

    @Test
    void probability_metrics_are_computed_in_memory_and_say_so() throws Exception {
        Path csv = LocalSpark.csv(dir, 1500, 5);
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Dataset inSpark = roles(spark(csv));
        Model bySpark = Model.logged("m", inSpark);

        same(assertThat(inMemory).onSlice("night").logLoss().actual(), assertThat(bySpark).onSlice("night").logLoss().actual());
        same(assertThat(inMemory).overall().brierScore().actual(), assertThat(bySpark).overall().brierScore().actual());
        sameEach(assertThat(inMemory).onEachSliceOf("camera").logLoss().actuals(),
                assertThat(bySpark).onEachSliceOf("camera").logLoss().actuals());

        assertThat(said).contains("[touchstone] Spark dataset predictions: log_loss is computed in memory: its"
                + " bootstrap interval resamples examples, which the engine's sums cannot reproduce");
        assertThat(DatasetAccess.isLoaded(inSpark)).as("the fallback read the rows").isTrue();
    }

    @Test
    void regression_metrics_give_the_numbers_of_memory() throws Exception {
        Path csv = LocalSpark.csv(dir, 1500, 9);
        Function<Dataset, Dataset> roles = d -> d.withName("r").withLabel("target").withPrediction("estimate");
        Model inMemory = Model.logged("r", roles.apply(Dataset.fromCsv(csv)));
        Model bySpark = Model.logged("r", roles.apply(spark(csv)));

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                SliceAssert::mae, SliceAssert::rmse, SliceAssert::mse, SliceAssert::r2, SliceAssert::mape)) {
            same(metric.apply(assertThat(inMemory).onSlice("camera=front")).actual(),
                    metric.apply(assertThat(bySpark).onSlice("camera=front")).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("camera")).actuals(),
                    metric.apply(assertThat(bySpark).onEachSliceOf("camera")).actuals());
        }
    }

    @Test
    void multi_class_averages_give_the_numbers_of_memory() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder rows = new StringBuilder("label,predicted,zone\n");
        String[] classes = {"bird", "cat", "dog"};
        for (int i = 0; i < 1200; i++) {
            int label = random.nextInt(3);
            int predicted = random.nextDouble() < 0.7 ? label : random.nextInt(3);
            rows.append(String.format(Locale.ROOT, "%s,%s,%d%n", classes[label], classes[predicted], random.nextInt(4)));
        }
        Path csv = Files.writeString(dir.resolve("animals.csv"), rows);
        Function<Dataset, Dataset> roles = d -> d.withName("animals").withLabel("label").withPrediction("predicted");
        Model inMemory = Model.logged("a", roles.apply(Dataset.fromCsv(csv)));
        Dataset sparkData = roles.apply(SparkDatasets.of(LocalSpark.read(csv, "label STRING, predicted STRING, zone INT"),
                "animals"));
        Model bySpark = Model.logged("a", sparkData);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                s -> s.f1().macro(), s -> s.f1().micro(), s -> s.f1().weighted(), s -> s.recall().forClass("dog"),
                s -> s.precision().macro(), SliceAssert::accuracy, SliceAssert::cohenKappa, SliceAssert::mcc)) {
            same(metric.apply(assertThat(inMemory).overall()).actual(), metric.apply(assertThat(bySpark).overall()).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("zone")).actuals(),
                    metric.apply(assertThat(bySpark).onEachSliceOf("zone")).actuals());
        }
        assertThat(DatasetAccess.isLoaded(sparkData)).isFalse();
    }

    @Test
    void text_slice_values_with_quotes_and_backslashes_select_the_rows_memory_selects() throws Exception {
        // PostgreSQL's 'it''s' is two literals in Spark ("its"), and a backslash is an escape there:
        // a slice value must reach Spark as exactly its text
        StringBuilder rows = new StringBuilder("label,predicted,score,site\n");
        String[] sites = {"it's", "its", "a\\b", "ab", "a\\\\b", "x\"y"};
        SplittableRandom random = new SplittableRandom(17);
        // site k has 30 * (k + 1) rows, so a literal that selects another site's rows changes the size
        for (int i = 0; i < 630; i++) {
            boolean cat = random.nextBoolean();
            int r = i % 21;
            String site = sites[r < 1 ? 0 : r < 3 ? 1 : r < 6 ? 2 : r < 10 ? 3 : r < 15 ? 4 : 5];
            rows.append(cat ? "cat" : "dog").append(',').append(random.nextDouble() < 0.8 == cat ? "cat" : "dog").append(',')
                    .append(String.format(Locale.ROOT, "%.2f", random.nextDouble())).append(',')
                    .append(site.contains("\"") ? "\"" + site.replace("\"", "\"\"") + "\"" : site).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("sites.csv"), rows);
        Function<Dataset, Dataset> roles = d -> d.withName("sites").withLabel("label").withPrediction("predicted")
                .withScore("score").withPositiveClass("cat");
        Model inMemory = Model.logged("s", roles.apply(Dataset.fromCsv(csv)));
        Dataset sparkData = roles.apply(SparkDatasets.of(quotedCsv(csv, "label STRING, predicted STRING, score DOUBLE,"
                + " site STRING"), "sites"));
        Model bySpark = Model.logged("s", sparkData);

        for (int k = 0; k < sites.length; k++) {
            String site = sites[k];
            MetricValue expected = assertThat(inMemory).onSlice(where("site").isEqualTo(site)).size().actual();
            assertThat(expected.value()).as("rows of " + site).isEqualTo(30.0 * (k + 1));
            same(expected, assertThat(bySpark).onSlice(where("site").isEqualTo(site)).size().actual());
            same(assertThat(inMemory).onSlice(where("site").isNotEqualTo(site)).recall().actual(),
                    assertThat(bySpark).onSlice(where("site").isNotEqualTo(site)).recall().actual());
        }
        sameEach(assertThat(inMemory).onEachSliceOf("site").rocAuc().actuals(),
                assertThat(bySpark).onEachSliceOf("site").rocAuc().actuals());
        assertThat(DatasetAccess.isLoaded(sparkData)).isFalse();
    }

    static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> quotedCsv(Path csv, String schema) {
        return LocalSpark.SPARK.read().option("header", "true").option("escape", "\"").schema(schema).csv(csv.toString());
    }

    @Test
    void without_ids_the_fingerprint_streamed_from_spark_is_the_one_of_the_same_rows_in_memory() throws Exception {
        Path csv = LocalSpark.csv(dir, 700, 12);
        Dataset inMemory = roles(Dataset.fromCsv(csv));
        Dataset inSpark = roles(spark(csv));

        assertThat(fingerprint(inSpark)).isEqualTo(fingerprint(inMemory)).startsWith("sha256:");
        assertThat(DatasetAccess.isLoaded(inSpark)).isFalse();
    }

    @Test
    void with_ids_the_fingerprint_does_not_depend_on_the_order_spark_returns_the_rows_in() throws Exception {
        Path csv = LocalSpark.csv(dir, 700, 12);
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = LocalSpark.read(csv, LocalSpark.SCHEMA);
        Dataset ascending = roles(SparkDatasets.of(rows.orderBy("id"), "predictions")).withId("id");
        Dataset descending = roles(SparkDatasets.of(rows.orderBy(org.apache.spark.sql.functions.desc("id")),
                "predictions")).withId("id");
        Dataset oneRowRemoved = roles(SparkDatasets.of(rows.where("id <> '" + firstId(csv) + "'"), "predictions"))
                .withId("id");

        // Spark promises no row order: with ids, every order of the same rows has one fingerprint
        assertThat(fingerprint(descending)).isEqualTo(fingerprint(ascending)).startsWith("sha256:");
        assertThat(fingerprint(oneRowRemoved)).isNotEqualTo(fingerprint(ascending));
        assertThat(DatasetAccess.isLoaded(ascending)).isFalse();
    }

    private static String fingerprint(Dataset data) {
        return Outcomes.of(Model.logged("m", data), data, TouchstoneSettings.defaults()).fingerprint();
    }

    private static String firstId(Path csv) throws java.io.IOException {
        String second = java.nio.file.Files.readAllLines(csv).get(1);
        return second.substring(0, second.indexOf(','));
    }

    static void sameEach(Map<String, MetricValue> expected, Map<String, MetricValue> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, value) -> same(value, actual.get(name)));
    }

    static void same(MetricValue expected, MetricValue actual) {
        assertThat(actual.slice()).isEqualTo(expected.slice());
        assertThat(actual.metric()).isEqualTo(expected.metric());
        assertThat(actual.n()).as(actual.metric() + " n on " + actual.slice()).isEqualTo(expected.n());
        assertThat(actual.value()).as(actual.metric() + " on " + actual.slice()).isEqualTo(expected.value());
        assertThat(actual.interval()).as(actual.metric() + " interval on " + actual.slice()).isEqualTo(expected.interval());
    }
}
