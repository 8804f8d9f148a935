package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.slice.TimeWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time windows as slices: alignment, names, empty windows, crossing with other slices, timestamp formats. */
class TimeWindowTest {

    /** Three days of rows: day 1 two rows (1 right), day 2 none, day 3 three rows (all right), one row without a time. */
    static Dataset days() {
        DatasetBuilder b = Dataset.builder("days").columns("label", "predicted", "ts", "segment");
        b.row("1", "1", "2026-12-01T08:00:00Z", "a");
        b.row("1", "0", "2026-12-01T23:59:59Z", "b");
        b.row("1", "1", "2026-12-03T00:00:00Z", "a");
        b.row("1", "1", "2026-12-03T12:00:00+01:00", "b");
        b.row("1", "1", "2026-12-03", "a");
        b.row("1", "1", null, "a");
        return b.build().withLabel("label").withPrediction("predicted");
    }

    @Test
    void each_day_is_a_slice_named_by_column_start_and_length_with_gaps_and_missing_timestamps_kept() {
        Map<String, MetricValue> sizes = assertThat(Model.logged("m", days())).onEachWindowOf("ts", Duration.ofDays(1))
                .size().actuals();
        assertThat(sizes.keySet()).containsExactly("ts@2026-12-01T00:00Z/P1D", "ts@2026-12-02T00:00Z/P1D",
                "ts@2026-12-03T00:00Z/P1D", "ts is missing");
        assertThat(sizes.values()).extracting(MetricValue::value).containsExactly(2.0, 0.0, 3.0, 1.0);
    }

    @Test
    void the_last_window_is_the_one_of_the_last_timestamp() {
        MetricValue accuracy = assertThat(Model.logged("m", days())).onLastWindowOf("ts", Period.ofDays(1))
                .accuracy().actual();
        assertThat(accuracy.slice()).isEqualTo("ts@2026-12-03T00:00Z/P1D");
        assertThat(accuracy.n()).isEqualTo(3);
        assertThat(accuracy.value()).isEqualTo(1.0);
    }

    @Test
    void windows_cross_with_each_slice_of_a_column() {
        Map<String, MetricValue> sizes = assertThat(Model.logged("m", days())).onEachSliceOf("segment")
                .onLastWindowOf("ts", Duration.ofDays(1)).size().actuals();
        assertThat(sizes).containsOnlyKeys("segment=a & ts@2026-12-03T00:00Z/P1D", "segment=b & ts@2026-12-03T00:00Z/P1D");
        assertThat(sizes.get("segment=a & ts@2026-12-03T00:00Z/P1D").value()).isEqualTo(2.0);
        assertThat(sizes.get("segment=b & ts@2026-12-03T00:00Z/P1D").value()).isEqualTo(1.0);
    }

    @Test
    void calendar_days_follow_the_zone_and_months_start_on_the_first() {
        // 23:30 UTC on Dec 1 is Dec 2 in Paris
        DatasetBuilder b = Dataset.builder("z").columns("label", "predicted", "ts");
        b.row("1", "1", "2026-12-01T23:30:00Z");
        b.row("1", "1", "2026-11-15T10:00:00Z");
        Model m = Model.logged("m", b.build().withLabel("label").withPrediction("predicted"));
        assertThat(assertThat(m).onEachWindowOf(TimeWindows.of("ts", Period.ofDays(1)).inZone(ZoneId.of("Europe/Paris")))
                .size().actuals()).containsKey("ts@2026-12-02T00:00+01:00/P1D");
        assertThat(assertThat(m).onEachWindowOf("ts", Period.ofMonths(1)).size().actuals().keySet())
                .containsExactly("ts@2026-11-01T00:00Z/P1M", "ts@2026-12-01T00:00Z/P1M");
        // weeks start on Mondays: 2026-11-30 is a Monday
        assertThat(assertThat(m).onEachWindowOf("ts", Period.ofWeeks(1)).size().actuals().keySet())
                .containsExactly("ts@2026-11-09T00:00Z/P7D", "ts@2026-11-16T00:00Z/P7D", "ts@2026-11-23T00:00Z/P7D",
                        "ts@2026-11-30T00:00Z/P7D");
        assertThat(assertThat(m).onLastWindowOf("ts", Duration.ofHours(6)).size().actual().slice())
                .isEqualTo("ts@2026-12-01T18:00Z/PT6H");
    }

    @Test
    void epoch_seconds_and_milliseconds_are_told_apart_by_magnitude() {
        DatasetBuilder seconds = Dataset.builder("s").columns("label", "predicted", "ts");
        seconds.row("1", "1", 1796083200L); // 2026-12-01T00:00:00Z
        DatasetBuilder millis = Dataset.builder("ms").columns("label", "predicted", "ts");
        millis.row("1", "1", 1796083200000L);
        for (DatasetBuilder b : new DatasetBuilder[] {seconds, millis}) {
            Model m = Model.logged("m", b.build().withLabel("label").withPrediction("predicted"));
            assertThat(assertThat(m).onLastWindowOf("ts", Duration.ofDays(1)).size().actual().slice())
                    .isEqualTo("ts@2026-12-01T00:00Z/P1D");
        }
    }

    @Test
    void a_bad_timestamp_names_file_line_column_and_value(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("logs.csv");
        Files.writeString(csv, "label,predicted,ts\n1,1,2026-12-01T00:00:00Z\n1,1,yesterday\n");
        Model m = Model.logged("m", Dataset.fromCsv(csv).withLabel("label").withPrediction("predicted"));
        assertThatThrownBy(() -> assertThat(m).onEachWindowOf("ts", Duration.ofDays(1)).size().actuals())
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("logs.csv line 3, column 'ts'").hasMessageContaining("'yesterday' is not a timestamp");
    }

    @Test
    void mixed_periods_and_empty_lengths_are_refused() {
        assertThatThrownBy(() -> TimeWindows.of("ts", Period.of(0, 1, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeWindows.of("ts", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
