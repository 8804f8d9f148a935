package dev.touchstone.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.touchstone.annotation.QualityCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves checks from method selectors and {@code [check:…]} unique IDs, and slices from
 * {@code [slice:…]} unique IDs: a slice is created while its check runs, so its ID resolves to
 * the check, told to run only that slice.
 */
final class CheckMethodResolver implements SelectorResolver {

    private final DiscoveryIssueReporter issues;

    CheckMethodResolver(DiscoveryIssueReporter issues) {
        this.issues = issues;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> specClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!IsQualitySpec.isAnnotated(specClass) || !AnnotationSupport.isAnnotated(method, QualityCheck.class)) {
            return Resolution.unresolved();
        }
        return check(specClass, method, context)
                .map(check -> {
                    check.selectWhole();
                    return Resolution.match(Match.exact(check));
                })
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        String type = id.getLastSegment().getType();
        if (QualityUniqueIds.SLICE.equals(type)) {
            String slice = id.getLastSegment().getValue();
            return checkById(id.removeLastSegment(), context)
                    .map(check -> {
                        check.selectSlice(slice);
                        return Resolution.match(Match.partial(check));
                    })
                    .orElse(Resolution.unresolved());
        }
        if (!QualityUniqueIds.CHECK.equals(type)) {
            return Resolution.unresolved();
        }
        return checkById(id, context)
                .map(check -> {
                    check.selectWhole();
                    return Resolution.match(Match.exact(check));
                })
                .orElse(Resolution.unresolved());
    }

    private Optional<CheckDescriptor> checkById(UniqueId id, Context context) {
        if (!QualityUniqueIds.CHECK.equals(id.getLastSegment().getType())) {
            return Optional.empty();
        }
        UniqueId.Segment specSegment = id.removeLastSegment().getLastSegment();
        if (!QualityUniqueIds.SPEC.equals(specSegment.getType())) {
            return Optional.empty();
        }
        Optional<Class<?>> specClass = ReflectionSupport.tryToLoadClass(specSegment.getValue()).toOptional();
        String wanted = id.getLastSegment().getValue();
        Optional<Method> method = specClass.flatMap(c -> AnnotationSupport
                .findAnnotatedMethods(c, QualityCheck.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .filter(m -> QualityUniqueIds.checkSegment(m).equals(wanted))
                .findFirst());
        if (method.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.WARNING, "unique ID " + id
                    + " names a check that does not exist (renamed or removed?)"));
            return Optional.empty();
        }
        return check(specClass.get(), method.get(), context);
    }

    private Optional<CheckDescriptor> check(Class<?> specClass, Method method, Context context) {
        String problem = problem(method);
        if (problem != null) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, "@QualityCheck method "
                    + specClass.getName() + "#" + method.getName() + " cannot be run: it " + problem)
                    .source(MethodSource.from(specClass, method)));
            return Optional.empty();
        }
        return context.addToParent(() -> selectClass(specClass), parent -> Optional.of(
                new CheckDescriptor(QualityUniqueIds.check(parent.getUniqueId(), method), specClass, method)))
                .map(CheckDescriptor.class::cast);
    }

    static String problem(Method method) {
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            return "is private";
        }
        if (Modifier.isStatic(modifiers)) {
            return "is static";
        }
        if (Modifier.isAbstract(modifiers)) {
            return "is abstract";
        }
        if (method.getParameterCount() > 0) {
            return "takes parameters " + Arrays.toString(method.getParameterTypes()) + "; checks take none";
        }
        return null;
    }

}
