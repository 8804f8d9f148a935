package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.slice.TimeWindows;
import dev.touchstone.slice.internal.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Time windows as slices: every row goes to the window that holds its timestamp; the windows
 * run from the one of the dataset's first timestamp to the one of its last, empty ones
 * included, so that a gap in the data shows as an empty (INCONCLUSIVE) window, never as nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class WindowResolver {

    /** At most this many windows between the first and the last timestamp. */
    public static final int MAX_WINDOWS = 100_000;

    /** Separates a slice from its window in a crossed slice name: {@code segment=a & timestamp@...}. */
    public static final String CROSS = " & ";

    private WindowResolver() {
    }

    /** One window of one slice. */
    public record Window(long start, SliceRows rows) {
    }

    /** The windows of one slice, in time order, and its rows without a timestamp. */
    public record Windows(List<Window> windows, SliceRows missing) {

        /** The window of the dataset's last timestamp. */
        public Window last() {
            return windows.get(windows.size() - 1);
        }
    }

    private record Index(long[] starts, int[] windowOfRow) {
    }

    private record Key(String column, TimeWindows spec) {
    }

    /** The windows of {@code base}, named {@code column@start/length} (crossed: {@code base & column@...}). */
    public static Windows windows(Outcomes outcomes, SliceRows base, TimeWindows spec) {
        Index index = outcomes.memo(new Key(spec.column(), spec), k -> index(outcomes, spec));
        int[] counts = new int[index.starts.length];
        int missing = 0;
        for (int i = 0; i < base.size(); i++) {
            int w = index.windowOfRow[base.row(i)];
            if (w < 0) {
                missing++;
            } else {
                counts[w]++;
            }
        }
        int[][] rows = new int[counts.length][];
        for (int w = 0; w < counts.length; w++) {
            rows[w] = new int[counts[w]];
        }
        int[] missingRows = new int[missing];
        int[] fill = new int[counts.length];
        int m = 0;
        for (int i = 0; i < base.size(); i++) {
            int row = base.row(i);
            int w = index.windowOfRow[row];
            if (w < 0) {
                missingRows[m++] = row;
            } else {
                rows[w][fill[w]++] = row;
            }
        }
        boolean overall = base.rows() == null;
        List<Window> windows = new ArrayList<>(counts.length);
        for (int w = 0; w < counts.length; w++) {
            long start = index.starts[w];
            String name = overall ? spec.name(start) : base.name() + CROSS + spec.name(start);
            String definition = overall ? spec.describe(start) : base.definition() + " and " + spec.describe(start);
            windows.add(new Window(start, new SliceRows(name, definition, rows[w], rows[w].length)));
        }
        String missingName = (overall ? "" : base.name() + CROSS) + spec.column() + SliceResolver.MISSING_SUFFIX;
        return new Windows(List.copyOf(windows), new SliceRows(missingName, missingName, missingRows, missing));
    }

    private static Index index(Outcomes outcomes, TimeWindows spec) {
        long[] millis = Timestamps.read(outcomes.table(), spec.column(), spec.zone());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t : millis) {
            if (t != Timestamps.MISSING) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new QualityConfigurationException("dataset '" + outcomes.dataset().name() + "': column '"
                    + spec.column() + "' has no timestamp in any row, so there is no time window");
        }
        List<Long> starts = new ArrayList<>();
        long end = spec.startOf(last);
        for (long s = spec.startOf(first); s <= end; s = spec.next(s)) {
            starts.add(s);
            if (starts.size() > MAX_WINDOWS) {
                throw new QualityConfigurationException("dataset '" + outcomes.dataset().name() + "': windows of "
                        + spec.lengthText() + " over column '" + spec.column() + "' from " + spec.startText(first)
                        + " to " + spec.startText(last) + " are more than " + MAX_WINDOWS + "; choose longer windows");
            }
        }
        long[] array = starts.stream().mapToLong(Long::longValue).toArray();
        int[] windowOfRow = new int[millis.length];
        for (int row = 0; row < millis.length; row++) {
            windowOfRow[row] = millis[row] == Timestamps.MISSING ? -1
                    : Arrays.binarySearch(array, spec.startOf(millis[row]));
        }
        return new Index(array, windowOfRow);
    }
}
