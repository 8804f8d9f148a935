package dev.touchstone.maven;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.report.internal.AllureResultsDirectory;
import dev.touchstone.report.internal.MetricHistory;
import dev.touchstone.result.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/**
 * The metric-over-runs charts of the report: the values of {@code results.json} added to the
 * history kept beside Allure's own ({@code history/touchstone-metrics.json}), and a chart per
 * check and slice attached to its Allure result. Allure's trend counts statuses only; this one
 * shows the number a green status hides. A problem here costs the charts, never the report.
 */
final class MetricTrends {

    private MetricTrends() {
    }

    /**
     * Adds the run of {@code resultsFile} to the history carried into {@code allureResults/history}
     * and attaches the charts.
     *
     * @return the history, to keep with the report
     */
    static MetricHistory attach(Path allureResults, Path resultsFile, Log log) {
        Path stored = allureResults.resolve("history").resolve(MetricHistory.FILE_NAME);
        try {
            MetricHistory history = MetricHistory.read(stored);
            if (Files.isRegularFile(resultsFile)) {
                history = history.with(MetricHistory.of(ResultsJson.read(resultsFile)));
            }
            if (history.runs().isEmpty()) {
                return history;
            }
            Files.createDirectories(stored.getParent());
            AtomicFiles.write(stored, history.json());
            int charts = new AllureResultsDirectory(allureResults).attachTrends(history);
            log.info("Metric trends over " + history.runs().size() + (history.runs().size() == 1 ? " run" : " runs")
                    + ": " + charts + (charts == 1 ? " chart" : " charts"));
            return history;
        } catch (IOException | UncheckedIOException | QualityConfigurationException e) {
            log.warn("No metric trends in the report: " + e.getMessage());
            return MetricHistory.empty();
        }
    }

    /** Keeps the history with the report, where the next report carries it over from. */
    static void keep(MetricHistory history, Path reportDirectory, Log log) {
        if (history.runs().isEmpty()) {
            return;
        }
        Path file = reportDirectory.resolve("history").resolve(MetricHistory.FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, history.json());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Metric trends not kept for the next report (" + file + "): " + e.getMessage());
        }
    }
}
