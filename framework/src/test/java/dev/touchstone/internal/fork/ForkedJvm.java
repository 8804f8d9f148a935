package dev.touchstone.internal.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a JVM of its own, with a small heap: for what must
 * hold when memory runs short (a 300 MB line, an endless response), which a test cannot do to
 * the JVM that runs the suite. The child's output goes to a file; a child that outlives the
 * timeout is killed and reported as such.
 */
public final class ForkedJvm {

    /** What the child did: its exit code (or -1 when it was killed), its output, and how long it ran. */
    public record Result(int exitCode, String output, Duration took, boolean killed) {
    }

    private ForkedJvm() {
    }

    public static Result run(Class<?> main, String maxHeap, Duration timeout, Path workDir, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "forked", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long started = System.nanoTime();
        boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(done ? process.exitValue() : -1, output, took, !done);
    }
}
