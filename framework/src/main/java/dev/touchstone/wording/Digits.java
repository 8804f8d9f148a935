package dev.touchstone.wording;

import dev.touchstone.internal.text.Numerals;
import dev.touchstone.result.CheckEntry.DifferenceEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.Evidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one rule that decides how a statement's numbers are written, so that every output shows
 * the same digits (JaCoCo's single rounding rule, made to hold for intervals and comparisons):
 *
 * <ol>
 *   <li>Decimals: three, or as many as the statement's bounds and tolerance are written with
 *       ({@code isAbove(0.8995)} gives four); counts ({@code size}) next to whole bounds: none.
 *       Bounds and tolerances are always written at that scale.</li>
 *   <li>Direction: a value next to a minimum is rounded down and next to a maximum up, so it
 *       never seems to meet a bound the real value misses; interval lows are rounded down and
 *       highs up, so the shown interval always contains the real one; values compared with a
 *       reference, and differences, to the nearest.</li>
 *   <li>Distinguishable: while a shown number equals a bound it is not equal to (a FAILED
 *       interval's high of 0.8997 shown as 0.900 next to "above 0.900"), or a shown value equals
 *       a reference it differs from, one more decimal, up to twelve.</li>
 * </ol>
 *
 * <p>p-values: two significant digits, at least three decimals ({@code 0.023}, {@code 0.0078},
 * {@code 1.000}), in scientific notation below 0.0001 ({@code 2.3e-05}), with more digits while
 * the shown p equals an α it is not equal to. Levels and powers: {@code 95%}, never {@code 95.0%}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Digits {

    static final int BASE = 3;
    static final int MAX = 12;

    private final int base;
    private final int decimals;
    private final boolean count;
    private final RoundingMode valueMode;

    private Digits(int base, int decimals, boolean count, RoundingMode valueMode) {
        this.base = base;
        this.decimals = decimals;
        this.count = count;
        this.valueMode = valueMode;
    }

    /** The digits of every number of {@code e}. */
    public static Digits of(Evidence e) {
        return of(e, null, RoundingMode.HALF_EVEN);
    }

    /**
     * The digits of {@code e} judged against a POM rule's limit instead of its own bounds, the
     * value rounded in {@code mode} toward failing it.
     */
    public static Digits of(Evidence e, @Nullable Double extraBound, RoundingMode mode) {
        ExpectationEntry x = e.expectation();
        List<Double> bounds = new ArrayList<>();
        if (extraBound != null) {
            // a rule's line shows the rule's bound, not the check's own
            bounds.add(extraBound);
        } else if (x != null) {
            if (x.threshold() != null) {
                bounds.add(x.threshold());
            }
            if (x.upper() != null) {
                bounds.add(x.upper());
            }
        }
        boolean count = isCount(e) && bounds.stream().allMatch(b -> b == Math.rint(b));
        RoundingMode valueMode = extraBound != null ? mode : valueMode(x);
        if (count) {
            return new Digits(0, 0, true, valueMode);
        }
        int base = BASE;
        for (double bound : bounds) {
            base = Math.max(base, Numerals.scale(bound));
        }
        if (x != null && x.tolerance() > 0) {
            base = Math.max(base, Numerals.scale(x.tolerance()));
        }
        base = Math.min(base, 10);
        List<Constraint> constraints = constraints(e, bounds, valueMode);
        int d = base;
        while (d < MAX && !holds(constraints, d)) {
            d++;
        }
        return new Digits(base, d, false, valueMode);
    }

    private static boolean holds(List<Constraint> constraints, int decimals) {
        for (Constraint c : constraints) {
            if (!c.holds(decimals)) {
                return false;
            }
        }
        return true;
    }

    /** Decimals of values, bounds, intervals, references and differences. */
    public int decimals() {
        return decimals;
    }

    /** Whether the numbers are counts, written without decimals and with thousands separators. */
    public boolean isCount() {
        return count;
    }

    /** The point estimate: toward failing next to a bound, to the nearest otherwise. */
    public String value(double x) {
        return count && x == Math.rint(x) ? Numerals.count((long) x) : Numerals.fixed(x, decimals, valueMode);
    }

    /** An interval's low, rounded down. */
    public String low(double x) {
        return count && x == Math.rint(x) ? Numerals.count((long) x) : Numerals.fixed(x, decimals, RoundingMode.FLOOR);
    }

    /** An interval's high, rounded up. */
    public String high(double x) {
        return count && x == Math.rint(x) ? Numerals.count((long) x) : Numerals.fixed(x, decimals, RoundingMode.CEILING);
    }

    /**
     * A bound as written, at the statement's own scale (never more digits than it was written
     * with, beyond three): whole numbers from 2 up as they are ({@code 50}), others at the base
     * decimals ({@code 0.900}), whatever a value next to it needs.
     */
    public String bound(double t) {
        if (t == Math.rint(t) && Math.abs(t) >= 2 && Math.abs(t) < 1e15) {
            return count ? Numerals.count((long) t) : Long.toString((long) t);
        }
        return Numerals.fixed(t, base, RoundingMode.HALF_EVEN);
    }

    /** A tolerance, at the statement's own scale: {@code 0.010}. */
    public String tolerance(double t) {
        return Numerals.fixed(t, base, RoundingMode.HALF_EVEN);
    }

    /** A reference value, a tolerance, a detectable difference: to the nearest. */
    public String number(double x) {
        return Numerals.fixed(x, decimals, RoundingMode.HALF_EVEN);
    }

    /** A difference, signed: {@code -0.140}, {@code +0.012}. */
    public String signed(double x) {
        return Numerals.signed(x, decimals, RoundingMode.HALF_EVEN);
    }

    /** A difference's interval low (down) and high (up), signed as differences are: {@code [-0.262, -0.058]}. */
    public String signedLow(double x) {
        return Numerals.fixed(x, decimals, RoundingMode.FLOOR);
    }

    /** See {@link #signedLow}. */
    public String signedHigh(double x) {
        return Numerals.fixed(x, decimals, RoundingMode.CEILING);
    }

    /** A p-value (or a per-comparison α) next to the significance level {@code alpha}. */
    public static String p(double p, double alpha) {
        if (!Double.isFinite(p)) {
            return "-";
        }
        if (p > 0 && p < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.1e", p);
        }
        int digits = Math.max(BASE, p == 0 ? BASE : 1 - (int) Math.floor(Math.log10(p)));
        BigDecimal a = Numerals.decimal(alpha);
        while (digits < MAX && p != alpha && Numerals.rounded(p, digits, RoundingMode.HALF_EVEN).compareTo(a) == 0) {
            digits++;
        }
        return Numerals.fixed(p, digits, RoundingMode.HALF_EVEN);
    }

    // A bound at the scale it is written at; a shown number must not equal one it differs from.
    private static List<Constraint> constraints(Evidence e, List<Double> bounds, RoundingMode valueMode) {
        List<Constraint> all = new ArrayList<>();
        IntervalEntry i = e.interval();
        if (e.isDefined()) {
            for (double b : bounds) {
                all.add(new Constraint(e.value(), valueMode, b));
                if (i != null && i.low() != null) {
                    all.add(new Constraint(i.low(), RoundingMode.FLOOR, b));
                }
                if (i != null && i.high() != null) {
                    all.add(new Constraint(i.high(), RoundingMode.CEILING, b));
                }
            }
            if (e.baseline() != null && e.baseline().value() != null) {
                all.add(Constraint.apart(e.value(), e.baseline().value()));
            }
        }
        DifferenceEntry diff = e.difference();
        if (diff != null) {
            double tolerance = e.expectation() == null ? 0 : e.expectation().tolerance();
            List<Double> edges = new ArrayList<>(List.of(0.0));
            if (tolerance > 0) {
                edges.add(diff.higherIsBetter() ? -tolerance : tolerance);
            }
            for (double edge : edges) {
                all.add(new Constraint(diff.value(), RoundingMode.HALF_EVEN, edge));
                if (diff.low() != null) {
                    all.add(new Constraint(diff.low(), RoundingMode.FLOOR, edge));
                }
                if (diff.high() != null) {
                    all.add(new Constraint(diff.high(), RoundingMode.CEILING, edge));
                }
            }
        }
        return all;
    }

    private static RoundingMode valueMode(@Nullable ExpectationEntry x) {
        if (x == null) {
            return RoundingMode.HALF_EVEN;
        }
        return switch (x.kind()) {
            case "above", "at_least" -> RoundingMode.FLOOR;
            case "below", "at_most" -> RoundingMode.CEILING;
            default -> RoundingMode.HALF_EVEN;
        };
    }

    private static boolean isCount(Evidence e) {
        return "size".equals(e.metric());
    }

    /** A number that, shown in {@code mode}, must not read as {@code bound} unless it is. */
    private record Constraint(double x, RoundingMode mode, double bound, boolean bothRounded) {

        Constraint(double x, RoundingMode mode, double bound) {
            this(x, mode, bound, false);
        }

        /** Two values shown to the nearest that must not read alike unless they are. */
        static Constraint apart(double a, double b) {
            return new Constraint(a, RoundingMode.HALF_EVEN, b, true);
        }

        boolean holds(int decimals) {
            // equal up to floating-point noise (0.1 + 0.8 against 0.9): no digit can tell them apart
            if (!Double.isFinite(x) || !Double.isFinite(bound)
                    || Math.abs(x - bound) <= 1e-9 * Math.max(1, Math.abs(bound))) {
                return true;
            }
            BigDecimal shown = Numerals.rounded(x, decimals, mode);
            BigDecimal other = bothRounded ? Numerals.rounded(bound, decimals, RoundingMode.HALF_EVEN)
                    : Numerals.decimal(bound);
            return shown.compareTo(other) != 0;
        }
    }
}
