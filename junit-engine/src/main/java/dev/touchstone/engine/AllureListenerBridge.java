package dev.touchstone.engine;

import dev.touchstone.report.internal.AllureKeys;
import dev.touchstone.report.internal.AllureResult;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.PropertiesUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Touchstone's evidence in the results of Allure's own JUnit Platform listener, for builds that
 * have {@code allure-junit-platform} on the test classpath: the listener writes one result per
 * JUnit test (a check, or a slice of it), and this adds Touchstone's suites, labels, parameters,
 * description and attachments to it, each statement as a step when a test has several. Only
 * loaded when Allure is on the classpath.
 */
final class AllureListenerBridge {

    /** Labels Touchstone sets, replacing the listener's (its suite is the spec class, flat). */
    private static final Set<String> REPLACED = Set.of("parentSuite", "suite", "subSuite", "feature", "story",
            "severity", "package", "testClass", "testMethod");

    /** The label the listener puts the test's unique ID in. */
    private static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    private static final String ENGINE_SEGMENT = "[engine:" + Constants.ENGINE_ID + "]";

    private final Map<AllureResult.Attachment, String> written = new HashMap<>();
    private final boolean listening;

    /** Only constructed once Allure is known to be on the classpath (see {@link AllureOutput}). */
    AllureListenerBridge(boolean listening) {
        this.listening = listening;
    }

    /** Whether Allure's listener is on the classpath (it reports every test unless disabled). */
    boolean listening() {
        return listening;
    }

    /**
     * Whether the listener has a test case of Touchstone's running on this thread: then it, not
     * Touchstone, writes the result. A test case of another engine (a Jupiter test that runs the
     * engine in-process) is not Touchstone's to enrich: its unique ID label tells.
     */
    boolean active() {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        Optional<String> current = lifecycle.getCurrentTestCase();
        if (current.isEmpty()) {
            return false;
        }
        boolean[] ours = {true};
        lifecycle.updateTestCase(current.get(), test -> test.getLabels().stream()
                .filter(l -> UNIQUE_ID_LABEL.equals(l.getName()) && l.getValue() != null).findFirst()
                .ifPresent(l -> ours[0] = l.getValue().startsWith(ENGINE_SEGMENT)));
        return ours[0];
    }

    /** Where the listener writes: Allure's {@code allure.results.directory}, by Allure's own rules. */
    Path resultsDirectory() {
        return Path.of(PropertiesUtils.loadAllureProperties().getProperty(AllureSettings.ALLURE_RESULTS_DIRECTORY,
                "allure-results"));
    }

    void forgetAttachments() {
        written.clear();
    }

    /**
     * Adds the evidence of the results (and summaries) to the running test case: one of them
     * directly, several as steps.
     */
    void enrich(List<AllureResult> results, List<AllureResult> summaries) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        List<AllureResult> all = new ArrayList<>(results);
        all.addAll(summaries);
        AllureResult first = all.get(0);
        Set<String> descriptions = new LinkedHashSet<>();
        all.forEach(r -> {
            if (r.descriptionHtml() != null) {
                descriptions.add(r.descriptionHtml());
            }
        });
        lifecycle.updateTestCase(test -> {
            test.getLabels().removeIf(l -> REPLACED.contains(l.getName()));
            for (AllureResult.Label label : first.labels()) {
                if (REPLACED.contains(label.name()) && !"subSuite".equals(label.name())) {
                    test.getLabels().add(new Label().setName(label.name()).setValue(label.value()));
                }
            }
            for (AllureResult r : results) {
                r.labels(AllureKeys.LABEL).forEach(k -> test.getLabels().add(new Label().setName(AllureKeys.LABEL)
                        .setValue(k)));
            }
            test.setDescriptionHtml(String.join("\n", descriptions));
            if (all.size() == 1) {
                test.getParameters().removeIf(p -> first.parameters().stream().anyMatch(q -> q.name().equals(p.getName())));
                first.parameters().forEach(p -> test.getParameters().add(parameter(p)));
                first.attachments().forEach(a -> test.getAttachments().add(attachment(lifecycle, a)));
            } else {
                all.forEach(r -> test.getSteps().add(step(lifecycle, r)));
            }
        });
    }

    private StepResult step(AllureLifecycle lifecycle, AllureResult result) {
        StepResult step = new StepResult().setName(result.name()).setStatus(status(result.status()))
                .setStage(Stage.FINISHED).setStart(result.start()).setStop(result.stop());
        if (result.message() != null) {
            step.setStatusDetails(new StatusDetails().setMessage(result.message()).setTrace(result.trace()));
        }
        result.parameters().forEach(p -> step.getParameters().add(parameter(p)));
        result.attachments().forEach(a -> step.getAttachments().add(attachment(lifecycle, a)));
        return step;
    }

    private Attachment attachment(AllureLifecycle lifecycle, AllureResult.Attachment a) {
        String source = written.get(a);
        if (source == null) {
            source = UUID.randomUUID() + "-attachment" + a.extension();
            lifecycle.writeAttachment(source, new ByteArrayInputStream(a.content().getBytes(StandardCharsets.UTF_8)));
            written.put(a, source);
        }
        return new Attachment().setName(a.name()).setType(a.type()).setSource(source);
    }

    private static Parameter parameter(AllureResult.Parameter p) {
        return new Parameter().setName(p.name()).setValue(p.value());
    }

    private static Status status(AllureResult.Status status) {
        return switch (status) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case BROKEN -> Status.BROKEN;
            case SKIPPED -> Status.SKIPPED;
        };
    }
}
