package dev.touchstone.baseline;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What promoting a run changes in a baseline, entry by entry, with the values before and after:
 * new entries, entries whose value got better, worse or stayed (in the metric's own direction),
 * entries the run did not measure (kept, or removed when pruning).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineChange(Path directory, List<Entry> entries) {

    /** What happens to one entry. */
    public enum Kind {
        /** New: the baseline had no entry with this key. */
        ADDED,
        /** Measured again, better in the metric's direction. */
        IMPROVED,
        /** Measured again, worse in the metric's direction. */
        DEGRADED,
        /** Measured again, the same value. */
        UNCHANGED,
        /** Not measured by the run, kept as it was. */
        KEPT,
        /** Not measured by the run, removed (pruned). */
        REMOVED;

        /** "added", "improved", ..., as the goal lists them. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One entry's change.
     *
     * @param before the entry in the baseline, or null when it is new
     * @param after  the entry once promoted, or null when it is removed
     */
    public record Entry(Kind kind, @Nullable BaselineEntry before, @Nullable BaselineEntry after) {

        public Entry {
            Objects.requireNonNull(kind, "kind");
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change needs the entry before or after");
            }
        }

        public String key() {
            return (after != null ? after : before).key();
        }

        /** The entry as it is now or, when removed, as it was. */
        public BaselineEntry entry() {
            return after != null ? after : before;
        }

        /** {@code 0.943 → 0.038 (−0.905)}; {@code 0.943} alone when only one side exists. */
        public String values() {
            boolean count = "size".equals(entry().metric());
            if (before == null) {
                return number(after.value(), count);
            }
            if (after == null || after == before) {
                return number(before.value(), count);
            }
            double delta = after.value() - before.value();
            String size = Math.abs(delta) >= 0.0005 || delta == 0 || count ? number(Math.abs(delta), count)
                    : String.format(Locale.ROOT, "%.1e", Math.abs(delta));
            return number(before.value(), count) + " → " + number(after.value(), count) + " ("
                    + (delta < 0 ? "−" : "+") + size + ")";
        }

        private static String number(double value, boolean count) {
            return String.format(Locale.ROOT, count ? "%,.0f" : "%.3f", value);
        }
    }

    public BaselineChange {
        Objects.requireNonNull(directory, "directory");
        entries = List.copyOf(entries);
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    public long count(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** Whether the baseline had no entry before: it was created. */
    public boolean created() {
        return entries.stream().allMatch(e -> e.kind() == Kind.ADDED);
    }

    /** {@code 2 added, 0 improved, 1 degraded, 22 unchanged, 3 kept, 0 removed}. */
    public String counts() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(count(kind)).append(' ').append(kind.label());
        }
        return text.toString();
    }
}
