package dev.touchstone.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a method of a {@link QualitySpec} class as one quality check. Meta-annotated
 * {@link Testable} so that IDEs offer to run it.
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.STABLE, since = "0.1")
public @interface QualityCheck {

    /** How much a failure of this check matters (Allure's severity label). */
    Severity severity() default Severity.NORMAL;
}
