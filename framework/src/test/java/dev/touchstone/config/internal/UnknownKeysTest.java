package dev.touchstone.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 13: typos are reported with the key meant, limits name their key and why, I/O says why. */
class UnknownKeysTest {

    @TempDir
    Path dir;

    @Test
    void a_typo_is_reported_with_the_closest_known_key() {
        assertThat(ConfigParser.unknownKeys(List.of("touchstone.confidense", "touchstone.seeds", "touchstone.multiplicty",
                "touchstone.cache.dri", "touchstone.results.dir", "other.key", "touchstone.whatever.this.is"),
                ConfigKeys.known())).containsExactly(
                        "unknown configuration key touchstone.cache.dri is ignored; did you mean touchstone.cache.dir?",
                        "unknown configuration key touchstone.confidense is ignored; did you mean touchstone.confidence?",
                        "unknown configuration key touchstone.multiplicty is ignored; did you mean"
                                + " touchstone.multiplicity?",
                        "unknown configuration key touchstone.seeds is ignored; did you mean touchstone.seed?",
                        "unknown configuration key touchstone.whatever.this.is is ignored; the known keys are listed"
                                + " on dev.touchstone.config.ConfigKeys");
    }

    @Test
    void a_plain_test_with_a_typo_in_a_system_property_is_warned_once() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(CurrentSettings.class.getName());
        List<String> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        System.setProperty("touchstone.alpah", "0.01");
        try {
            dev.touchstone.scope.QualityScope.standalone();
            dev.touchstone.scope.QualityScope.standalone();
        } finally {
            System.clearProperty("touchstone.alpah");
            log.removeHandler(handler);
        }
        assertThat(records).containsExactly("WARNING touchstone: unknown configuration key touchstone.alpah is ignored;"
                + " did you mean touchstone.alpha?");
    }

    @Test
    void every_declared_key_and_the_maven_plugin_keys_are_known() {
        assertThat(ConfigKeys.declared()).contains(ConfigKeys.CONFIDENCE, ConfigKeys.RESULTS_DIR,
                ConfigKeys.MAX_RECORD_BYTES, ConfigKeys.MAX_RESPONSE_BYTES, ConfigKeys.OUTCOMES_MAX_ROWS)
                .allMatch(k -> k.startsWith("touchstone."));
        assertThat(ConfigKeys.known()).containsAll(ConfigKeys.MAVEN_PLUGIN_KEYS).contains("touchstone.skip");
        assertThat(ConfigParser.unknownKeys(ConfigKeys.known(), ConfigKeys.known())).isEmpty();
    }

    @Test
    void resamples_are_bounded_with_the_key_and_the_reason() {
        assertThatThrownBy(() -> TouchstoneSettings.from(k -> k.equals(ConfigKeys.BOOTSTRAP_RESAMPLES) ? "50000000" : null))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("configuration touchstone.bootstrap.resamples=50000000 is invalid: expected an integer from"
                        + " 100 to 1,000,000: more resamples do not change the reported intervals, they only cost time"
                        + " and memory");
        assertThatThrownBy(() -> TouchstoneSettings.defaults().withResamples(2_000_000))
                .hasMessageContaining("touchstone.bootstrap.resamples=2000000 is invalid");
        assertThat(TouchstoneSettings.defaults().withResamples(1_000_000).resamples()).isEqualTo(1_000_000);
    }

    @Test
    void a_results_file_that_cannot_be_written_says_why() throws Exception {
        Path file = Files.writeString(dir.resolve("in-the-way"), "x");
        RunResults results = new RunResults(RunResults.SCHEMA_VERSION, new RunInfo(Instant.EPOCH, Instant.EPOCH, 1, "t"),
                List.of());

        assertThatThrownBy(() -> ResultsJson.write(Path.of("/proc/forbidden/results.json"), results))
                .hasMessage("cannot write the results file /proc/forbidden/results.json: /proc/forbidden: no such file"
                        + " or directory, and it cannot be created there (a read-only or virtual file system?)");
        assertThatThrownBy(() -> ResultsJson.write(file.resolve("results.json"), results))
                .hasMessage("cannot write the results file " + file.resolve("results.json") + ": " + file
                        + ": something that is not a directory is in the way");
    }
}
