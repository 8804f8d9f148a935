package dev.touchstone.data.source;

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
 * The same logged predictions evaluated in memory (CSV) and in DuckDB's engine (the same rows as
 * Parquet): every built-in metric family, on slices that translate to SQL and on groups of a
 * column, gives the same value, n and interval. Confusion-matrix and ranking metrics are
 * aggregated in the engine without reading the rows; the others are computed in memory, and a
 * line says so.
 */
class EngineParityTest {

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

    @Test
    void confusion_and_ranking_metrics_are_aggregated_in_the_engine_with_the_numbers_of_memory() throws Exception {
        Path csv = Warehouse.csv(dir, 4000, 21);
        Dataset parquet = roles(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet"))));
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("m", parquet);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : AGGREGATED) {
            for (String slice : List.of("night", "not-front-evening", "rear-or-side", "not-night", "camera=side", "hour=3")) {
                same(metric.apply(assertThat(inMemory).onSlice(slice)).actual(),
                        metric.apply(assertThat(inEngine).onSlice(slice)).actual());
            }
            same(metric.apply(assertThat(inMemory).overall()).actual(), metric.apply(assertThat(inEngine).overall()).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("camera")).actuals(),
                    metric.apply(assertThat(inEngine).onEachSliceOf("camera")).actuals());
        }
        // 24 numeric groups named as in memory (6, not 6.0): one metric of each family is enough
        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                SliceAssert::accuracy, SliceAssert::f1, SliceAssert::rocAuc, SliceAssert::averagePrecision, SliceAssert::size)) {
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("hour")).actuals(),
                    metric.apply(assertThat(inEngine).onEachSliceOf("hour")).actuals());
        }
        assertThat(DatasetAccess.isLoaded(parquet)).as("rows read into memory").isFalse();
        assertThat(said).isEmpty();
    }

    @Test
    void probability_metrics_are_computed_in_memory_and_say_so() throws Exception {
        Path csv = Warehouse.csv(dir, 2000, 5);
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("m", roles(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet")))));

        same(assertThat(inMemory).onSlice("night").logLoss().actual(), assertThat(inEngine).onSlice("night").logLoss().actual());
        same(assertThat(inMemory).overall().brierScore().actual(), assertThat(inEngine).overall().brierScore().actual());
        sameEach(assertThat(inMemory).onEachSliceOf("camera").logLoss().actuals(),
                assertThat(inEngine).onEachSliceOf("camera").logLoss().actuals());

        assertThat(said).contains("[touchstone] " + dir.resolve("p.parquet") + ": log_loss is computed in memory: its"
                + " bootstrap interval resamples examples, which the engine's sums cannot reproduce");
    }

    @Test
    void regression_metrics_give_the_numbers_of_memory() throws Exception {
        Path csv = Warehouse.csv(dir, 2000, 9);
        Function<Dataset, Dataset> roles = d -> d.withName("r").withLabel("target").withPrediction("estimate");
        Model inMemory = Model.logged("r", roles.apply(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("r", roles.apply(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet")))));

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(SliceAssert::mae,
                SliceAssert::rmse, SliceAssert::mse, SliceAssert::r2, SliceAssert::mape)) {
            same(metric.apply(assertThat(inMemory).onSlice("camera=front")).actual(),
                    metric.apply(assertThat(inEngine).onSlice("camera=front")).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("camera")).actuals(),
                    metric.apply(assertThat(inEngine).onEachSliceOf("camera")).actuals());
        }
    }

    @Test
    void multi_class_averages_give_the_numbers_of_memory() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder rows = new StringBuilder("label,predicted,zone\n");
        String[] classes = {"bird", "cat", "dog"};
        for (int i = 0; i < 1500; i++) {
            int label = random.nextInt(3);
            int predicted = random.nextDouble() < 0.7 ? label : random.nextInt(3);
            rows.append(String.format(Locale.ROOT, "%s,%s,%d%n", classes[label], classes[predicted], random.nextInt(4)));
        }
        Path csv = Files.writeString(dir.resolve("animals.csv"), rows);
        Path parquet = dir.resolve("animals.parquet");
        Warehouse.sql("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet + "' (FORMAT parquet)");
        Function<Dataset, Dataset> roles = d -> d.withName("animals").withLabel("label").withPrediction("predicted");
        Model inMemory = Model.logged("a", roles.apply(Dataset.fromCsv(csv)));
        Dataset engineData = roles.apply(Dataset.fromParquet(parquet));
        Model inEngine = Model.logged("a", engineData);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                s -> s.f1().macro(), s -> s.f1().micro(), s -> s.f1().weighted(), s -> s.recall().forClass("dog"),
                s -> s.precision().macro(), SliceAssert::accuracy, SliceAssert::cohenKappa, SliceAssert::mcc)) {
            same(metric.apply(assertThat(inMemory).overall()).actual(), metric.apply(assertThat(inEngine).overall()).actual());
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("zone")).actuals(),
                    metric.apply(assertThat(inEngine).onEachSliceOf("zone")).actuals());
        }
        assertThat(DatasetAccess.isLoaded(engineData)).isFalse();
    }

    @Test
    void a_slice_without_an_exact_sql_form_is_selected_in_memory_and_said() throws Exception {
        Path csv = Warehouse.csv(dir, 500, 4);
        Path file = Warehouse.parquet(csv, dir.resolve("p.parquet"));
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("m", roles(Dataset.fromParquet(file)));

        same(assertThat(inMemory).onSlice(where("hour").isLessThan(Double.POSITIVE_INFINITY)).recall().actual(),
                assertThat(inEngine).onSlice(where("hour").isLessThan(Double.POSITIVE_INFINITY)).recall().actual());

        assertThat(said).contains("[touchstone] " + file + ": slice 'hour < Infinity' is selected in memory: slice"
                + " 'hour < Infinity' has a bound that is not a finite number");
    }

    @Test
    void a_paired_comparison_reads_the_columns_it_pairs_into_memory_and_says_so() throws Exception {
        Path csv = Warehouse.csv(dir, 1000, 8);
        Path file = Warehouse.parquet(csv, dir.resolve("p.parquet"));
        Dataset inMemory = roles(Dataset.fromCsv(csv)).withId("id");
        Dataset inEngine = roles(Dataset.fromParquet(file)).withId("id");
        Model memoryModel = Model.logged("m", inMemory);
        Model engineModel = Model.logged("m", inEngine);

        assertThat(engineModel).onSlice("night").recall().isNotWorseThan(Model.logged("same", inEngine));
        assertThat(memoryModel).onSlice("night").recall().isNotWorseThan(Model.logged("same", inMemory));
        same(assertThat(memoryModel).onSlice("night").recall().actual(), assertThat(engineModel).onSlice("night").recall().actual());

        assertThat(said).contains("[touchstone] " + file + ": comparisons with a baseline or another model are computed in"
                + " memory, where examples can be paired");
        assertThat(DatasetAccess.isLoaded(inEngine)).as("the comparison read the rows").isTrue();
    }

    @Test
    void a_date_column_is_compared_in_memory_as_its_text_and_said() throws Exception {
        Path csv = Warehouse.csv(dir, 600, 6);
        Path file = dir.resolve("dated.parquet");
        Warehouse.sql("COPY (SELECT *, DATE '2026-12-01' + CAST(hour % 3 AS INTEGER) AS day FROM read_csv('" + csv + "', header = true,"
                + " types = {'id': 'VARCHAR', 'score': 'DOUBLE'})) TO '" + file + "' (FORMAT parquet)");
        Path datedCsv = dir.resolve("dated.csv");
        Warehouse.sql("COPY (SELECT * FROM read_parquet('" + file + "')) TO '" + datedCsv + "' (HEADER true)");
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(datedCsv)));
        Model inEngine = Model.logged("m", roles(Dataset.fromParquet(file)));

        same(assertThat(inMemory).onSlice(where("day").isEqualTo("2026-12-02")).recall().actual(),
                assertThat(inEngine).onSlice(where("day").isEqualTo("2026-12-02")).recall().actual());
        sameEach(assertThat(inMemory).onEachSliceOf("day").accuracy().actuals(),
                assertThat(inEngine).onEachSliceOf("day").accuracy().actuals());

        assertThat(said).contains("[touchstone] " + file + ": slice 'day = 2026-12-02' is selected in memory: column 'day'"
                + " is neither text nor a number in the source, and is compared as text in memory",
                "[touchstone] " + file + ": the slices of column 'day' are selected in memory: it is neither text nor a"
                        + " number in the source");
    }

    @Test
    void the_fingerprint_streamed_from_the_engine_is_the_one_of_the_same_rows_in_memory() throws Exception {
        Path csv = Warehouse.csv(dir, 700, 12);
        Path file = Warehouse.parquet(csv, dir.resolve("p.parquet"));
        for (boolean withIds : new boolean[] {true, false}) {
            Dataset inMemory = withIds ? roles(Dataset.fromCsv(csv)).withId("id") : roles(Dataset.fromCsv(csv));
            Dataset inEngine = withIds ? roles(Dataset.fromParquet(file)).withId("id") : roles(Dataset.fromParquet(file));
            String expected = Outcomes.of(Model.logged("m", inMemory), inMemory, TouchstoneSettings.defaults()).fingerprint();
            String actual = Outcomes.of(Model.logged("m", inEngine), inEngine, TouchstoneSettings.defaults()).fingerprint();

            assertThat(actual).as("ids " + withIds).isEqualTo(expected).startsWith("sha256:");
            assertThat(DatasetAccess.isLoaded(inEngine)).isFalse();
        }
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
