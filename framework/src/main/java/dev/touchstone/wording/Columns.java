package dev.touchstone.wording;

import java.util.ArrayList;
import java.util.List;

/** Plain-text columns: cells padded to the widest of their column, two spaces apart, no trailing spaces. */
final class Columns {

    private Columns() {
    }

    /**
     * @param rows          the cells of each row (rows of one length)
     * @param rightAligned  indexes of columns of numbers, padded on the left
     */
    static List<String> align(List<String[]> rows, int... rightAligned) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0 && widths[i] > 0) {
                    out.append("  ");
                }
                String pad = " ".repeat(widths[i] - row[i].length());
                out.append(isRight(i, rightAligned) ? pad + row[i] : row[i] + pad);
            }
            lines.add(out.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean isRight(int column, int[] rightAligned) {
        for (int r : rightAligned) {
            if (r == column) {
                return true;
            }
        }
        return false;
    }
}
