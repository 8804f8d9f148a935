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

/** Checks that the lake (Parquet) and the warehouse (PostgreSQL) gave the same numbers and verdicts. */
class SameNumbersIT {

    private final List<CheckEntry> checks = ResultsJson.read(Path.of("target/touchstone/results.json")).checks();

    private Map<String, CheckEntry> of(Class<?> spec) {
        return checks.stream().filter(c -> spec.getName().equals(c.spec()))
                .collect(Collectors.toMap(c -> c.check() + " on " + c.slice() + ": " + c.metric(), Function.identity()));
    }

    @Test
    void every_statement_has_the_same_value_n_interval_and_verdict_on_both_sources() {
        Map<String, CheckEntry> lake = of(LakeQualityTest.class);
        Map<String, CheckEntry> warehouse = of(WarehouseQualityTest.class);

        // 1 slice of new customers, 4 regions, 1 slice of paying customers, 3 plans, 5 days
        assertThat(lake).hasSize(1 + 4 + 1 + 3 + 5);
        assertThat(warehouse.keySet()).isEqualTo(lake.keySet());
        lake.forEach((statement, expected) -> {
            CheckEntry actual = warehouse.get(statement);
            assertThat(actual.value()).as(statement).isEqualTo(expected.value());
            assertThat(actual.n()).as(statement).isEqualTo(expected.n());
            assertThat(actual.interval()).as(statement).isEqualTo(expected.interval());
            assertThat(actual.verdict()).as(statement).isEqualTo(expected.verdict());
        });
    }

    @Test
    void the_specs_pass() {
        assertThat(checks).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.spec() + "." + c.check()
                + " on " + c.slice()).isEqualTo(Verdict.PASSED));
    }
}
