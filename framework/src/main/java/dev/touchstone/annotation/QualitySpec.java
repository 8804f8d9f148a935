package dev.touchstone.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a class of quality checks, run by the {@code touchstone} JUnit Platform engine. Name
 * spec classes {@code ...QualityTest} so that Surefire's and Failsafe's default includes find them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.STABLE, since = "0.1")
public @interface QualitySpec {
}
