package dev.touchstone.engine;

import dev.touchstone.config.internal.TouchstoneVersion;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code touchstone} JUnit Platform engine: runs {@code @QualitySpec} classes as a tree of
 * spec ▸ check ▸ slice, writes {@code results.json} and, when Allure is present, evidence for
 * Allure. Registered through {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TouchstoneTestEngine extends HierarchicalTestEngine<QualityExecutionContext> {

    /** The classpath is checked once per JVM, however many launchers discover. */
    private static final AtomicBoolean ALIGNMENT_CHECKED = new AtomicBoolean();

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.touchstone");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("touchstone-junit-engine");
    }

    @Override
    public Optional<String> getVersion() {
        return Optional.of(TouchstoneVersion.current());
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        if (ALIGNMENT_CHECKED.compareAndSet(false, true)) {
            // said before the launcher reports a failing engine with nothing but its ID
            JUnitAlignment.mismatch(JUnitAlignment.present(TouchstoneTestEngine.class.getClassLoader()))
                    .ifPresent(ConsoleReport::warning);
        }
        QualityEngineDescriptor engine = new QualityEngineDescriptor(uniqueId);
        DiscoverySelectorResolver.resolve(request, engine);
        return engine;
    }

    @Override
    protected QualityExecutionContext createExecutionContext(ExecutionRequest request) {
        return new QualityExecutionContext(request.getConfigurationParameters(), null, new RunCollector(),
                request.getEngineExecutionListener(), null);
    }
}
