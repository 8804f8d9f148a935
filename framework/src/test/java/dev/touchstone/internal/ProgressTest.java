package dev.touchstone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void a_line_shows_done_total_share_rate_and_the_detail() {
        Progress progress = Progress.start("model 'm' on data.csv", 1_000, "examples");
        progress.advance(400, () -> "8 requests in flight, 3 examples failed");
        String line = progress.line(System.nanoTime(), false);
        assertThat(line).startsWith("[touchstone] model 'm' on data.csv: 400 examples of 1,000 examples (40%), ")
                .contains("examples/s")
                .contains("8 requests in flight, 3 examples failed")
                .contains("s left");
    }

    @Test
    void bytes_show_in_megabytes_and_a_finished_line_gives_the_time() {
        Progress progress = Progress.start("reading big.csv", 300_000_000L, "bytes");
        progress.advance(300_000_000L);
        assertThat(progress.line(System.nanoTime(), true))
                .startsWith("[touchstone] reading big.csv: 300 MB of 300 MB (100%), ")
                .contains("done in");
    }

    @Test
    void quiet_tasks_print_nothing_and_closing_twice_prints_once() {
        List<String> lines = new ArrayList<>();
        var previous = Progress.redirect(lines::add);
        try {
            try (Progress progress = Progress.start("short", 10, "rows")) {
                progress.advance(10);
            }
            assertThat(lines).isEmpty();
        } finally {
            Progress.redirect(previous);
        }
    }
}
