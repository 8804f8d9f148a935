package dev.touchstone.engine;

import dev.touchstone.baseline.EvaluationSource;
import dev.touchstone.config.internal.TouchstoneVersion;
import dev.touchstone.report.internal.AllureCategories;
import dev.touchstone.report.internal.AllureResult;
import dev.touchstone.report.internal.AllureResultsDirectory;
import dev.touchstone.report.internal.CiExecutor;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The run's Allure output. Without Allure's JUnit Platform listener the engine writes the
 * results itself, one per statement and slice, into {@code touchstone.allure.results.dir};
 * with the listener (a test case of its own is running on this thread) the evidence goes into
 * the listener's results instead, so no test is reported twice. Each directory is first cleared
 * of Touchstone's earlier runs, and gets categories, environment and, on CI, the executor at the
 * end. A report that cannot be written is a warning: the verdicts never depend on it.
 */
final class AllureOutput {

    private final AllureSettings settings;
    private final AllureListenerBridge bridge;
    private final Function<String, String> environment;
    private final Map<Path, AllureResultsDirectory> directories = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> fingerprints = new TreeMap<>();
    private final Set<String> models = new LinkedHashSet<>();
    private boolean warned;

    private AllureOutput(AllureSettings settings, AllureListenerBridge bridge, Function<String, String> environment) {
        this.settings = settings;
        this.bridge = bridge;
        this.environment = environment;
    }

    static AllureOutput create(AllureSettings settings) {
        return new AllureOutput(settings, settings.enabled() ? bridge() : null, System::getenv);
    }

    // Allure's classes are only touched once they are known to load: Allure stays optional.
    private static AllureListenerBridge bridge() {
        ClassLoader loader = AllureOutput.class.getClassLoader();
        if (!loads("io.qameta.allure.Allure", loader)) {
            return null;
        }
        return new AllureListenerBridge(loads("io.qameta.allure.junitplatform.AllureJunitPlatform", loader));
    }

    private static boolean loads(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** For tests: the environment variables CI servers set. */
    static AllureOutput create(AllureSettings settings, Function<String, String> environment) {
        return new AllureOutput(settings, null, environment);
    }

    boolean enabled() {
        return settings.enabled();
    }

    /**
     * Reports what one test (a check, or a slice of it) judged.
     *
     * @param results   its results, one per statement and slice
     * @param summaries what only Allure's listener needs: the per-slice statements of a check, whose
     *                  slices are tests of their own
     */
    synchronized void report(List<AllureResult> results, List<AllureResult> summaries) {
        if (!settings.enabled() || results.isEmpty() && summaries.isEmpty()) {
            return;
        }
        try {
            if (bridge != null && bridge.active()) {
                directory(bridge.resultsDirectory());
                bridge.enrich(results, summaries);
                return;
            }
            AllureResultsDirectory directory = directory(settings.directory());
            for (AllureResult result : results) {
                directory.write(result);
            }
        } catch (IOException | UncheckedIOException e) {
            warn(e);
        }
    }

    /** After each check: attachments shared by its slices are not shared further. */
    synchronized void checkDone() {
        directories.values().forEach(AllureResultsDirectory::forgetAttachments);
        if (bridge != null) {
            bridge.forgetAttachments();
        }
    }

    /** Remembers the models and datasets behind the statements, for {@code environment.properties}. */
    synchronized void sources(List<StatementResult> statements) {
        for (StatementResult statement : statements) {
            statement.source().ifPresent(this::source);
        }
    }

    private void source(EvaluationSource source) {
        models.add(source.model());
        fingerprints.computeIfAbsent(source.dataset(), d -> new TreeMap<>()).put(source.fingerprint(), source.model());
    }

    /** Categories, environment and executor for every directory the run wrote to (at least its own). */
    synchronized void finish(RunResults results) {
        if (!settings.enabled()) {
            return;
        }
        try {
            if (directories.isEmpty()) {
                directory(bridge != null && bridge.listening() ? bridge.resultsDirectory() : settings.directory());
            }
            Set<String> failed = new LinkedHashSet<>();
            Set<String> inconclusive = new LinkedHashSet<>();
            for (CheckEntry entry : results.checks()) {
                if (entry.metric() != null && entry.verdict() == Verdict.FAILED) {
                    failed.add(entry.metric());
                } else if (entry.metric() != null && entry.verdict() == Verdict.INCONCLUSIVE) {
                    inconclusive.add(entry.metric());
                }
            }
            Map<String, String> env = environment(results);
            for (AllureResultsDirectory directory : directories.values()) {
                directory.writeCategories(AllureCategories.of(failed, inconclusive));
                directory.writeEnvironment(env);
                CiExecutor.detect(environment).ifPresent(executor -> {
                    try {
                        directory.writeExecutor(executor);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException | UncheckedIOException e) {
            warn(e);
        }
    }

    private Map<String, String> environment(RunResults results) {
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> modelNames = new LinkedHashSet<>(models);
        Set<String> datasets = new LinkedHashSet<>(fingerprints.keySet());
        for (CheckEntry entry : results.checks()) {
            if (entry.model() != null) {
                modelNames.add(entry.model());
            }
            if (entry.dataset() != null) {
                datasets.add(entry.dataset());
            }
        }
        env.put("model", String.join(", ", modelNames));
        env.put("dataset", String.join(", ", datasets));
        StringBuilder fingerprint = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> dataset : fingerprints.entrySet()) {
            for (String value : dataset.getValue().keySet()) {
                if (fingerprint.length() > 0) {
                    fingerprint.append("; ");
                }
                fingerprint.append(dataset.getKey()).append(": ").append(value);
            }
        }
        env.put("data fingerprint", fingerprint.toString());
        env.put("seed", Long.toString(results.run().seed()));
        env.put("Touchstone version", TouchstoneVersion.current());
        if (results.run().runId() != null) {
            env.put("Touchstone run", results.run().runId());
        }
        return env;
    }

    // The first time the run uses a directory, Touchstone's earlier results leave it.
    private AllureResultsDirectory directory(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        AllureResultsDirectory directory = directories.get(key);
        if (directory == null) {
            directory = new AllureResultsDirectory(path);
            if (settings.clean()) {
                directory.removePreviousRuns();
            }
            directories.put(key, directory);
        }
        return directory;
    }

    private void warn(Exception e) {
        if (!warned) {
            warned = true;
            ConsoleReport.warning("Allure results not written (" + e.getMessage() + "); the quality verdicts are not "
                    + "affected. Set touchstone.allure.results.dir to a directory the tests can write, or "
                    + "touchstone.allure.enabled=false");
        }
    }
}
