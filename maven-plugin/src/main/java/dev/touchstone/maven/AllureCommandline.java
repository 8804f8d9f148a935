package dev.touchstone.maven;

import dev.touchstone.internal.io.FileTrees;
import dev.touchstone.maven.config.ReportOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Unpacks and runs the Allure 2 commandline with the Java that runs Maven. */
final class AllureCommandline {

    static final String MAIN_CLASS = "io.qameta.allure.CommandLine";
    private static final String UNPACKED_MARKER = ".unpacked";
    private static final long TIMEOUT_MINUTES = 10;

    private AllureCommandline() {
    }

    /** Unpacks {@code zip} under {@code tools} once; returns the commandline's home (the folder with {@code lib/}). */
    static Path unpack(Path zip, Path tools, String version) throws MojoExecutionException {
        Path target = tools.resolve("allure-commandline-" + version);
        try {
            if (!Files.isRegularFile(target.resolve(UNPACKED_MARKER))) {
                FileTrees.deleteIfExists(target);
                Files.createDirectories(target);
                Path root = target.toAbsolutePath().normalize();
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        Path out = root.resolve(entry.getName()).normalize();
                        if (!out.startsWith(root)) {
                            throw new MojoExecutionException("Refusing to unpack " + entry.getName() + " outside " + root + " from " + zip);
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(out);
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Files.writeString(target.resolve(UNPACKED_MARKER), zip.toString());
            }
            try (Stream<Path> children = Files.list(target)) {
                return children.filter(p -> Files.isDirectory(p.resolve("lib"))).findFirst()
                        .orElseThrow(() -> new MojoExecutionException("No lib/ folder in the Allure commandline " + zip));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot unpack the Allure commandline " + zip + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Copies the previous report's {@code history} into the results, so the new report shows trends. */
    static boolean carryOverHistory(Path history, Path allureResults) throws MojoExecutionException {
        if (!Files.isDirectory(history)) {
            return false;
        }
        copyTree(history, allureResults.resolve("history"));
        return true;
    }

    static void copyTree(Path source, Path target) throws MojoExecutionException {
        try {
            FileTrees.deleteIfExists(target);
            FileTrees.copy(source, target);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** {@code allure generate --clean [--single-file] -o <report> <results>} with the current Java. */
    static void generate(Path home, ReportOptions options, Log log) throws MojoExecutionException {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                home.resolve("lib").resolve("*") + File.pathSeparator + home.resolve("lib").resolve("config"),
                MAIN_CLASS, "generate", "--clean"));
        if (options.singleFile()) {
            command.add("--single-file");
        }
        command.addAll(List.of("-o", options.reportDirectory().toAbsolutePath().toString(),
                options.allureResults().toAbsolutePath().toString()));
        log.debug("Running " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("APP_HOME", home.toAbsolutePath().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Deque<String> tail = new ArrayDeque<>();
        int exit;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (InputStream out = process.getInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log.debug("[allure] " + line);
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MojoExecutionException("Allure did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while Allure generated the report", e);
        }
        if (exit != 0 || !Files.isRegularFile(options.reportDirectory().resolve("index.html"))) {
            throw new MojoExecutionException("Allure failed to generate " + options.reportDirectory() + " (exit " + exit
                    + "):" + System.lineSeparator() + String.join(System.lineSeparator(), tail));
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
