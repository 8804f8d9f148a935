package dev.touchstone.engine;

import dev.touchstone.config.MultiplicityScope;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A {@code @QualitySpec} class. The class is instantiated once, when the spec starts: that is
 * when its static fields (datasets, models) are initialised, never during discovery.
 */
final class SpecDescriptor extends AbstractTestDescriptor implements Node<QualityExecutionContext> {

    private final Class<?> specClass;

    SpecDescriptor(UniqueId uniqueId, Class<?> specClass) {
        super(uniqueId, specClass.getSimpleName(), ClassSource.from(specClass));
        this.specClass = specClass;
    }

    Class<?> specClass() {
        return specClass;
    }

    @Override
    public Type getType() {
        return TestDescriptor.Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return specClass.getName();
    }

    private Object instance;

    /** The spec's one instance; created on first use (ahead of execution for run-wide families). */
    Object instance() {
        if (instance == null) {
            instance = ReflectionSupport.newInstance(specClass);
        }
        return instance;
    }

    @Override
    public QualityExecutionContext before(QualityExecutionContext context) {
        QualityExecutionContext mine = context.withSpecInstance(instance());
        if (context.configuration().settings().multiplicityScope() == MultiplicityScope.SPEC) {
            Families.adjust(this, mine);
        }
        return mine;
    }
}
