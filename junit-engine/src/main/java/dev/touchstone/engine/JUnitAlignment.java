package dev.touchstone.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The versions of the JUnit artifacts on the test classpath. A mix (Allure's POM brings 5.10
 * artifacts beside the engine's 5.14) makes the Jupiter engine fail with only "TestEngine with ID
 * 'junit-jupiter' failed to discover tests"; this names the artifacts and the BOM to import.
 */
final class JUnitAlignment {

    /** Artifact → a class only that artifact holds; its package carries the jar's Implementation-Version. */
    private static final Map<String, String> ARTIFACTS = new LinkedHashMap<>();

    static {
        ARTIFACTS.put("junit-platform-commons", "org.junit.platform.commons.util.ReflectionUtils");
        ARTIFACTS.put("junit-platform-engine", "org.junit.platform.engine.TestEngine");
        ARTIFACTS.put("junit-platform-launcher", "org.junit.platform.launcher.Launcher");
        ARTIFACTS.put("junit-jupiter-api", "org.junit.jupiter.api.Test");
        ARTIFACTS.put("junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine");
        ARTIFACTS.put("junit-jupiter-params", "org.junit.jupiter.params.ParameterizedTest");
    }

    private JUnitAlignment() {
    }

    /** The JUnit artifacts {@code loader} sees, with their versions, in a fixed order. */
    static Map<String, String> present(ClassLoader loader) {
        Map<String, String> versions = new LinkedHashMap<>();
        ARTIFACTS.forEach((artifact, className) -> {
            try {
                Package pkg = Class.forName(className, false, loader).getPackage();
                String version = pkg == null ? null : pkg.getImplementationVersion();
                if (version != null) {
                    versions.put(artifact, version);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not on the classpath
            }
        });
        return versions;
    }

    /** The junit-bom version an artifact's version belongs to: the Platform's 1.N.M ships in JUnit 5.N.M; from 6.0 on they are equal. */
    static String release(String artifact, String version) {
        if (artifact.startsWith("junit-platform-") && version.startsWith("1.")) {
            return "5." + version.substring(2);
        }
        return version;
    }

    /** What to align, when the artifacts belong to more than one JUnit release. */
    static Optional<String> mismatch(Map<String, String> versions) {
        TreeSet<String> releases = new TreeSet<>(JUnitAlignment::compare);
        List<String> listed = new ArrayList<>();
        versions.forEach((artifact, version) -> {
            releases.add(release(artifact, version));
            listed.add(artifact + " " + version);
        });
        if (releases.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("JUnit artifacts of different releases on the test classpath (" + String.join(", ", listed)
                + "): an engine then fails to discover tests (\"TestEngine with ID 'junit-jupiter' failed to discover "
                + "tests\"). Import org.junit:junit-bom:" + releases.last() + " in <dependencyManagement> so that every "
                + "JUnit artifact has one version (io.qameta.allure:allure-junit-platform, for one, brings 5.10 artifacts)");
    }

    /** Numeric order of dotted versions (5.9.3 before 5.10.3); a non-numeric part compares as text. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
