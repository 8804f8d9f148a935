package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.touchstone.engine.fixtures.MixedSpec;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a fixture spec under Allure's own JUnit Platform listener, with an in-memory writer. */
class AllureIntegrationTest {

    @TempDir
    Path results;

    private final InMemoryWriter writer = new InMemoryWriter();
    private final AllureLifecycle lifecycle = new AllureLifecycle(writer);
    private final AllureLifecycle previous = Allure.getLifecycle();

    @AfterEach
    void restore() {
        Allure.setLifecycle(previous);
    }

    @Test
    void adds_parameters_labels_and_evidence_to_each_check_and_slice() {
        // GIVEN
        Allure.setLifecycle(lifecycle);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                .build());
        // WHEN
        launcher.execute(request().selectors(selectMethod(MixedSpec.class, "everyCamera"))
                .filters(includeEngines("touchstone"))
                .configurationParameter("touchstone.results.dir", results.toString())
                .configurationParameter("touchstone.allure.results.dir", results.resolve("own").toString())
                .build());
        // THEN
        TestResult side = writer.result("camera=side");
        assertThat(side.getStatus()).isEqualTo(io.qameta.allure.model.Status.FAILED);
        assertThat(side.getParameters()).extracting(Parameter::getName, Parameter::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("model", "logged-v1"),
                        org.assertj.core.groups.Tuple.tuple("dataset", "cameras"),
                        org.assertj.core.groups.Tuple.tuple("slice", "camera=side"),
                        org.assertj.core.groups.Tuple.tuple("metric", "accuracy"));
        assertThat(side.getLabels()).extracting(Label::getName, Label::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("feature", "logged-v1"),
                        org.assertj.core.groups.Tuple.tuple("story", "accuracy"),
                        org.assertj.core.groups.Tuple.tuple("severity", "critical"));
        assertThat(side.getLabels()).extracting(Label::getName, Label::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("parentSuite", MixedSpec.class.getName()),
                        org.assertj.core.groups.Tuple.tuple("suite", "everyCamera"));
        assertThat(side.getAttachments()).extracting(Attachment::getName)
                .contains("accuracy by slice", "Confusion matrix: camera=side");
        // the evidence shows on the test's page without opening an attachment
        assertThat(side.getDescriptionHtml()).contains("camera=side", "FAILED", "wilson");
        // the listener wrote the results: the engine wrote none of its own (no duplicates)
        assertThat(results.resolve("own").toFile().list((d, n) -> n.endsWith("-result.json"))).isNullOrEmpty();

        TestResult check = writer.result("everyCamera()");
        Attachment chart = check.getAttachments().stream().filter(a -> a.getName().equals("accuracy by slice"))
                .findFirst().orElseThrow();
        assertThat(chart.getType()).isEqualTo("image/svg+xml");
        assertThat(writer.content(check, "accuracy by slice")).contains("<svg", "camera=front", "camera=tiny");
    }

    private static final class InMemoryWriter implements AllureResultsWriter {
        private final List<TestResult> results = new CopyOnWriteArrayList<>();
        private final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

        @Override
        public void write(TestResult result) {
            results.add(result);
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream content) {
            try (content) {
                attachments.put(source, content.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        TestResult result(String name) {
            return results.stream().filter(r -> name.equals(r.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Allure result named " + name + " in "
                            + results.stream().map(TestResult::getName).toList()));
        }

        String content(TestResult result, String attachment) {
            Attachment a = result.getAttachments().stream().filter(x -> x.getName().equals(attachment)).findFirst()
                    .orElseThrow();
            return new String(attachments.get(a.getSource()), StandardCharsets.UTF_8);
        }
    }
}
