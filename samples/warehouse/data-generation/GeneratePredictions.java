import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the sample's logged predictions as a lake would hold them: Parquet files partitioned by
 * day (src/test/resources/predictions/day=2026-12-0N/data_0.parquet), 8,000 rows of a churn model's
 * predictions. Run from samples/warehouse with DuckDB's JDBC driver on the class path:
 *
 *   java -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar \
 *       data-generation/GeneratePredictions.java
 */
public class GeneratePredictions {

    public static void main(String[] args) throws Exception {
        SplittableRandom random = new SplittableRandom(2026_12_06L);
        String[] regions = {"north", "south", "east", "west"};
        String[] plans = {"basic", "plus", "pro"};
        StringBuilder csv = new StringBuilder("customer_id,day,region,plan,tenure_months,churned,predicted,score\n");
        for (int i = 0; i < 8000; i++) {
            String region = regions[random.nextInt(regions.length)];
            String plan = plans[random.nextInt(plans.length)];
            int tenure = random.nextInt(60);
            double base = 0.15 + (tenure < 6 ? 0.2 : 0) + ("basic".equals(plan) ? 0.1 : 0);
            boolean churned = random.nextDouble() < base;
            double noise = "south".equals(region) ? 0.3 : 0.2;
            double score = Math.min(1, Math.max(0, (churned ? 0.68 : 0.28) + random.nextGaussian() * noise));
            String scoreText = String.format(Locale.ROOT, "%.3f", score);
            boolean predicted = Double.parseDouble(scoreText) >= 0.5;
            csv.append(String.format(Locale.ROOT, "C%06d,2026-12-0%d,%s,%s,%d,%s,%s,%s%n", i, 1 + random.nextInt(5), region,
                    plan, tenure, churned ? "yes" : "no", predicted ? "yes" : "no", scoreText));
        }
        Path staging = Files.createTempFile("predictions", ".csv");
        Files.writeString(staging, csv);
        Path target = Path.of("src/test/resources/predictions");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + staging + "', header = true, types = {'customer_id':"
                    + " 'VARCHAR', 'day': 'VARCHAR', 'tenure_months': 'INTEGER', 'churned': 'VARCHAR', 'predicted': 'VARCHAR', 'score': 'DOUBLE'}) ORDER BY customer_id)"
                    + " TO '" + target + "' (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE)");
        }
        Files.delete(staging);
    }
}
