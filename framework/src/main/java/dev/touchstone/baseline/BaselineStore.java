package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.BuiltInMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The baseline store: directories laid out as {@code baseline.json} plus {@code outcomes/*.csv}.
 * Each run records a candidate under the results directory ({@value #CANDIDATE}); promoting it
 * replaces a baseline atomically (a sibling temporary directory is renamed into place), so a
 * crash never leaves a half-written baseline.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BaselineStore {

    /** The candidate baseline each run records, under the results directory. */
    public static final String CANDIDATE = "baseline-candidate";
    public static final String OUTCOMES = "outcomes";


    private BaselineStore() {
    }

    /**
     * Promotes the candidate recorded by the last run in {@code resultsDir} to the baseline
     * {@code name} under {@code baselineDir}, and says what changed.
     */
    public static BaselineChange promote(Path resultsDir, Path baselineDir, String name) {
        Path candidate = resultsDir.resolve(CANDIDATE);
        if (!Files.isRegularFile(candidate.resolve(BaselineFile.FILE_NAME))) {
            throw new QualityConfigurationException("no recorded run to promote: " + candidate.resolve(BaselineFile.FILE_NAME)
                    + " does not exist; run the quality specs first (mvn verify)");
        }
        return replace(candidate, baselineDir.resolve(name));
    }

    /** Replaces {@code target} with a copy of {@code source}, atomically; returns the change. */
    public static BaselineChange replace(Path source, Path target) {
        Map<String, BaselineEntry> before = Files.isRegularFile(target.resolve(BaselineFile.FILE_NAME))
                ? BaselineFile.read(target.resolve(BaselineFile.FILE_NAME)) : Map.of();
        Map<String, BaselineEntry> after = BaselineFile.read(source.resolve(BaselineFile.FILE_NAME));
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-new-");
            copyTree(source, staging);
            // The copy is named after its new home (a candidate becomes "previous-run").
            BaselineFile.write(staging.resolve(BaselineFile.FILE_NAME), target.getFileName().toString(),
                    java.time.Instant.now().toString(), dev.touchstone.config.TouchstoneVersion.current(),
                    new ArrayList<>(after.values()));
            Path retired = null;
            if (Files.exists(target)) {
                retired = Files.createTempDirectory(parent, "." + target.getFileName() + "-old-");
                Files.delete(retired);
                move(target, retired);
            }
            move(staging, target);
            if (retired != null) {
                deleteTree(retired);
            }
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write baseline " + target + ": " + e.getMessage(), e);
        }
        return change(target, before, after);
    }

    static BaselineChange change(Path target, Map<String, BaselineEntry> before, Map<String, BaselineEntry> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> improved = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (BaselineEntry now : after.values()) {
            BaselineEntry old = before.get(now.key());
            if (old == null) {
                added.add(now.key());
                continue;
            }
            double delta = now.value() - old.value();
            if (!higherIsBetter(now.metric())) {
                delta = -delta;
            }
            (delta > 0 ? improved : delta < 0 ? degraded : unchanged).add(now.key());
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                removed.add(key);
            }
        }
        return new BaselineChange(target, added, removed, improved, degraded, unchanged);
    }

    /** Whether larger values of a result's metric are better; user metrics are taken as higher-is-better. */
    public static boolean higherIsBetter(String metric) {
        return BuiltInMetrics.forResultName(metric).map(BuiltInMetric::higherIsBetter).orElse(true);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
