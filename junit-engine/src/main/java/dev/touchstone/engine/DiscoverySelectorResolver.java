package dev.touchstone.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Discovery: classes (also found through packages, classpath roots and modules), methods and
 * unique IDs. Cheap by design: it reads annotations and never initialises a spec class, so no
 * model or data is touched.
 */
final class DiscoverySelectorResolver {

    private static final EngineDiscoveryRequestResolver<QualityEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<QualityEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(new IsQualitySpec())
                    .addSelectorResolver(context -> new SpecClassResolver(context.getClassNameFilter(),
                            context.getIssueReporter()))
                    .addSelectorResolver(context -> new CheckMethodResolver(context.getIssueReporter()))
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build();

    private DiscoverySelectorResolver() {
    }

    static void resolve(EngineDiscoveryRequest request, QualityEngineDescriptor engine) {
        RESOLVER.resolve(request, engine);
    }
}
