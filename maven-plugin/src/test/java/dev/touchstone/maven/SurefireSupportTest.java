package dev.touchstone.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Which Surefire versions the gate refuses or warns about, and what it tells the user to pin. */
class SurefireSupportTest {

    @Test
    void a_surefire_without_a_junit_platform_provider_cannot_run_the_specs() {
        assertThat(SurefireSupport.cannotRunSpecs("2.12.4")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("maven-surefire-plugin 2.12.4 runs no JUnit Platform engine, so the quality specs did not run")
                .contains("pin org.apache.maven.plugins:maven-surefire-plugin 3.6.1 (2.22.0 at the very least)"));
        assertThat(SurefireSupport.cannotRunSpecs("2.21.0")).isPresent();
        assertThat(SurefireSupport.cannotRunSpecs("2.22.0")).isEmpty();
        assertThat(SurefireSupport.cannotRunSpecs("3.2.5")).isEmpty();
        assertThat(SurefireSupport.cannotRunSpecs("3.6.1")).isEmpty();
    }

    @Test
    void surefire_3_before_3_5_collapses_slices_unless_its_reporter_uses_display_names() {
        assertThat(SurefireSupport.collapsesSlices("3.2.5", false)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("maven-surefire-plugin 3.2.5 reports every slice of a check under the check's method name")
                .contains("pin org.apache.maven.plugins:maven-surefire-plugin 3.6.1")
                .contains("usePhrasedTestCaseMethodName=true"));
        assertThat(SurefireSupport.collapsesSlices("3.0.0-M5", false)).isPresent();
        assertThat(SurefireSupport.collapsesSlices("3.2.5", true)).isEmpty();
        assertThat(SurefireSupport.collapsesSlices("3.5.2", false)).isEmpty();
        assertThat(SurefireSupport.collapsesSlices("3.6.1", false)).isEmpty();
        // too old to run the specs at all: that is the other message
        assertThat(SurefireSupport.collapsesSlices("2.12.4", false)).isEmpty();
    }

    @Test
    void the_version_and_the_reporter_configuration_come_from_the_project_build() throws Exception {
        Plugin surefire = new Plugin();
        surefire.setGroupId("org.apache.maven.plugins");
        surefire.setArtifactId("maven-surefire-plugin");
        surefire.setVersion("3.2.5");
        MavenProject project = project(surefire);

        assertThat(SurefireSupport.version(project)).contains("3.2.5");
        assertThat(SurefireSupport.phrasedMethodNames(project)).isFalse();

        surefire.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration><statelessTestsetReporter>"
                + "<usePhrasedTestCaseMethodName> true </usePhrasedTestCaseMethodName>"
                + "</statelessTestsetReporter></configuration>")));
        assertThat(SurefireSupport.phrasedMethodNames(project)).isTrue();

        assertThat(SurefireSupport.version(project(null))).isEmpty();
    }

    private static MavenProject project(Plugin plugin) {
        Model model = new Model();
        Build build = new Build();
        if (plugin != null) {
            build.addPlugin(plugin);
        }
        model.setBuild(build);
        return new MavenProject(model);
    }
}
