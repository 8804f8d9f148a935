package dev.touchstone.engine;

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
        return context.withConfigurationRead();
    }

    @Override
    public void after(QualityExecutionContext context) {
        EngineConfiguration configuration = context.configuration();
        Path file = context.collector().write(configuration.resultsDir(), configuration.settings().seed());
        ConsoleReport.resultsWritten(file);
    }
}
