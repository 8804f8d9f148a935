package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.dynamicTestRegistered;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.engine.fixtures.FixtureData;
import dev.touchstone.engine.fixtures.InProcessAgainSpec;
import dev.touchstone.engine.fixtures.InProcessSpec;
import dev.touchstone.engine.fixtures.InvalidSpecs;
import dev.touchstone.engine.fixtures.MixedSpec;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

class TouchstoneTestEngineTest {

    @TempDir
    Path results;

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new TouchstoneTestEngine())
                .configurationParameter("touchstone.results.dir", results.toString());
    }

    @Nested
    class Discovers {

        @Test
        void builds_spec_and_check_descriptors_with_deterministic_ids() {
            // WHEN
            EngineDiscoveryResults discovered = kit().selectors(selectClass(MixedSpec.class)).discover();
            // THEN
            TestDescriptor engine = discovered.getEngineDescriptor();
            assertThat(engine.getUniqueId().toString()).isEqualTo("[engine:touchstone]");
            TestDescriptor spec = engine.getChildren().iterator().next();
            assertThat(spec.getUniqueId().toString())
                    .isEqualTo("[engine:touchstone]/[spec:" + MixedSpec.class.getName() + "]");
            assertThat(spec.getChildren()).extracting(d -> d.getUniqueId().getLastSegment().getValue())
                    .containsExactlyInAnyOrder("passes()", "fails()", "isInconclusive()", "errors()", "everyCamera()",
                            "twoStatementsBothReported()");
            assertThat(spec.getChildren()).allMatch(d -> d.getType() == TestDescriptor.Type.CONTAINER_AND_TEST);
        }

        @Test
        void resolves_methods_packages_and_unique_ids() {
            UniqueId check = UniqueId.forEngine("touchstone").append("spec", MixedSpec.class.getName())
                    .append("check", "fails()");
            assertThat(kit().selectors(selectMethod(MixedSpec.class, "passes")).discover()
                    .getEngineDescriptor().getDescendants()).hasSize(2);
            assertThat(kit().selectors(selectUniqueId(check)).discover().getEngineDescriptor().getDescendants())
                    .extracting(d -> d.getUniqueId()).contains(check);
            assertThat(kit().selectors(selectPackage(MixedSpec.class.getPackageName())).discover()
                    .getEngineDescriptor().getChildren())
                    .extracting(TestDescriptor::getDisplayName)
                    .contains("MixedSpec", "InProcessSpec", "InProcessAgainSpec", "BadChecks");
        }

        @Test
        void reports_invalid_specs_as_discovery_issues_instead_of_throwing() {
            // WHEN
            EngineDiscoveryResults discovered = kit().selectors(selectClass(InvalidSpecs.BadChecks.class),
                    selectClass(InvalidSpecs.NoDefaultConstructor.class), selectClass(InvalidSpecs.AbstractSpec.class))
                    .discover();
            // THEN
            List<String> messages = discovered.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("BadChecks#takesParameters", "takes parameters"));
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("BadChecks#isPrivate", "is private"));
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("NoDefaultConstructor", "cannot be instantiated"));
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("AbstractSpec", "abstract"));
            assertThat(discovered.getEngineDescriptor().getDescendants())
                    .extracting(d -> d.getUniqueId().getLastSegment().getValue())
                    .containsExactlyInAnyOrder(InvalidSpecs.BadChecks.class.getName(), "fine()");
        }

        @Test
        void does_not_load_data_or_models() {
            int before = FixtureData.CALLS.get();
            kit().selectors(selectClass(InProcessSpec.class)).discover();
            assertThat(FixtureData.CALLS.get()).isEqualTo(before);
        }
    }

    @Nested
    class Executes {

        @Test
        void maps_verdicts_to_test_outcomes() {
            // WHEN
            EngineExecutionResults run = kit().selectors(selectClass(MixedSpec.class)).execute();
            // THEN: 6 checks and the 4 dynamic slices of everyCamera
            run.testEvents().assertStatistics(s -> s.started(10).succeeded(4).failed(6).aborted(0));
            run.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("fails()"), finishedWithFailure(instanceOf(QualityAssertionError.class),
                            message(m -> m.contains("accuracy on slice camera=side") && m.contains("FAILED")))))
                    .haveExactly(1, event(test("isInconclusive()"), finishedWithFailure(
                            instanceOf(InconclusiveQualityError.class), evidence(m -> m.contains("to decide")))))
                    .haveExactly(1, event(test("errors()"), finishedWithFailure(
                            instanceOf(QualityConfigurationException.class), message(m -> m.contains("no/such/file.csv")))));
        }

        @Test
        void registers_one_dynamic_test_per_slice_and_fails_only_the_bad_one() {
            EngineExecutionResults run = kit().selectors(selectMethod(MixedSpec.class, "everyCamera")).execute();
            run.allEvents().assertThatEvents()
                    .haveExactly(4, event(dynamicTestRegistered("slice")))
                    .haveExactly(1, event(test("slice:camera=side"), finishedWithFailure(
                            instanceOf(QualityAssertionError.class), message(m -> m.contains("camera=side")))));
            run.testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(2));
            assertThat(run.allEvents().dynamicallyRegistered().list())
                    .extracting(e -> e.getTestDescriptor().getDisplayName())
                    .containsExactly("camera=front", "camera=rear", "camera=side", "camera=tiny");
        }

        @Test
        void reports_every_failing_statement_of_a_check() {
            EngineExecutionResults run = kit().selectors(selectMethod(MixedSpec.class, "twoStatementsBothReported"))
                    .execute();
            // the message is one line (Surefire's "Results:" lists it); the evidence of both is printed with it
            run.testEvents().assertThatEvents().haveExactly(1, event(test("twoStatementsBothReported()"),
                    finishedWithFailure(message(m -> m.startsWith("2 of 2 statements did not pass; the first: ")
                            && m.lines().count() == 1), evidence(m -> m.contains("accuracy on slice camera=side")
                            && m.contains("recall on slice camera=rear")))));
        }

        @Test
        void a_failing_check_s_trace_is_the_spec_s_own_frames_from_the_statement() {
            EngineExecutionResults run = kit().selectors(selectMethod(MixedSpec.class, "fails"),
                    selectMethod(MixedSpec.class, "isInconclusive")).execute();
            List<Throwable> failures = run.testEvents().failed().stream()
                    .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                            .getThrowable().orElseThrow()).toList();
            assertThat(failures).hasSize(2).allSatisfy(t -> {
                // MixedSpec.fails(MixedSpec.java:22): the line of the statement, nothing of the engine below it
                assertThat(t.getStackTrace()[0].getClassName()).isEqualTo(MixedSpec.class.getName());
                assertThat(t.getStackTrace()[0].getFileName()).isEqualTo("MixedSpec.java");
                assertThat(t.getStackTrace()).extracting(StackTraceElement::getClassName)
                        .allMatch(name -> name.startsWith(MixedSpec.class.getName()));
            });
        }

        @Test
        void reruns_one_slice_by_unique_id() {
            UniqueId slice = UniqueId.forEngine("touchstone").append("spec", MixedSpec.class.getName())
                    .append("check", "everyCamera()").append("slice", "camera=rear");
            EngineExecutionResults run = kit().selectors(selectUniqueId(slice)).execute();
            run.allEvents().assertThatEvents().haveExactly(1, event(dynamicTestRegistered("slice")));
            run.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        }

        @Test
        void aborts_inconclusive_checks_when_configured_to_skip() {
            EngineExecutionResults run = kit().selectors(selectMethod(MixedSpec.class, "isInconclusive"))
                    .configurationParameter("touchstone.inconclusive", "skip").execute();
            run.testEvents().assertThatEvents().haveExactly(1, event(test("isInconclusive()"),
                    abortedWithReason(instanceOf(TestAbortedException.class))));
        }

        @Test
        void fails_fast_on_a_bad_configuration_value() {
            EngineExecutionResults run = kit().selectors(selectClass(MixedSpec.class))
                    .configurationParameter("touchstone.confidence", "1.5").execute();
            run.allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    message(m -> m.contains("touchstone.confidence=1.5") && m.contains("(0, 1)")))));
        }

        @Test
        void calls_an_in_process_model_once_per_row_across_checks_and_specs() {
            int before = FixtureData.CALLS.get();
            kit().selectors(selectClass(InProcessSpec.class), selectClass(InProcessAgainSpec.class)).execute()
                    .testEvents().assertStatistics(s -> s.failed(0));
            assertThat(FixtureData.CALLS.get() - before).isIn(0, FixtureData.CAMERAS.size());
        }

        @Test
        void shows_readable_names() {
            EngineExecutionResults run = kit().selectors(selectMethod(MixedSpec.class, "everyCamera")).execute();
            assertThat(run.allEvents().dynamicallyRegistered().list())
                    .extracting(e -> e.getTestDescriptor().getLegacyReportingName())
                    .contains("everyCamera[camera=side][3]");
            run.testEvents().assertThatEvents().haveAtLeastOne(event(displayName("everyCamera()")));
        }
    }

    @Nested
    class WritesResults {

        @Test
        void writes_one_entry_per_statement_and_slice() {
            // WHEN
            kit().selectors(selectClass(MixedSpec.class)).configurationParameter("touchstone.seed", "7").execute();
            // THEN
            RunResults file = ResultsJson.read(results.resolve("results.json"));
            assertThat(file.schemaVersion()).isEqualTo(1);
            assertThat(file.run().seed()).isEqualTo(7);
            List<CheckEntry> checks = file.checks();
            // passes, fails, isInconclusive, errors, 4 slices of everyCamera, 2 statements
            assertThat(checks).hasSize(10);
            CheckEntry side = checks.stream().filter(c -> c.uniqueId().endsWith("[slice:camera=side]")).findFirst().orElseThrow();
            assertThat(side.spec()).isEqualTo(MixedSpec.class.getName());
            assertThat(side.check()).isEqualTo("everyCamera");
            assertThat(side.slice()).isEqualTo("camera=side");
            assertThat(side.metric()).isEqualTo("accuracy");
            assertThat(side.n()).isEqualTo(97);
            assertThat(side.value()).isCloseTo(58.0 / 97, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(side.interval().method()).isEqualTo("wilson");
            assertThat(side.expectation().kind()).isEqualTo("at_least");
            assertThat(side.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(side.message()).contains("camera=side");
            Set<Verdict> verdicts = checks.stream().map(CheckEntry::verdict).collect(Collectors.toSet());
            assertThat(verdicts).containsExactlyInAnyOrder(Verdict.PASSED, Verdict.FAILED, Verdict.INCONCLUSIVE, Verdict.ERROR);
            CheckEntry error = checks.stream().filter(c -> c.verdict() == Verdict.ERROR).findFirst().orElseThrow();
            assertThat(error.check()).isEqualTo("errors");
            assertThat(error.message()).contains("no/such/file.csv");
        }
    }

    /** The error as a stack trace prints it: its class and its whole evidence. */
    static org.assertj.core.api.Condition<Throwable> evidence(java.util.function.Predicate<String> predicate) {
        return new org.assertj.core.api.Condition<>(t -> predicate.test(t.toString()), "evidence matching predicate");
    }
}
