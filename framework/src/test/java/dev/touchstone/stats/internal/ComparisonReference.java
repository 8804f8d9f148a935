package dev.touchstone.stats.internal;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the reference CSV files in {@code src/test/resources/reference/comparison/} (written by
 * {@code generate_comparison_reference.py} and {@code generate_comparison_reference.R}), in the
 * format of {@link ReferenceCsv}: {@code #} comments, one header line, no quoted fields.
 */
final class ComparisonReference {

    private ComparisonReference() {
    }

    static List<ReferenceCsv.Row> read(String fileName) {
        String resource = "/reference/comparison/" + fileName;
        try (InputStream in = ComparisonReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<ReferenceCsv.Row> rows = new ArrayList<>();
            String[] header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (header == null) {
                    header = parts;
                    continue;
                }
                if (parts.length != header.length) {
                    throw new IllegalStateException(resource + ": expected " + header.length + " fields in " + line);
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(header[i], parts[i]);
                }
                rows.add(new ReferenceCsv.Row(Map.copyOf(fields)));
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException(resource + " has no data rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<ReferenceCsv.Row> stream(String fileName) {
        return read(fileName).stream();
    }

    /** A space-separated list of numbers. */
    static double[] numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** R's and statsmodels' alternative names. */
    static Alternative alternative(String name) {
        return switch (name) {
            case "less", "smaller" -> Alternative.LESS;
            case "greater", "larger" -> Alternative.GREATER;
            case "two.sided", "two-sided" -> Alternative.TWO_SIDED;
            default -> throw new IllegalArgumentException("unknown alternative " + name);
        };
    }

    /**
     * {@link ReferenceCsv#assertClose} (relative 1e-9, absolute floor 1e-15, NaN matches NaN), and
     * infinities must match exactly.
     */
    static void assertClose(double actual, double expected, String what) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        ReferenceCsv.assertClose(actual, expected, what);
    }
}
