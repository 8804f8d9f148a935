package dev.touchstone.engine;

import dev.touchstone.annotation.Severity;
import dev.touchstone.report.ConfusionMatrixHtml;
import dev.touchstone.report.EvidenceHtml;
import dev.touchstone.report.SliceChartSvg;
import dev.touchstone.result.SliceResult;
import io.qameta.allure.Allure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Allure side of {@link AllureBridge}: only loaded when Allure is present. Allure attaches
 * to the test case its JUnit Platform listener started on this thread, so these calls run from
 * the executing node.
 */
final class AllureAttachments implements AllureBridge {

    @Override
    public void describe(List<SliceResult> slices, Severity severity) {
        if (slices.isEmpty() || Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        SliceResult first = slices.get(0);
        Allure.parameter("model", first.model());
        Allure.parameter("dataset", first.dataset());
        Set<String> sliceNames = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> expectations = new LinkedHashSet<>();
        for (SliceResult s : slices) {
            sliceNames.add(s.slice());
            metrics.add(s.metric());
            expectations.add(s.expectation().describe(3));
        }
        Allure.parameter("slice", String.join(", ", sliceNames));
        Allure.parameter("metric", String.join(", ", metrics));
        Allure.parameter("expectation", String.join("; ", expectations));
        Allure.feature(first.model());
        Allure.label("severity", severity.label());
        metrics.forEach(Allure::story);
        attach("Evidence", "text/html", ".html", EvidenceHtml.table(slices));
        for (SliceResult s : slices) {
            s.value().confusion().ifPresent(counts -> attach("Confusion matrix: " + s.slice(), "text/html", ".html",
                    ConfusionMatrixHtml.of(s.model() + " on " + s.slice(), counts)));
        }
    }

    @Override
    public void chart(List<SliceResult> slices) {
        if (slices.isEmpty() || Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        attach(slices.get(0).metric() + " by slice", "image/svg+xml", ".svg", SliceChartSvg.of(slices));
    }

    private static void attach(String name, String type, String extension, String content) {
        Allure.getLifecycle().addAttachment(name, type, extension, content.getBytes(StandardCharsets.UTF_8));
    }
}
