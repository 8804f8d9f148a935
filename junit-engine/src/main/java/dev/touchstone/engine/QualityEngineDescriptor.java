package dev.touchstone.engine;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.MultiplicityScope;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.export.ExportSettings;
import dev.touchstone.export.Exports;
import dev.touchstone.gate.MarkdownSummary;
import dev.touchstone.gate.Promotion;
import dev.touchstone.internal.io.IoFailures;
import dev.touchstone.result.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root of the tree. Before anything runs it removes the gate's summary of an earlier run
 * (whatever happens next, it no longer describes these results); after every spec ran it writes
 * the results file and the baseline candidate, then updates the baseline when asked to, and
 * records the entries comparisons found missing.
 */
final class QualityEngineDescriptor extends EngineDescriptor implements Node<QualityExecutionContext> {

    QualityEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Touchstone");
    }

    /**
     * Reads the configuration (a bad value fails the run here, naming the key), reports unknown
     * keys, and makes sure the results directory can be written before any check runs: a run
     * whose results cannot be written fails now, with the operating system's reason.
     */
    @Override
    public QualityExecutionContext prepare(QualityExecutionContext context) {
        ExportSettings.from(context::parameter); // a bad export option fails the run before anything runs
        QualityExecutionContext read = context.withConfigurationRead();
        EngineConfiguration configuration = read.configuration();
        configuration.warnings().forEach(ConsoleReport::warning);
        try {
            IoFailures.requireWritableDirectory(configuration.resultsDir());
        } catch (IOException e) {
            throw new QualityConfigurationException("configuration " + ConfigKeys.RESULTS_DIR + "="
                    + configuration.resultsDir() + " is invalid: expected a directory the run can write, but "
                    + IoFailures.describe(e), e);
        }
        return read;
    }

    @Override
    public QualityExecutionContext before(QualityExecutionContext context) {
        Path summary = context.configuration().resultsDir().resolve(MarkdownSummary.FILE_NAME);
        try {
            Files.deleteIfExists(summary);
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot remove the previous run's " + summary + ": " + e, e);
        }
        if (context.configuration().settings().multiplicityScope() == MultiplicityScope.RUN) {
            Families.adjust(this, context);
        }
        return context;
    }

    @Override
    public void after(QualityExecutionContext context) {
        EngineConfiguration configuration = context.configuration();
        RunCollector collector = context.collector();
        Path resultsDir = configuration.resultsDir();
        RunResults results = collector.write(resultsDir, configuration.settings().seed());
        Path resultsFile = resultsDir.resolve(dev.touchstone.result.ResultsJson.FILE_NAME);
        ConsoleReport.resultsWritten(resultsFile);
        context.allure().finish(results);
        RuntimeException failure = null;
        try {
            recordAndPromote(configuration, collector, results);
        } catch (RuntimeException e) {
            failure = e;
        }
        // last, and whatever the baseline did: a failed push must not keep the baseline candidate
        // from being written, and a refused promotion must not keep the metrics from being exported
        try {
            Exports.afterRun(resultsFile, ExportSettings.from(context::parameter),
                    line -> System.out.println("[touchstone] " + line));
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void recordAndPromote(EngineConfiguration configuration, RunCollector collector, RunResults results) {
        Path resultsDir = configuration.resultsDir();
        Map<Path, Set<String>> toRecord = collector.toRecord();
        if (!configuration.recordOutcomes() && !configuration.updateBaseline() && toRecord.isEmpty()) {
            return;
        }
        BaselineStore store = BaselineStore.standard();
        Path candidate = collector.writeCandidate(store, resultsDir, configuration.outcomesMaxRows());
        Path previousRun = configuration.settings().baselineDir().resolve(Baseline.PREVIOUS_RUN);
        if (configuration.updateBaseline()) {
            try {
                BaselineChange change = Promotion.promote(results, resultsDir, configuration.settings().baselineDir(),
                        new Promotion.Options(Baseline.PREVIOUS_RUN, configuration.prune(), configuration.force()), store);
                ConsoleReport.baselineUpdated(change);
            } catch (Promotion.Refused refused) {
                ConsoleReport.notice(refused.getMessage());
                throw refused;
            }
        }
        for (Map.Entry<Path, Set<String>> missing : toRecord.entrySet()) {
            boolean promoted = configuration.updateBaseline()
                    && missing.getKey().toAbsolutePath().normalize().equals(previousRun.toAbsolutePath().normalize());
            if (!promoted) {
                ConsoleReport.baselineRecorded(store.addMissing(candidate, collector.runId(), missing.getKey(),
                        missing.getValue()));
            }
        }
    }
}
