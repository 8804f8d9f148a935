package dev.touchstone.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark for every test of the JVM (it starts in seconds), and the rows the tests evaluate. */
final class LocalSpark {

    static final SparkSession SPARK = SparkSession.builder().master("local[2]").appName("touchstone-spark-tests")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();

    static final String SCHEMA = "id STRING, label STRING, predicted STRING, score DOUBLE, camera STRING, hour INT,"
            + " target DOUBLE, estimate DOUBLE";

    private LocalSpark() {
    }

    /**
     * Logged predictions as CSV: labels "cat"/"dog", a score with ties (two decimals), a camera and
     * an hour to slice by, ids with leading zeros, a regression target and estimate.
     */
    static Path csv(Path dir, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder("id,label,predicted,score,camera,hour,target,estimate\n");
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

    /** The CSV as Spark reads it with a warehouse's types (id as text), in file order. */
    static Dataset<Row> read(Path csv, String schema) {
        return SPARK.read().option("header", "true").schema(schema).csv(csv.toString());
    }
}
