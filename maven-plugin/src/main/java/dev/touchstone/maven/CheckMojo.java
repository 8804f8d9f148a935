package dev.touchstone.maven;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.gate.Gate;
import dev.touchstone.gate.GateReport;
import dev.touchstone.gate.GateTable;
import dev.touchstone.gate.MarkdownSummary;
import dev.touchstone.gate.Violation;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.maven.config.CheckOptions;
import dev.touchstone.maven.config.MojoOptionsConverter;
import dev.touchstone.maven.config.RuleConfiguration;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunInfo;
import dev.touchstone.result.RunResults;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The quality gate: reads {@code results.json}, prints a summary table (failures first), writes
 * {@code summary.md} beside it, and fails the build when a check FAILED or could not be
 * evaluated, when one is INCONCLUSIVE under the fail policy, or when a POM rule is violated,
 * beyond {@code maxAllowedViolations}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractQualityMojo {

    /** Where the engine wrote {@code results.json} (the engine's {@code touchstone.results.dir}). */
    @Parameter(property = ConfigKeys.RESULTS_DIR, defaultValue = "${project.build.directory}/touchstone")
    File resultsDirectory;

    /** Fail the build when the gate fails; when false, violations are logged at WARN and the build goes on. */
    @Parameter(property = "touchstone.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /** Fail when there is no results file (or it holds no result); by default that is logged and the goal passes. */
    @Parameter(property = "touchstone.failIfNoResults", defaultValue = "false")
    boolean failIfNoResults;

    /** What an INCONCLUSIVE result does to the gate: {@code fail} (a violation) or {@code skip} (reported only). */
    @Parameter(property = ConfigKeys.INCONCLUSIVE, defaultValue = "fail")
    String inconclusive;

    /** How many violations the gate tolerates; a check that could not be evaluated is never tolerated. */
    @Parameter(property = MojoOptionsConverter.MAX_ALLOWED_VIOLATIONS, defaultValue = "0")
    String maxAllowedViolations;

    /** At most this many INCONCLUSIVE results, whatever the policy; unset means no cap. */
    @Parameter(property = MojoOptionsConverter.MAX_INCONCLUSIVE)
    String maxInconclusive;

    /**
     * Rules the team adds without touching specs:
     * {@code <rules><rule><slices>camera=*</slices><limits><limit><metric>recall</metric><minimum>0.80</minimum></limit></limits></rule></rules>}.
     */
    @Parameter
    List<RuleConfiguration> rules;

    /** The committed baseline store (the engine's {@code touchstone.baseline.dir}): the gate says how much of it ran. */
    @Parameter(property = ConfigKeys.BASELINE_DIR, defaultValue = "${project.basedir}/src/test/touchstone")
    File baselineDirectory;

    /** The baseline whose entries the gate counts ({@code previous-run}). */
    @Parameter(property = MojoOptionsConverter.BASELINE_NAME, defaultValue = "previous-run")
    String baselineName;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    String goal() {
        return "check";
    }

    @Override
    void skipped(String reason) throws MojoExecutionException {
        writeSummary(summaryFile(), MarkdownSummary.notJudged(false, "Touchstone quality gate skipped: " + reason));
    }

    private Path summaryFile() {
        return resultsDirectory.toPath().resolve(MarkdownSummary.FILE_NAME);
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        CheckOptions options;
        try {
            options = MojoOptionsConverter.check(resultsDirectory, haltOnFailure, failIfNoResults, inconclusive,
                    maxAllowedViolations, maxInconclusive, rules == null ? List.of() : rules,
                    new File(baselineDirectory, baselineName == null ? "" : baselineName.trim()), filteredRun());
        } catch (QualityConfigurationException e) {
            throw new MojoExecutionException("Invalid Touchstone configuration: " + e.getMessage(), e);
        }
        // the summary is written on every path below: a pull request never shows an earlier build's verdict
        String skippedTests = skippedTests();
        if (skippedTests != null) {
            String line = "Touchstone quality gate skipped: the tests were skipped (" + skippedTests + "), so this build "
                    + "has no quality results to judge";
            getLog().info(line);
            writeSummary(options.summaryFile(), MarkdownSummary.notJudged(false, line));
            return;
        }
        Path file = options.resultsFile();
        if (!Files.exists(file)) {
            surefireCannotRunSpecs(options);
            noResults("No Touchstone results at " + file, options);
            return;
        }
        RunResults results;
        try {
            results = ResultsJson.read(file);
        } catch (QualityConfigurationException e) {
            // one line (a parser's message may hold the location on a line of its own), and no cause:
            // Maven would append the cause's multi-line message again
            getLog().debug(e);
            String problem = "Cannot read the Touchstone results: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            writeSummary(options.summaryFile(), MarkdownSummary.notJudged(true, problem));
            throw new MojoExecutionException(problem);
        }
        String stale = staleness(file, results.run(), buildStart(), Instant.now());
        if (stale != null) {
            surefireCannotRunSpecs(options);
            String verdict = "Touchstone quality gate failed: " + stale;
            writeSummary(options.summaryFile(), MarkdownSummary.notJudged(true, verdict));
            if (options.haltOnFailure()) {
                throw new MojoFailureException(verdict);
            }
            getLog().warn(verdict + " (touchstone.haltOnFailure=false: the build goes on)");
            return;
        }
        if (results.checks().isEmpty()) {
            noResults("Touchstone results at " + file + " hold no check", options);
            return;
        }

        SurefireSupport.version(project)
                .flatMap(version -> SurefireSupport.collapsesSlices(version, SurefireSupport.phrasedMethodNames(project)))
                .ifPresent(getLog()::warn);
        GateReport report = Gate.evaluate(results, options.gate());
        getLog().info("Touchstone results: " + file);
        for (String line : GateTable.render(report)) {
            getLog().info(line);
        }
        for (Violation notice : report.notices()) {
            getLog().warn(notice.message());
        }
        boolean fails = !report.passed() && options.haltOnFailure();
        for (Violation violation : report.violations()) {
            if (fails) {
                getLog().error(violation.message());
            } else {
                getLog().warn(violation.message());
            }
        }
        writeSummary(options.summaryFile(), MarkdownSummary.render(report));
        getLog().info("Touchstone summary: " + options.summaryFile());

        if (report.passed()) {
            getLog().info(report.summary());
        } else if (options.haltOnFailure()) {
            throw new MojoFailureException(report.summary());
        } else {
            getLog().warn(report.summary() + " (touchstone.haltOnFailure=false: the build goes on)");
        }
    }

    /**
     * A build error when the project has test classes but a Surefire that runs no JUnit Platform
     * engine: missing (or an earlier build's) results then mean the specs could not run, not that
     * there are none.
     */
    private void surefireCannotRunSpecs(CheckOptions options) throws MojoExecutionException {
        if (!hasTestClasses()) {
            return;
        }
        Optional<String> problem = SurefireSupport.version(project).flatMap(SurefireSupport::cannotRunSpecs);
        if (problem.isPresent()) {
            String verdict = "Touchstone quality gate failed: " + problem.get();
            writeSummary(options.summaryFile(), MarkdownSummary.notJudged(true, verdict));
            throw new MojoExecutionException(verdict);
        }
    }

    private boolean hasTestClasses() {
        if (project == null || project.getBuild() == null || project.getBuild().getTestOutputDirectory() == null) {
            return false;
        }
        try (Stream<Path> files = Files.walk(Path.of(project.getBuild().getTestOutputDirectory()))) {
            return files.anyMatch(f -> f.toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    private void noResults(String what, CheckOptions options) throws MojoFailureException, MojoExecutionException {
        if (options.failIfNoResults()) {
            String verdict = what + ": the quality gate has no evidence to pass on (touchstone.failIfNoResults=true)";
            writeSummary(options.summaryFile(), MarkdownSummary.notJudged(true, verdict));
            throw new MojoFailureException(verdict);
        }
        String line = what + ": skipping the quality gate (quality specs write it when they run with "
                + "touchstone-junit-engine; set touchstone.failIfNoResults=true to fail instead)";
        getLog().info(line);
        writeSummary(options.summaryFile(), MarkdownSummary.notJudged(false, line));
    }

    /** {@code skipTests} or {@code maven.test.skip} when set (to anything but false) for this build, else null. */
    private String skippedTests() {
        for (String key : List.of("skipTests", "maven.test.skip")) {
            String value = property(key);
            if (value != null && !"false".equalsIgnoreCase(value.trim())) {
                return key + (value.isBlank() || "true".equalsIgnoreCase(value.trim()) ? "" : "=" + value.trim());
            }
        }
        return null;
    }

    // -Dtest selects tests: a run that covers part of the baseline is expected
    private boolean filteredRun() {
        String test = property("test");
        String itTest = property("it.test");
        return test != null && !test.isBlank() || itTest != null && !itTest.isBlank();
    }

    private String property(String key) {
        if (session != null) {
            String user = session.getUserProperties().getProperty(key);
            if (user != null) {
                return user;
            }
            String system = session.getSystemProperties().getProperty(key);
            if (system != null) {
                return system;
            }
        }
        return project == null ? null : project.getProperties().getProperty(key);
    }

    private Instant buildStart() {
        if (session == null || session.getRequest() == null || session.getRequest().getStartTime() == null) {
            return null;
        }
        return session.getRequest().getStartTime().toInstant();
    }

    /**
     * Why the results do not come from this build, or null: written before it started (the tests
     * did not run in this build), or after now (a clock or a file from elsewhere). Such results
     * never pass the gate.
     */
    static String staleness(Path file, RunInfo run, Instant buildStarted, Instant now) {
        Instant finished = run.finishedAt();
        if (finished.isAfter(now)) {
            return "the results at " + file + " say they were written at " + finished + ", after now (" + now
                    + "): they cannot be this build's (a wrong clock, or a file from elsewhere)";
        }
        if (buildStarted != null && finished.isBefore(buildStarted)) {
            return "the results at " + file + " were written at " + finished + ", before this build started ("
                    + buildStarted + "): the quality specs did not run in this build, and an earlier build's results "
                    + "are not judged (run the tests, or skip the gate with -Dtouchstone.skip)";
        }
        return null;
    }

    static void writeSummary(Path file, String markdown) throws MojoExecutionException {
        try {
            AtomicFiles.write(file, markdown.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the Touchstone summary " + file + ": " + e.getMessage(), e);
        }
    }
}
