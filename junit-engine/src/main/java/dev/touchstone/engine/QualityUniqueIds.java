package dev.touchstone.engine;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;

/** Builds every unique ID of the engine: {@code [engine:touchstone]/[spec:…]/[check:m()]/[slice:camera=front]}. */
final class QualityUniqueIds {

    static final String SPEC = "spec";
    static final String CHECK = "check";
    static final String SLICE = "slice";

    private QualityUniqueIds() {
    }

    static UniqueId spec(UniqueId engine, Class<?> specClass) {
        return engine.append(SPEC, specClass.getName());
    }

    static UniqueId check(UniqueId spec, Method method) {
        return spec.append(CHECK, checkSegment(method));
    }

    static String checkSegment(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    static UniqueId slice(UniqueId check, String slice) {
        return check.append(SLICE, slice);
    }
}
