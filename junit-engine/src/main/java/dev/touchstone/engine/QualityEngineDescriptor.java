package dev.touchstone.engine;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.MultiplicityScope;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.IoFailures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the tree; writes the results file after every spec ran. */
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
        if (context.configuration().settings().multiplicityScope() == MultiplicityScope.RUN) {
            Families.adjust(this, context);
        }
        return context;
    }

    @Override
    public void after(QualityExecutionContext context) {
        EngineConfiguration configuration = context.configuration();
        Path file = context.collector().write(configuration.resultsDir(), configuration.settings().seed());
        ConsoleReport.resultsWritten(file);
        if (configuration.recordOutcomes() || configuration.updateBaseline()) {
            Path candidate = context.collector().writeCandidate(configuration.resultsDir(),
                    configuration.outcomesMaxRows());
            if (configuration.updateBaseline()) {
                BaselineChange change = BaselineStore.replace(candidate,
                        configuration.settings().baselineDir().resolve(Baseline.PREVIOUS_RUN));
                ConsoleReport.baselineUpdated(change);
            }
        }
    }
}
