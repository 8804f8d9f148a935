package dev.touchstone.stats.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads the reference CSV files in {@code src/test/resources/reference/stats/} (written by
 * {@code generate_stats_reference.py} and {@code generate_delong_reference.R}): lines starting
 * with {@code #} are comments, the first other line is the header, fields contain no commas.
 */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /** One data row, addressed by column name. */
    record Row(Map<String, String> fields) {
        String text(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column + " in " + fields.keySet());
            }
            return value;
        }

        double number(String column) {
            return Double.parseDouble(text(column));
        }

        long integer(String column) {
            return Long.parseLong(text(column));
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }

    static List<Row> read(String fileName) {
        String resource = "/reference/stats/" + fileName;
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
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
                rows.add(new Row(Map.copyOf(fields)));
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException(resource + " has no data rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts {@code |actual - expected| <= 1e-9 · |expected| + 1e-15}: relative 1e-9, with an
     * absolute floor of 1e-15 so that reference values that are exactly 0 (or rounding residues
     * like -1e-18 from the reference implementation) compare sensibly. NaN must match NaN.
     */
    static void assertClose(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-15));
    }
}
