package dev.touchstone.scope;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One explicit scope decides settings, check and whether statements throw. */
class QualityScopeTest {

    static final Model MODEL = Model.logged("m", Dataset.builder("toy").columns("label", "predicted")
            .row("a", "a").row("a", "b").row("b", "b").row("b", "b").build().withLabel("label").withPrediction("predicted"));

    @Nested
    class Nesting {

        @Test
        void an_open_scope_is_current_until_closed_and_scopes_nest() {
            QualityScope outer = QualityScope.standalone().withSettings(TouchstoneSettings.defaults().withSeed(1));
            QualityScope inner = QualityScope.standalone().withSettings(TouchstoneSettings.defaults().withSeed(2));
            long[] seen = new long[3];
            outer.run(() -> {
                seen[0] = QualityScope.current().settings().seed();
                inner.run(() -> seen[1] = QualityScope.current().settings().seed());
                seen[2] = QualityScope.current().settings().seed();
            });
            assertThat(seen).containsExactly(1, 2, 1);
            assertThat(QualityScope.current().check()).isEmpty();
        }

        @Test
        void a_scope_is_closed_after_an_exception() {
            QualityScope scope = QualityScope.forCheck("Spec", "check");
            assertThatThrownBy(() -> scope.run(() -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(QualityScope.current().check()).isEmpty();
        }

        @Test
        void without_an_open_scope_system_properties_are_read() {
            String previous = System.getProperty(ConfigKeys.SEED);
            System.setProperty(ConfigKeys.SEED, "1234");
            try {
                assertThat(QualityScope.current().settings().seed()).isEqualTo(1234L);
                assertThat(QualityScope.standalone().withSettings(TouchstoneSettings.defaults())
                        .call(() -> QualityScope.current().settings().seed())).isEqualTo(42L);
            } finally {
                if (previous == null) {
                    System.clearProperty(ConfigKeys.SEED);
                } else {
                    System.setProperty(ConfigKeys.SEED, previous);
                }
            }
        }

        @Test
        void for_check_names_the_check() {
            assertThat(QualityScope.forCheck("com.acme.Spec", "recall").check())
                    .contains(new CheckId("com.acme.Spec", "recall"));
        }
    }

    @Nested
    class Failures {

        @Test
        void the_default_scope_throws_when_a_statement_fails() {
            assertThatThrownBy(() -> assertThat(MODEL).overall().accuracy().isAbove(0.9))
                    .isInstanceOf(QualityAssertionError.class);
        }

        @Test
        void a_collecting_scope_hands_every_result_over_and_does_not_throw() {
            List<StatementResult> judged = new ArrayList<>();
            QualityScope.standalone().collecting(judged::add, r -> { }).run(() -> {
                assertThat(MODEL).overall().accuracy().isAbove(0.9);
                assertThat(MODEL).overall().accuracy().isAbove(0.5);
            });
            assertThat(judged).extracting(StatementResult::verdict).containsExactly(Verdict.FAILED, Verdict.PASSED);
        }

        @Test
        void a_throwing_scope_hands_the_result_over_before_throwing() {
            List<StatementResult> judged = new ArrayList<>();
            assertThatThrownBy(() -> QualityScope.standalone().throwing(judged::add)
                    .run(() -> assertThat(MODEL).overall().accuracy().isAbove(0.9)))
                    .isInstanceOf(QualityAssertionError.class);
            assertThat(judged).hasSize(1);
        }
    }

    /** Issue 11 item 13: a statement that never reaches an expectation is reported, with where it was written. */
    @Nested
    class UnfinishedStatements {

        private QualityScope collecting() {
            return QualityScope.standalone().collecting(r -> { }, r -> { });
        }

        @Test
        void a_statement_without_an_expectation_is_unfinished_and_says_where() {
            QualityScope scope = collecting();
            scope.run(() -> assertThat(MODEL).overall().accuracy().withConfidence(0.95));

            assertThat(scope.unfinished()).singleElement().asString()
                    .startsWith("assertThat(m).overall().accuracy at QualityScopeTest.java:");
            assertThat(scope.finishedAny()).isFalse();
        }

        @Test
        void statements_that_reach_an_expectation_or_read_their_values_are_finished() {
            QualityScope scope = collecting();
            scope.run(() -> {
                var overall = assertThat(MODEL).overall();
                overall.accuracy().withConfidence(0.9).isAbove(0.1);
                overall.precision().forClass("a").actual();
            });

            assertThat(scope.unfinished()).isEmpty();
            assertThat(scope.finishedAny()).isTrue();
        }

        @Test
        void only_the_stage_where_writing_stopped_is_reported() {
            QualityScope scope = collecting();
            scope.run(() -> {
                var overall = assertThat(MODEL).overall();
                overall.accuracy().isAbove(0.1);
                overall.recall();
                assertThat(MODEL);
            });

            assertThat(scope.unfinished()).hasSize(2);
            assertThat(scope.unfinished().get(0)).startsWith("assertThat(m).overall().recall at ");
            assertThat(scope.unfinished().get(1)).startsWith("assertThat(m) at ");
        }

        @Test
        void monitoring_statements_are_tracked_like_the_others() {
            Dataset logs = Dataset.builder("logs").columns("label", "predicted", "ts", "x")
                    .row("a", "a", "2026-12-01T10:00:00Z", 1.0).row("b", "a", "2026-12-02T10:00:00Z", 2.0).build();
            QualityScope scope = collecting();
            scope.run(() -> {
                assertThat(logs).onLastWindowOf("ts", java.time.Period.ofDays(1)).column("x").hasNoDriftFrom(logs);
                assertThat(Model.logged("w", logs.withLabel("label").withPrediction("predicted")))
                        .onLastWindowOf("ts", java.time.Period.ofDays(1)).accuracy();
            });

            assertThat(scope.unfinished()).hasSize(2);
            assertThat(scope.unfinished().get(0)).startsWith("assertThat(logs).onLastWindowOf(ts/P1D).columns(x) at ");
            assertThat(scope.unfinished().get(1)).startsWith("assertThat(w).onLastWindowOf(ts/P1D).accuracy at ");
            assertThat(scope.finishedAny()).isFalse();
        }

        @Test
        void a_scope_with_no_statement_has_finished_none() {
            QualityScope scope = collecting();
            scope.run(() -> { });

            assertThat(scope.finishedAny()).isFalse();
            assertThat(scope.unfinished()).isEmpty();
        }
    }
}
