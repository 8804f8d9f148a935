package dev.touchstone.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.touchstone.annotation.QualityCheck;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** Resolves spec classes from class selectors and {@code [spec:…]} unique IDs. */
final class SpecClassResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final DiscoveryIssueReporter issues;

    SpecClassResolver(Predicate<String> classNameFilter, DiscoveryIssueReporter issues) {
        this.classNameFilter = classNameFilter;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return resolveClass(selector.getJavaClass(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        UniqueId.Segment last = id.getLastSegment();
        if (!QualityUniqueIds.SPEC.equals(last.getType())) {
            return Resolution.unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .map(c -> resolveClass(c, context))
                .orElseGet(() -> {
                    issues.reportIssue(DiscoveryIssue.builder(Severity.WARNING,
                            "unique ID " + id + " names spec class " + last.getValue() + ", which cannot be found"));
                    return Resolution.unresolved();
                });
    }

    private Resolution resolveClass(Class<?> specClass, Context context) {
        if (!IsQualitySpec.isAnnotated(specClass)) {
            return Resolution.unresolved();
        }
        String problem = IsQualitySpec.problem(specClass);
        if (problem != null) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR,
                    "@QualitySpec class " + specClass.getName() + " cannot be run: it " + problem)
                    .source(ClassSource.from(specClass)));
            return Resolution.unresolved();
        }
        Optional<SpecDescriptor> spec = context.addToParent(parent -> Optional.of(
                new SpecDescriptor(QualityUniqueIds.spec(parent.getUniqueId(), specClass), specClass)));
        return spec.map(descriptor -> Resolution.match(Match.exact(descriptor, () -> checks(specClass))))
                .orElse(Resolution.unresolved());
    }

    private static Set<org.junit.platform.engine.DiscoverySelector> checks(Class<?> specClass) {
        return AnnotationSupport.findAnnotatedMethods(specClass, QualityCheck.class, HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .map((Method m) -> selectMethod(specClass, m))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
