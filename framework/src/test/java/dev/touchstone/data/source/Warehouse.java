package dev.touchstone.data.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Logged predictions for source tests: the same rows as CSV and as Parquet (written by DuckDB),
 * so a test can evaluate them both ways. Labels "cat"/"dog", a score with ties (two decimals),
 * a camera and an hour to slice by, ids with leading zeros.
 */
final class Warehouse {

    static final String HEADER = "id,label,predicted,score,camera,hour,target,estimate";

    private Warehouse() {
    }

    static Path csv(Path dir, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        String[] cameras = {"front", "rear", "side"};
        for (int i = 0; i < rows; i++) {
            boolean cat = random.nextDouble() < 0.4;
            double score = Math.min(1, Math.max(0, (cat ? 0.65 : 0.35) + random.nextGaussian() * 0.2));
            String scoreText = String.format(Locale.ROOT, "%.2f", score);
            boolean predictedCat = Double.parseDouble(scoreText) >= 0.5;
            double target = random.nextGaussian() * 3 + 10;
            out.append(String.format(Locale.ROOT, "%07d,%s,%s,%s,%s,%d,%.3f,%.3f%n", i, cat ? "cat" : "dog",
                    predictedCat ? "cat" : "dog", scoreText, cameras[random.nextInt(3)], random.nextInt(24), target,
                    target + random.nextGaussian()));
        }
        Path file = dir.resolve("predictions.csv");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    /** The CSV as Parquet, with the columns typed as a warehouse would type them (id as text). */
    static Path parquet(Path csv, Path target) throws SQLException {
        sql("COPY (SELECT * FROM read_csv('" + csv + "', header = true, types = {'id': 'VARCHAR', 'score': 'DOUBLE',"
                + " 'hour': 'INTEGER', 'target': 'DOUBLE', 'estimate': 'DOUBLE'})) TO '" + target + "' (FORMAT parquet)");
        return target;
    }

    /** The CSV as hive-style partitions by camera: {@code camera=front/data_0.parquet}. */
    static Path partitioned(Path csv, Path folder) throws SQLException {
        sql("COPY (SELECT * FROM read_csv('" + csv + "', header = true, types = {'id': 'VARCHAR', 'score': 'DOUBLE'}))"
                + " TO '" + folder + "' (FORMAT parquet, PARTITION_BY (camera))");
        return folder;
    }

    static void sql(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
