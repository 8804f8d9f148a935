package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A JUnit mix on the test classpath is named, with the BOM that aligns it. */
class JUnitAlignmentTest {

    @Test
    void a_platform_version_belongs_to_the_junit_release_of_the_same_minor() {
        assertThat(JUnitAlignment.release("junit-platform-launcher", "1.10.3")).isEqualTo("5.10.3");
        assertThat(JUnitAlignment.release("junit-jupiter-api", "5.10.3")).isEqualTo("5.10.3");
        assertThat(JUnitAlignment.release("junit-platform-engine", "6.0.3")).isEqualTo("6.0.3");
    }

    @Test
    void allures_5_10_artifacts_beside_the_engines_5_14_are_named_with_the_bom_to_import() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("junit-platform-engine", "1.14.4");
        versions.put("junit-platform-launcher", "1.10.3");
        versions.put("junit-jupiter-api", "5.10.3");
        versions.put("junit-jupiter-engine", "5.10.3");

        assertThat(JUnitAlignment.mismatch(versions)).hasValue("JUnit artifacts of different releases on the test "
                + "classpath (junit-platform-engine 1.14.4, junit-platform-launcher 1.10.3, junit-jupiter-api 5.10.3, "
                + "junit-jupiter-engine 5.10.3): an engine then fails to discover tests (\"TestEngine with ID "
                + "'junit-jupiter' failed to discover tests\"). Import org.junit:junit-bom:5.14.4 in "
                + "<dependencyManagement> so that every JUnit artifact has one version "
                + "(io.qameta.allure:allure-junit-platform, for one, brings 5.10 artifacts)");
    }

    @Test
    void one_release_is_aligned() {
        assertThat(JUnitAlignment.mismatch(Map.of("junit-platform-engine", "1.14.4", "junit-jupiter-api", "5.14.4")))
                .isEmpty();
        assertThat(JUnitAlignment.mismatch(Map.of("junit-platform-engine", "6.0.3", "junit-jupiter-api", "6.0.3")))
                .isEmpty();
    }

    @Test
    void the_versions_are_read_from_the_jars_on_this_classpath_and_this_build_is_aligned() {
        Map<String, String> present = JUnitAlignment.present(getClass().getClassLoader());

        assertThat(present).containsKeys("junit-platform-commons", "junit-platform-engine", "junit-jupiter-api");
        assertThat(present.get("junit-platform-engine")).matches("1\\.\\d+\\.\\d+.*");
        assertThat(JUnitAlignment.mismatch(present)).isEmpty();
    }

    @Test
    void versions_compare_by_number() {
        assertThat(JUnitAlignment.compare("5.9.3", "5.10.3")).isNegative();
        assertThat(JUnitAlignment.compare("5.14.4", "5.14.4")).isZero();
        assertThat(JUnitAlignment.compare("6.0.0", "5.14.4")).isPositive();
    }
}
