package dev.touchstone.maven;

import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the project's Surefire can do with the {@code touchstone} engine. Surefire before 2.22.0
 * runs no JUnit Platform engine at all (it prints {@code Tests run: 0}, and the gate would see no
 * results); Surefire 3.0 to 3.4 reports every slice of a check under the bare method name unless
 * its XML reporter uses display names. Versions: 3.2.5 collapses slices, 3.5.2 and 3.6.1 do not
 * (tested by the ITs); 3.3 and 3.4 were not tried, so they are warned about too.
 */
final class SurefireSupport {

    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
    /** The first Surefire with a JUnit Platform provider. */
    static final ComparableVersion FIRST_WITH_PLATFORM = new ComparableVersion("2.22.0");
    /** The first Surefire line known to report slices by their legacy names. */
    static final ComparableVersion FIRST_WITH_SLICE_NAMES = new ComparableVersion("3.5.0");
    /** What the README's POM pins. */
    static final String RECOMMENDED = "3.6.1";

    private SurefireSupport() {
    }

    /** The version of the Surefire plugin the project's build uses, if it has one. */
    static Optional<String> version(MavenProject project) {
        return surefire(project).map(Plugin::getVersion);
    }

    /** Why Surefire {@code version} cannot run the quality specs, or empty. */
    static Optional<String> cannotRunSpecs(String version) {
        if (new ComparableVersion(version).compareTo(FIRST_WITH_PLATFORM) >= 0) {
            return Optional.empty();
        }
        return Optional.of("maven-surefire-plugin " + version + " runs no JUnit Platform engine, so the quality specs "
                + "did not run (Surefire printed \"Tests run: 0\"): pin " + SUREFIRE + " " + RECOMMENDED
                + " (" + FIRST_WITH_PLATFORM + " at the very least) in <build><plugins>");
    }

    /** Why Surefire {@code version} reports slices badly, or empty. */
    static Optional<String> collapsesSlices(String version, boolean phrasedMethodNames) {
        ComparableVersion v = new ComparableVersion(version);
        if (phrasedMethodNames || v.compareTo(FIRST_WITH_PLATFORM) < 0 || v.compareTo(FIRST_WITH_SLICE_NAMES) >= 0) {
            return Optional.empty();
        }
        return Optional.of("maven-surefire-plugin " + version + " reports every slice of a check under the check's "
                + "method name (one <testcase name=\"recallOnEveryCamera\"> per camera, like reruns): pin " + SUREFIRE
                + " " + RECOMMENDED + ", or give its statelessTestsetReporter usePhrasedTestCaseMethodName=true");
    }

    /** Whether the XML reporter is configured to name test cases by their display names. */
    static boolean phrasedMethodNames(MavenProject project) {
        Optional<Plugin> plugin = surefire(project);
        if (plugin.isEmpty()) {
            return false;
        }
        if (phrased(plugin.get().getConfiguration())) {
            return true;
        }
        for (PluginExecution execution : plugin.get().getExecutions()) {
            if ("default-test".equals(execution.getId()) && phrased(execution.getConfiguration())) {
                return true;
            }
        }
        return false;
    }

    private static boolean phrased(Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return false;
        }
        Xpp3Dom reporter = dom.getChild("statelessTestsetReporter");
        Xpp3Dom phrased = reporter == null ? null : reporter.getChild("usePhrasedTestCaseMethodName");
        return phrased != null && "true".equalsIgnoreCase(String.valueOf(phrased.getValue()).trim());
    }

    private static Optional<Plugin> surefire(MavenProject project) {
        if (project == null || project.getBuild() == null) {
            return Optional.empty();
        }
        Plugin plugin = project.getBuild().getPluginsAsMap().get(SUREFIRE);
        return plugin == null || plugin.getVersion() == null ? Optional.empty() : Optional.of(plugin);
    }
}
