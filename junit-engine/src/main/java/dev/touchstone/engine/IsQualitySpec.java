package dev.touchstone.engine;

import dev.touchstone.annotation.QualitySpec;
import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;

/** Classes the engine runs: annotated {@link QualitySpec}, concrete, and not an inner class. */
final class IsQualitySpec implements Predicate<Class<?>> {

    @Override
    public boolean test(Class<?> candidate) {
        return AnnotationSupport.isAnnotated(candidate, QualitySpec.class) && problem(candidate) == null;
    }

    static boolean isAnnotated(Class<?> candidate) {
        return AnnotationSupport.isAnnotated(candidate, QualitySpec.class);
    }

    /** Why an annotated class cannot be run, or {@code null}. */
    static String problem(Class<?> candidate) {
        int modifiers = candidate.getModifiers();
        if (Modifier.isAbstract(modifiers) || candidate.isInterface()) {
            return "is abstract";
        }
        if (Modifier.isPrivate(modifiers)) {
            return "is private";
        }
        if (candidate.isAnonymousClass() || candidate.isLocalClass()) {
            return "is a local or anonymous class";
        }
        if (candidate.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            return "is an inner class; make it static";
        }
        try {
            candidate.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return "has no constructor without parameters, so it cannot be instantiated";
        }
        return null;
    }
}
