package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.table.Table;
import dev.touchstone.internal.text.Excerpt;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the id column of a dataset names every example once: ids pair examples with a
 * recorded baseline, and a repeated id would pair the wrong ones (or fail only in the next run,
 * when the baseline is read). Uses 8 bytes per row: ids are compared as 64-bit hashes, and only
 * rows whose hashes collide are compared as text.
 */
final class ExampleIds {

    private ExampleIds() {
    }

    static void requireUnique(Table table, String idColumn) {
        Column column = table.column(idColumn);
        int n = table.rowCount();
        long[] hashes = new long[n];
        for (int row = 0; row < n; row++) {
            String id = column.text(row);
            if (id == null) {
                throw new QualityConfigurationException(table.locate(row, idColumn) + ": the example id is missing");
            }
            hashes[row] = hash(id);
        }
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        Set<Long> repeated = new HashSet<>();
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.add(sorted[i]);
            }
        }
        if (repeated.isEmpty()) {
            return;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int row = 0; row < n; row++) {
            if (repeated.contains(hashes[row])) {
                Integer earlier = first.putIfAbsent(column.text(row), row);
                if (earlier != null) {
                    throw new QualityConfigurationException(table.locate(row, idColumn) + ": the example id "
                            + Excerpt.of(column.text(row)) + " occurs twice, first on " + table.locate(earlier)
                            + ": ids must name one example each, to pair examples with a recorded baseline");
                }
            }
        }
    }

    // FNV-1a over the UTF-16 chars, 64 bits
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
