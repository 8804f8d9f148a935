package dev.touchstone.data.source;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per JVM by {@code .ci/postgres.sh} on a
 * free loopback port and stopped when the JVM exits. Missing binaries fail the tests (CI must
 * install Debian's postgresql package); {@code -Dtouchstone.test.postgres=skip} skips them instead,
 * for a machine without it, and says so.
 */
final class PostgresServer {

    static final String USER = "touchstone";
    static final String PASSWORD = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    private static PostgresServer shared;

    private final int port;

    private PostgresServer(int port) {
        this.port = port;
    }

    static synchronized PostgresServer shared() {
        if ("skip".equals(System.getProperty("touchstone.test.postgres"))) {
            Assumptions.abort("PostgreSQL tests skipped: -Dtouchstone.test.postgres=skip");
        }
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    void execute(String... sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        try (Connection connection = DriverManager.getConnection(url(), properties);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static PostgresServer start() {
        Path script = script();
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), "start", Integer.toString(port),
                    USER)).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", PASSWORD); // not an argument: ps shows arguments to every user
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("could not start PostgreSQL with " + script + " (exit "
                        + process.exitValue() + "); install Debian's postgresql package, or run with "
                        + "-Dtouchstone.test.postgres=skip to skip these tests:\n" + output);
            }
            String folder = output.substring(output.lastIndexOf('\n') + 1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, folder)));
            return new PostgresServer(port);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static void stop(Path script, String folder) {
        try {
            new ProcessBuilder(List.of("bash", script.toString(), "stop", folder)).inheritIO().start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL server in " + folder + ": " + e);
        }
    }

    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(".ci/postgres.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(".ci/postgres.sh not found above " + Path.of("").toAbsolutePath());
    }
}
