package com.example.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks that the lake (Parquet), the warehouse (PostgreSQL) and Spark gave the same numbers and verdicts. */
class SameNumbersIT {

    private final List<CheckEntry> checks = ResultsJson.read(Path.of("target/touchstone/results.json")).checks();

    private Map<String, CheckEntry> of(Class<?> spec) {
        return checks.stream().filter(c -> spec.getName().equals(c.spec()))
                .collect(Collectors.toMap(c -> c.check() + " on " + c.slice() + ": " + c.metric(), Function.identity()));
    }

    @Test
    void every_statement_has_the_same_value_n_interval_and_verdict_on_every_source() {
        Map<String, CheckEntry> lake = of(LakeQualityTest.class);

        // 1 slice of new customers, 4 regions, 1 slice of paying customers, 3 plans, 5 days
        assertThat(lake).hasSize(1 + 4 + 1 + 3 + 5);
        for (Class<?> source : List.of(WarehouseQualityTest.class, SparkQualityTest.class)) {
            Map<String, CheckEntry> other = of(source);
            assertThat(other.keySet()).as(source.getSimpleName()).isEqualTo(lake.keySet());
            lake.forEach((statement, expected) -> {
                CheckEntry actual = other.get(statement);
                String what = source.getSimpleName() + ": " + statement;
                assertThat(actual.value()).as(what).isEqualTo(expected.value());
                assertThat(actual.n()).as(what).isEqualTo(expected.n());
                assertThat(actual.interval()).as(what).isEqualTo(expected.interval());
                assertThat(actual.verdict()).as(what).isEqualTo(expected.verdict());
            });
        }
    }

    @Test
    void the_specs_pass() {
        assertThat(checks).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.spec() + "." + c.check()
                + " on " + c.slice()).isEqualTo(Verdict.PASSED));
    }
}
