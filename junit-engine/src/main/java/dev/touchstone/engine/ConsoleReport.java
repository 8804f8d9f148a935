package dev.touchstone.engine;

import java.nio.file.Path;

/** The engine's few lines on the console. */
final class ConsoleReport {

    private ConsoleReport() {
    }

    static void resultsWritten(Path file) {
        System.out.println("[touchstone] results written to " + file.toAbsolutePath().normalize());
    }
}
