package dev.touchstone.assertion;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * Shared helpers of the DSL behaviour tests: small in-memory datasets whose metrics can be
 * computed by hand, the textbook Wilson interval, and the verdict a statement ended in.
 */
public final class DslTestData {

    /** Standard normal quantiles Φ⁻¹(1 − α/2) for the usual two-sided levels (textbook constants). */
    public static final double Z90 = 1.6448536269514722;
    public static final double Z95 = 1.959963984540054;
    public static final double Z99 = 2.5758293035489004;

    private DslTestData() {
    }

    /**
     * Binary data with labels {@code "1"}/{@code "0"}: {@code tp} rows (1, 1), then {@code fn}
     * rows (1, 0), {@code fp} rows (0, 1) and {@code tn} rows (0, 0).
     */
    public static Dataset binary(String name, int tp, int fn, int fp, int tn) {
        DatasetBuilder builder = Dataset.builder(name).columns("label", "predicted");
        repeat(builder, tp, "1", "1");
        repeat(builder, fn, "1", "0");
        repeat(builder, fp, "0", "1");
        repeat(builder, tn, "0", "0");
        return builder.build().withLabel("label").withPrediction("predicted");
    }

    private static void repeat(DatasetBuilder builder, int times, Object... row) {
        for (int i = 0; i < times; i++) {
            builder.row(row);
        }
    }

    /** The Wilson score interval without continuity correction, by the textbook formula. */
    public static double[] wilson(double successes, double trials, double z) {
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[] {centre - half, centre + half};
    }

    /** How a statement ended. */
    public enum Outcome { PASSED, FAILED, INCONCLUSIVE, ABORTED }

    /** Runs the statement and tells how it ended; any other exception propagates. */
    public static Outcome outcomeOf(Runnable statement) {
        try {
            statement.run();
            return Outcome.PASSED;
        } catch (InconclusiveQualityError e) {
            return Outcome.INCONCLUSIVE;
        } catch (QualityAssertionError e) {
            return Outcome.FAILED;
        } catch (TestAbortedException e) {
            return Outcome.ABORTED;
        }
    }

    /** A file of {@code src/test/resources/fixtures}, as found on the test class path. */
    public static Path fixture(String name) {
        URL url = DslTestData.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path in the fixtures directory that does not exist. */
    public static Path missingFixture(String name) {
        return fixture("README.txt").resolveSibling(name);
    }
}
