package dev.touchstone.engine;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.MultiplicityScope;
import dev.touchstone.export.ExportSettings;
import dev.touchstone.export.Exports;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the tree; writes the results file after every spec ran. */
final class QualityEngineDescriptor extends EngineDescriptor implements Node<QualityExecutionContext> {

    QualityEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Touchstone");
    }

    @Override
    public QualityExecutionContext prepare(QualityExecutionContext context) {
        ExportSettings.from(context::parameter); // a bad export option fails the run before anything runs
        return context.withConfigurationRead();
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
        // last: a failed push must not keep the baseline candidate from being written
        Exports.afterRun(file, ExportSettings.from(context::parameter), line -> System.out.println("[touchstone] " + line));
    }
}
