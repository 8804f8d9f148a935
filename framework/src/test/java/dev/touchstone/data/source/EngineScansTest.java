package dev.touchstone.data.source;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.data.source.EngineParityTest.roles;
import static dev.touchstone.data.source.EngineParityTest.same;
import static dev.touchstone.data.source.EngineParityTest.sameEach;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.assertion.AbstractMetricAssert;
import dev.touchstone.assertion.SliceAssert;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.data.internal.SqlSource;
import dev.touchstone.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many scans the engine makes for a spec: the statements {@link SqlSource} logs at FINE.
 * A scan per slicing column and one for the scores of every slice known so far, not one per
 * statistic; a column with many groups is grouped by value, score and label instead.
 */
class EngineScansTest {

    @TempDir
    Path dir;

    final List<String> statements = new ArrayList<>();
    final Logger log = Logger.getLogger(SqlSource.class.getName());
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            statements.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level previous;

    @BeforeEach
    void listen() {
        previous = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(handler);
    }

    @AfterEach
    void restore() {
        log.removeHandler(handler);
        log.setLevel(previous);
    }

    @Test
    void five_metrics_on_two_slicing_columns_take_four_scans_and_give_the_numbers_of_memory() throws Exception {
        Path csv = Warehouse.csv(dir, 3000, 31);
        Dataset parquet = roles(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet"))));
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("m", parquet);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                SliceAssert::accuracy, SliceAssert::precision, SliceAssert::recall, SliceAssert::f1, SliceAssert::rocAuc)) {
            same(metric.apply(assertThat(inMemory).overall()).actual(), metric.apply(assertThat(inEngine).overall()).actual());
            for (String column : List.of("camera", "hour")) {
                sameEach(metric.apply(assertThat(inMemory).onEachSliceOf(column)).actuals(),
                        metric.apply(assertThat(inEngine).onEachSliceOf(column)).actuals());
            }
        }

        assertThat(DatasetAccess.isLoaded(parquet)).isFalse();
        assertThat(statements).as("statements").hasSize(5);
        assertThat(statements.get(0)).contains("reading the columns").contains("LIMIT 0");
        assertThat(statements.get(1)).contains("counting labels and predictions,");
        assertThat(statements.get(2)).contains("counting labels and predictions by camera,");
        assertThat(statements.get(3)).contains("counting labels and predictions by hour,");
        // the whole data, 3 cameras and 24 hours: one scan grouped by score and label
        assertThat(statements.get(4)).contains("counting scores of 28 slices,").contains("FILTER");
    }

    @Test
    void a_column_with_more_groups_than_one_scan_counts_is_grouped_by_value_with_the_numbers_of_memory()
            throws Exception {
        Path plain = Warehouse.csv(dir, 3000, 23);
        Path csv = dir.resolve("buckets.csv");
        // 100 groups, more than the 64 slices one scan counts in columns of their own
        Warehouse.sql("COPY (SELECT *, CAST(id AS INTEGER) % 100 AS bucket FROM read_csv('" + plain + "', header = true,"
                + " types = {'id': 'VARCHAR', 'score': 'VARCHAR'})) TO '" + csv + "' (HEADER true)");
        Dataset parquet = roles(Dataset.fromParquet(Warehouse.parquet(csv, dir.resolve("p.parquet"))));
        Model inMemory = Model.logged("m", roles(Dataset.fromCsv(csv)));
        Model inEngine = Model.logged("m", parquet);

        for (Function<SliceAssert, AbstractMetricAssert<?>> metric : List.<Function<SliceAssert, AbstractMetricAssert<?>>>of(
                SliceAssert::rocAuc, SliceAssert::averagePrecision, SliceAssert::accuracy, SliceAssert::size)) {
            sameEach(metric.apply(assertThat(inMemory).onEachSliceOf("bucket")).actuals(),
                    metric.apply(assertThat(inEngine).onEachSliceOf("bucket")).actuals());
        }

        assertThat(DatasetAccess.isLoaded(parquet)).isFalse();
        assertThat(statements).anyMatch(s -> s.contains("counting scores by bucket,"));
        assertThat(statements).filteredOn(s -> s.contains("counting scores")).hasSize(2); // the whole data, then bucket
    }
}
