package dev.touchstone.slice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Consecutive time windows over a timestamp column, each one a slice of the data named
 * {@code column@start/length}, e.g. {@code timestamp@2026-12-01T00:00Z/P1D}.
 *
 * <ul>
 *   <li>A {@link Duration} gives windows of exactly that length, aligned on the Unix epoch: an
 *       hour starts on the hour, {@code Duration.ofDays(1)} at 00:00 UTC whatever the zone (the
 *       zone only writes the start).</li>
 *   <li>A {@link Period} gives calendar windows in the zone, which follow daylight-saving time:
 *       {@code Period.ofDays(1)} from local midnight to the next, a number of days that is a
 *       multiple of 7 from a Monday, {@code Period.ofMonths(1)} from the 1st of each month (a
 *       number of months from January of a year that is a multiple of it since 1970).
 *       Periods that mix months and days are not windows.</li>
 * </ul>
 *
 * <p>Timestamps are ISO-8601 text ({@code 2026-12-01T10:15:30Z}, with an offset, or a local
 * date-time or date read in the zone) or numbers: epoch seconds, or epoch milliseconds when the
 * column's largest magnitude is at least 10<sup>11</sup> (10<sup>11</sup> seconds is the year 5138).
 * The zone is UTC unless given.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class TimeWindows {

    private static final LocalDate MONDAY = LocalDate.of(1970, 1, 5);

    private final String column;
    private final Duration duration;
    private final Period period;
    private final ZoneId zone;

    private TimeWindows(String column, Duration duration, Period period, ZoneId zone) {
        this.column = requireColumn(column);
        this.duration = duration;
        this.period = period;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Windows of exactly {@code length}, aligned on the Unix epoch. */
    public static TimeWindows of(String column, Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.toMillis() == 0) {
            throw new IllegalArgumentException("a window must last at least a millisecond but was " + length);
        }
        return new TimeWindows(column, length, null, ZoneOffset.UTC);
    }

    /** Calendar windows of {@code length}: days, weeks or months, in UTC unless {@link #inZone} is used. */
    public static TimeWindows of(String column, Period length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a window must be a positive period but was " + length);
        }
        if (length.getDays() != 0 && length.toTotalMonths() != 0) {
            throw new IllegalArgumentException("a window is a number of days or a number of months, not both: " + length);
        }
        return new TimeWindows(column, null, length.normalized(), ZoneOffset.UTC);
    }

    /** The same windows in {@code zone}: where calendar windows start, and how starts are written. */
    public TimeWindows inZone(ZoneId newZone) {
        return new TimeWindows(column, duration, period, Objects.requireNonNull(newZone, "zone"));
    }

    public String column() {
        return column;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code P1D}, {@code PT1H}, {@code P1M}: the length as written in slice names. */
    public String lengthText() {
        if (period != null) {
            return period.toString();
        }
        if (duration.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    /** The start (epoch milliseconds) of the window that holds {@code epochMillis}. */
    public long startOf(long epochMillis) {
        if (duration != null) {
            long length = duration.toMillis();
            return Math.floorDiv(epochMillis, length) * length;
        }
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        LocalDate start;
        if (period.toTotalMonths() != 0) {
            long months = period.toTotalMonths();
            long index = (date.getYear() - 1970L) * 12 + date.getMonthValue() - 1;
            long first = Math.floorDiv(index, months) * months;
            start = LocalDate.of(1970, 1, 1).plusMonths(first);
        } else {
            int days = period.getDays();
            if (days % 7 == 0) {
                long offset = date.toEpochDay() - MONDAY.toEpochDay();
                start = MONDAY.plusDays(Math.floorDiv(offset, days) * days);
            } else {
                start = LocalDate.ofEpochDay(Math.floorDiv(date.toEpochDay(), days) * days);
            }
        }
        return start.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The start of the window after the one starting at {@code startMillis}. */
    public long next(long startMillis) {
        if (duration != null) {
            return startMillis + duration.toMillis();
        }
        ZonedDateTime start = Instant.ofEpochMilli(startMillis).atZone(zone);
        return start.toLocalDate().plus(period).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** {@code 2026-12-01T00:00Z}: a window start as written in slice names. */
    public String startText(long startMillis) {
        return Instant.ofEpochMilli(startMillis).atZone(zone).toOffsetDateTime().toString();
    }

    /** {@code timestamp@2026-12-01T00:00Z/P1D}: the slice name of the window starting at {@code startMillis}. */
    public String name(long startMillis) {
        return column + "@" + startText(startMillis) + "/" + lengthText();
    }

    /** {@code timestamp in [2026-12-01T00:00Z, 2026-12-02T00:00Z)}: the window's definition, for messages. */
    public String describe(long startMillis) {
        return column + " in [" + startText(startMillis) + ", " + startText(next(startMillis)) + ")";
    }

    private static String requireColumn(String column) {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("the timestamp column must not be blank");
        }
        return column;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindows w && column.equals(w.column) && Objects.equals(duration, w.duration)
                && Objects.equals(period, w.period) && zone.equals(w.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, duration, period, zone);
    }

    @Override
    public String toString() {
        return column + "/" + lengthText() + (zone.equals(ZoneOffset.UTC) ? "" : " in " + zone);
    }
}
