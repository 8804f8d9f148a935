package dev.touchstone.maven;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.maven.config.MojoOptionsConverter;
import dev.touchstone.maven.config.ReportOptions;
import dev.touchstone.report.internal.MetricHistory;
import dev.touchstone.result.ResultsJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Renders the Allure HTML report of {@code target/allure-results} (which the engine writes
 * itself, no Allure dependency needed), offline, with the Allure 2
 * commandline from Maven Central (the zip alone: its POM's dependencies are not resolved, one of
 * them is missing from Central). The previous report's {@code history} is carried over first, so
 * trends show, and each check and slice gets a chart of its metric over the runs of that history.
 * {@code -Dtouchstone.report.single-file=true} writes one self-contained
 * {@code index.html}.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractQualityMojo {

    static final String ALLURE_GROUP = "io.qameta.allure";
    static final String ALLURE_ARTIFACT = "allure-commandline";

    /** The Allure results the tests wrote (Allure's {@code allure.results.directory}). */
    @Parameter(property = "touchstone.report.allureResults", defaultValue = "${project.build.directory}/allure-results")
    File allureResults;

    /** Where the engine wrote {@code results.json} (the engine's {@code touchstone.results.dir}): the metric trends. */
    @Parameter(property = ConfigKeys.RESULTS_DIR, defaultValue = "${project.build.directory}/touchstone")
    File resultsDirectory;

    /** Where the HTML report goes; the history of the report already there is carried over. */
    @Parameter(property = "touchstone.report.dir", defaultValue = "${project.build.directory}/allure-report")
    File reportDirectory;

    /** One self-contained {@code index.html} (Allure's {@code --single-file}), handy as a CI artifact. */
    @Parameter(property = "touchstone.report.single-file", defaultValue = "false")
    boolean singleFile;

    /** The version of {@code io.qameta.allure:allure-commandline} to run. */
    @Parameter(property = MojoOptionsConverter.ALLURE_VERSION, defaultValue = "2.34.1")
    String allureVersion;

    /** Where the commandline is unpacked. */
    @Parameter(property = "touchstone.report.toolsDir", defaultValue = "${project.build.directory}/allure-commandline")
    File toolsDirectory;

    /** Fail when there are no Allure results; by default that is logged and the goal passes. */
    @Parameter(property = "touchstone.failIfNoResults", defaultValue = "false")
    boolean failIfNoResults;

    private final RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> remoteRepositories;

    @Inject
    public ReportMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    String goal() {
        return "report";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        ReportOptions options = MojoOptionsConverter.report(allureResults, reportDirectory, singleFile, allureVersion,
                toolsDirectory, failIfNoResults);
        if (isEmptyDirectory(options.allureResults())) {
            String what = "No Allure results at " + options.allureResults();
            if (options.failIfNoResults()) {
                throw new MojoFailureException(what + ": nothing to report (touchstone.failIfNoResults=true)");
            }
            getLog().info(what + ": skipping the report (the Touchstone engine writes them during the tests, into "
                    + ConfigKeys.ALLURE_RESULTS_DIR + ", default " + ConfigKeys.DEFAULT_ALLURE_RESULTS_DIR
                    + ": run mvn verify first, or point touchstone.report.allureResults at that directory)");
            return;
        }
        Path zip = resolveCommandline(options.allureVersion());
        Path home = AllureCommandline.unpack(zip, options.toolsDirectory(), options.allureVersion());

        Path history = options.reportDirectory().resolve("history");
        boolean carried = AllureCommandline.carryOverHistory(history, options.allureResults());
        if (carried) {
            getLog().info("Allure history carried over from " + history);
        }
        MetricHistory trends = MetricTrends.attach(options.allureResults(),
                resultsDirectory.toPath().resolve(ResultsJson.FILE_NAME), getLog());
        AllureCommandline.generate(home, options, getLog());
        if (!options.singleFile()) {
            MetricTrends.keep(trends, options.reportDirectory(), getLog());
        } else if (carried) {
            // a single-file report writes no history folder: keep the previous one for the next report
            AllureCommandline.copyTree(options.allureResults().resolve("history"), history);
        }
        getLog().info("Allure report: " + options.reportDirectory().resolve("index.html").toAbsolutePath().normalize());
    }

    private Path resolveCommandline(String version) throws MojoExecutionException {
        // the zip alone: no POM, no transitive dependencies (allure-generator's POM is not on Central)
        ArtifactRequest request = new ArtifactRequest(
                new DefaultArtifact(ALLURE_GROUP, ALLURE_ARTIFACT, "", "zip", version), remoteRepositories, null);
        try {
            return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve " + ALLURE_GROUP + ":" + ALLURE_ARTIFACT + ":" + version
                    + ":zip (" + MojoOptionsConverter.ALLURE_VERSION + "): " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws MojoExecutionException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(f -> !f.getFileName().toString().equals("history"));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the Allure results " + dir + ": " + e.getMessage(), e);
        }
    }
}
