package com.example.churn;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for your warehouse: a throwaway PostgreSQL server on a free loopback port (started by
 * the project's {@code .ci/postgres.sh} from Debian's postgresql package, stopped when the JVM
 * exits), with a {@code predictions} table holding the same rows as the Parquet files. The
 * password is random and handed over as the system property {@code warehouse.password}, which
 * the spec reads through a {@code Secret}. In your project the server already exists: give
 * {@code Database.at(...)} its URL and your secret.
 */
final class LocalWarehouse {

    static final String USER = "analyst";
    static final String PASSWORD_PROPERTY = "warehouse.password";

    private static String url;

    private LocalWarehouse() {
    }

    /** The JDBC URL of the running server with its table loaded; starts it on first call. */
    static synchronized String url() {
        if (url == null) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            int port = freePort();
            String folder = script(password, "start", Integer.toString(port), USER);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> script(null, "stop", folder)));
            System.setProperty(PASSWORD_PROPERTY, password);
            url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            load(url, password);
        }
        return url;
    }

    /** Copies the Parquet rows into {@code predictions}, read through DuckDB. */
    private static void load(String url, String password) {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", password);
        try (Connection postgres = DriverManager.getConnection(url, login);
                Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement create = postgres.createStatement();
                Statement read = duckdb.createStatement()) {
            create.execute("CREATE TABLE predictions (customer_id text PRIMARY KEY, day text, region text, plan text,"
                    + " tenure_months integer, churned text, predicted text, score double precision)");
            postgres.setAutoCommit(false);
            try (ResultSet rows = read.executeQuery("SELECT customer_id, day, region, plan, tenure_months, churned,"
                    + " predicted, score FROM read_parquet('src/test/resources/predictions/**/*.parquet',"
                    + " hive_partitioning = true) ORDER BY customer_id");
                    PreparedStatement insert = postgres.prepareStatement(
                            "INSERT INTO predictions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (rows.next()) {
                    for (int c = 1; c <= 8; c++) {
                        insert.setObject(c, rows.getObject(c));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            postgres.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the sample's predictions into PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for PostgreSQL", e);
        }
    }

    /**
     * Runs {@code .ci/postgres.sh} (found above the working directory) with {@code password} in its
     * environment (null: none); returns its last output line.
     */
    private static String script(String password, String... args) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(".ci/postgres.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(".ci/postgres.sh not found above " + Path.of("").toAbsolutePath());
        }
        try {
            List<String> command = new ArrayList<>(List.of("bash", dir.resolve(".ci/postgres.sh").toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (password != null) {
                builder.environment().put("PGPASSWORD", password); // not an argument: ps shows arguments to every user
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(".ci/postgres.sh " + args[0] + " failed (install Debian's postgresql"
                        + " package):\n" + output);
            }
            return output.substring(output.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("could not run .ci/postgres.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running .ci/postgres.sh", e);
        }
    }
}
