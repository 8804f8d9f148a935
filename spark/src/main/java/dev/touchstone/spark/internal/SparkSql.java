package dev.touchstone.spark.internal;

import java.util.Locale;

/**
 * The pushdown's SQL (PostgreSQL and DuckDB spelling) in Spark SQL's: {@code 'it''s'} is one
 * literal there but two adjacent ones, concatenated, in Spark, and a backslash is an escape in
 * Spark's literals; {@code "x"} is an identifier there but a string in Spark;
 * {@code DOUBLE PRECISION} is {@code DOUBLE}. Rewritten token by token, never inside a literal,
 * so a slice value is compared exactly as written.
 */
final class SparkSql {

    private SparkSql() {
    }

    /**
     * @param escapedStringLiterals Spark's {@code spark.sql.parser.escapedStringLiterals}: when
     *                              true, a backslash is itself and a quote cannot be escaped
     * @throws IllegalArgumentException for a literal Spark cannot spell in that mode
     */
    static String translate(String sql, boolean escapedStringLiterals) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException("unterminated " + (c == '\'' ? "literal" : "identifier")
                                + " at character " + (i + 1));
                    }
                    char d = sql.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            text.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                out.append(c == '\'' ? literal(text.toString(), escapedStringLiterals) : identifier(text.toString()));
                i = j + 1;
            } else if (c == '`') {
                int j = i + 1;
                while (j < n && !(sql.charAt(j) == '`' && (j + 1 >= n || sql.charAt(j + 1) != '`'))) {
                    j += sql.charAt(j) == '`' ? 2 : 1;
                }
                out.append(sql, i, Math.min(j + 1, n));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                String word = sql.substring(i, j);
                int k = j;
                while (k < n && Character.isWhitespace(sql.charAt(k))) {
                    k++;
                }
                if (word.toUpperCase(Locale.ROOT).equals("DOUBLE") && k > j
                        && sql.regionMatches(true, k, "PRECISION", 0, 9)
                        && (k + 9 >= n || !Character.isLetterOrDigit(sql.charAt(k + 9)) && sql.charAt(k + 9) != '_')) {
                    out.append("DOUBLE");
                    i = k + 9;
                } else {
                    out.append(word);
                    i = j;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code text} as a Spark string literal that reads back as exactly {@code text}. */
    static String literal(String text, boolean escapedStringLiterals) {
        if (escapedStringLiterals) {
            if (text.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("spark.sql.parser.escapedStringLiterals is true, so the value '"
                        + text + "' with a quote cannot be written as a Spark SQL literal");
            }
            return '\'' + text + '\'';
        }
        return '\'' + text.replace("\\", "\\\\").replace("'", "\\'") + '\'';
    }

    /** {@code name} as a Spark SQL identifier. */
    static String identifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }
}
