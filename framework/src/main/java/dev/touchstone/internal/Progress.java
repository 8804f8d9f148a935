package dev.touchstone.internal;

import java.util.Locale;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Progress of a long task on the console: silent for the first {@link #QUIET_MILLIS}, then one
 * line every {@link #EVERY_MILLIS} with done, total, rate and time left, and a last line when it
 * ends. {@link #advance} reads the clock, about 25 ns: call it per row of a model, or per buffer
 * of a file, not per field.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Progress implements AutoCloseable {

    static final long QUIET_MILLIS = 2_000;
    static final long EVERY_MILLIS = 2_000;

    private static volatile Consumer<String> out = line -> System.out.println(line);

    private final String task;
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private long done;
    private boolean printed;
    private java.util.function.Supplier<String> detail = () -> "";

    private Progress(String task, long total, String unit) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.lastPrinted = started;
    }

    /** @param unit "rows" or "bytes" (bytes are shown in MB) */
    public static Progress start(String task, long total, String unit) {
        return new Progress(task, total, unit);
    }

    /** Where progress lines go (the console by default); for tests and engines. */
    public static Consumer<String> redirect(Consumer<String> sink) {
        Consumer<String> previous = out;
        out = sink;
        return previous;
    }

    /** One line about how data is read ("[touchstone] ..."), to the same place as progress lines. */
    public static void say(String line) {
        out.accept("[touchstone] " + line);
    }

    /** As {@link #advance(long)}, with a detail shown after the rate ("3 in flight, 1 failed"). */
    public void advance(long newDone, java.util.function.Supplier<String> newDetail) {
        detail = newDetail;
        advance(newDone);
    }

    public void advance(long newDone) {
        done = newDone;
        long now = System.nanoTime();
        if (nanosToMillis(now - started) >= QUIET_MILLIS && nanosToMillis(now - lastPrinted) >= EVERY_MILLIS) {
            lastPrinted = now;
            printed = true;
            out.accept(line(now, false));
        }
    }

    @Override
    public void close() {
        if (printed) {
            printed = false; // closing twice prints once
            out.accept(line(System.nanoTime(), true));
        }
    }

    String line(long now, boolean finished) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("[touchstone] ").append(task).append(": ").append(amount(done));
        if (total > 0) {
            line.append(" of ").append(amount(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * done / total)));
        }
        line.append(", ").append(amount((long) rate)).append("/s");
        String more = detail.get();
        if (!more.isEmpty()) {
            line.append(", ").append(more);
        }
        if (finished) {
            line.append(String.format(Locale.ROOT, ", done in %.1f s", seconds));
        } else if (total > 0 && rate > 0) {
            line.append(String.format(Locale.ROOT, ", about %.0f s left", (total - done) / rate));
        }
        return line.toString();
    }

    private String amount(long value) {
        return "bytes".equals(unit)
                ? String.format(Locale.ROOT, "%,.0f MB", value / 1e6)
                : String.format(Locale.ROOT, "%,d %s", value, unit);
    }

    private static long nanosToMillis(long nanos) {
        return nanos / 1_000_000;
    }
}
