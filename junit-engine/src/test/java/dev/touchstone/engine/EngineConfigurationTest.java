package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.config.QualityConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.ConfigurationParameters;

/** The engine reads its keys with the framework's parser: the same defaults and the same error format. */
class EngineConfigurationTest {

    static EngineConfiguration from(Map<String, String> values) {
        return EngineConfiguration.from(new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            @SuppressWarnings("deprecation")
            public int size() {
                return values.size();
            }

            @Override
            public Set<String> keySet() {
                return values.keySet();
            }
        });
    }

    @Test
    void absent_keys_take_the_documented_defaults() {
        EngineConfiguration configuration = from(Map.of());

        assertThat(configuration.resultsDir()).isEqualTo(Path.of("target/touchstone"));
        assertThat(configuration.recordOutcomes()).isTrue();
        assertThat(configuration.updateBaseline()).isFalse();
        assertThat(configuration.outcomesMaxRows()).isEqualTo(1_000_000);
        assertThat(configuration.settings().inconclusive()).isEqualTo(InconclusivePolicy.FAIL);
    }

    @Test
    void relative_directories_resolve_against_the_project_directory_surefire_passes() {
        Path project = Path.of("/work/project").toAbsolutePath();
        EngineConfiguration defaults = from(Map.of("basedir", project.toString()));

        assertThat(defaults.resultsDir()).isEqualTo(project.resolve("target/touchstone"));
        assertThat(defaults.settings().baselineDir()).isEqualTo(project.resolve("src/test/touchstone"));
        assertThat(defaults.allure().directory()).isEqualTo(project.resolve("target/allure-results"));

        Path elsewhere = Path.of("/elsewhere/ts").toAbsolutePath();
        EngineConfiguration configured = from(Map.of("basedir", project.toString(),
                "touchstone.results.dir", "build/ts", "touchstone.baseline.dir", elsewhere.toString(),
                "touchstone.cache.dir", "target/cache"));

        assertThat(configured.resultsDir()).isEqualTo(project.resolve("build/ts"));
        assertThat(configured.settings().baselineDir()).isEqualTo(elsewhere);
        assertThat(configured.settings().cacheDirectory()).isEqualTo(project.resolve("target/cache"));
    }

    @Test
    void without_an_absolute_project_directory_paths_stay_relative_to_the_working_directory() {
        assertThat(from(Map.of("basedir", "relative/dir")).resultsDir()).isEqualTo(Path.of("target/touchstone"));
        assertThat(from(Map.of("basedir", " ")).settings().baselineDir()).isEqualTo(Path.of("src/test/touchstone"));
    }

    @Test
    void every_engine_key_is_read() {
        EngineConfiguration configuration = from(Map.of("touchstone.results.dir", "build/ts",
                "touchstone.outcomes.record", "FALSE", "touchstone.baseline.update", "true",
                "touchstone.outcomes.max-rows", "0", "touchstone.inconclusive", "skip"));

        assertThat(configuration.resultsDir()).isEqualTo(Path.of("build/ts"));
        assertThat(configuration.recordOutcomes()).isFalse();
        assertThat(configuration.updateBaseline()).isTrue();
        assertThat(configuration.outcomesMaxRows()).isZero();
        assertThat(configuration.settings().inconclusive()).isEqualTo(InconclusivePolicy.SKIP);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "touchstone.outcomes.record    | yes   | true or false",
        "touchstone.baseline.update    | 1     | true or false",
        "touchstone.outcomes.max-rows  | -1    | an integer of at least 0",
        "touchstone.outcomes.max-rows  | many  | an integer of at least 0",
        "touchstone.inconclusive       | maybe | one of fail, skip",
    })
    void a_bad_value_fails_in_the_one_format(String key, String value, String allowed) {
        assertThatThrownBy(() -> from(Map.of(key, value))).isInstanceOf(QualityConfigurationException.class)
                .hasMessage("configuration " + key + "=" + value + " is invalid: expected " + allowed);
    }

    // ---- issue 12, item 13 ----

    @Test
    void an_unknown_key_is_a_warning_that_names_the_closest_known_key_and_never_the_value() {
        EngineConfiguration configuration = from(Map.of("touchstone.confidense", "0.5",
                "touchstone.bootstrap.resample", "2000", "touchstone.zzz", "secret-value",
                "touchstone.haltOnFailure", "false", "junit.jupiter.foo", "x"));

        assertThat(configuration.warnings()).containsExactly(
                "unknown configuration key touchstone.bootstrap.resample is ignored; did you mean"
                        + " touchstone.bootstrap.resamples?",
                "unknown configuration key touchstone.confidense is ignored; did you mean touchstone.confidence?",
                "unknown configuration key touchstone.zzz is ignored; the known keys are listed on"
                        + " dev.touchstone.config.ConfigKeys");
        assertThat(configuration.settings().confidence()).isEqualTo(0.95);
        assertThat(String.join("\n", configuration.warnings())).doesNotContain("secret-value", "0.5");
    }

    @Test
    void too_many_resamples_fail_naming_the_key_and_why() {
        assertThatThrownBy(() -> from(Map.of("touchstone.bootstrap.resamples", "50000000")))
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessage("configuration touchstone.bootstrap.resamples=50000000 is invalid: expected an integer from"
                        + " 100 to 1,000,000: more resamples do not change the reported intervals, they only cost time"
                        + " and memory");
    }
}
