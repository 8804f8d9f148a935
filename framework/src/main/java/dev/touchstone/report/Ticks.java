package dev.touchstone.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis with 4 to 6 round ticks ({@code 1, 2, 2.5, 5 × 10^k} apart) whose first and last
 * ticks are the ends of the axis and enclose the data.
 *
 * @param ticks    the tick values, ascending; the first is the axis's low end, the last its high end
 * @param decimals decimals needed to write every tick exactly
 */
record Ticks(List<BigDecimal> ticks, int decimals) {

    private static final BigDecimal[] STEPS = {
        BigDecimal.ONE, BigDecimal.valueOf(2), new BigDecimal("2.5"), BigDecimal.valueOf(5)
    };

    Ticks {
        ticks = List.copyOf(ticks);
    }

    double low() {
        return ticks.get(0).doubleValue();
    }

    double high() {
        return ticks.get(ticks.size() - 1).doubleValue();
    }

    String label(BigDecimal tick) {
        return tick.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** An axis covering {@code [min, max]}; both must be finite. */
    static Ticks covering(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("cannot make an axis for [" + min + ", " + max + "]");
        }
        if (max - min <= Math.max(Math.abs(min), Math.abs(max)) * 1e-9) {
            // a single value: centre it in a small range around it
            double pad = min == 0 ? 0.5 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        BigDecimal lo = BigDecimal.valueOf(min);
        BigDecimal hi = BigDecimal.valueOf(max);
        int exponent = (int) Math.floor(Math.log10(max - min)) - 1;
        // From a step giving more than 10 ticks upwards, the first step giving at most 6 ticks
        // gives at least 4: its predecessor (at most 2.5 times smaller) gave 7 or more.
        for (int e = exponent - 1; e <= exponent + 3; e++) {
            for (BigDecimal multiplier : STEPS) {
                BigDecimal step = multiplier.scaleByPowerOfTen(e);
                BigDecimal first = lo.divide(step, 0, RoundingMode.FLOOR);
                BigDecimal last = hi.divide(step, 0, RoundingMode.CEILING);
                int count = last.subtract(first).intValueExact() + 1;
                if (count <= 6 && count >= 2) {
                    List<BigDecimal> ticks = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        ticks.add(first.add(BigDecimal.valueOf(i)).multiply(step));
                    }
                    if (count < 4) {
                        // only reachable if the loop started too coarse; widen evenly
                        ticks.add(0, first.subtract(BigDecimal.ONE).multiply(step));
                        if (ticks.size() < 4) {
                            ticks.add(last.add(BigDecimal.ONE).multiply(step));
                        }
                    }
                    int decimals = Math.max(0, step.stripTrailingZeros().scale());
                    return new Ticks(ticks, decimals);
                }
            }
        }
        throw new IllegalStateException("no axis for [" + min + ", " + max + "]");
    }
}
