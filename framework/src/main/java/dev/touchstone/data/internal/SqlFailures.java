package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import dev.touchstone.internal.text.Printable;
import java.sql.SQLException;

/**
 * A driver's {@link SQLException} as a message that names the source and says what to do: the
 * server cannot be reached, it refused the credentials, there is no driver for the URL, or the
 * query failed. The password and the URL's parameters never appear, even when a driver echoes them.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    static DataFormatException of(SQLException e, SqlSource source, String doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = scrub(Printable.firstLine(e.getMessage()), source);
        String where = source.source();
        String message;
        if (reason.startsWith("No suitable driver")) {
            message = where + ": no JDBC driver on the classpath accepts " + source.database().describe()
                    + "; add the database's driver as a test dependency (PostgreSQL: org.postgresql:postgresql,"
                    + " DuckDB for Parquet files: org.duckdb:duckdb_jdbc)";
        } else if (state.startsWith("28")) {
            message = where + ": the server refused the credentials" + source.database().user()
                    .map(u -> " of user '" + Printable.escape(u) + "'").orElse("")
                    + source.database().password().map(p -> " (password from " + p.origin() + ", not shown)").orElse("")
                    + ": " + reason;
        } else if (state.startsWith("08")) {
            message = where + ": cannot connect to " + source.database().describe() + ": " + reason;
        } else {
            message = where + ": " + doing + " failed: " + reason;
        }
        DataFormatException failure = new DataFormatException(message);
        // the driver's exception may echo what we scrubbed; keep only its type and state
        failure.setStackTrace(e.getStackTrace());
        return failure;
    }

    private static String scrub(String text, SqlSource source) {
        String scrubbed = text;
        String password = null;
        try {
            password = source.passwordText();
        } catch (RuntimeException unset) {
            // no password to scrub
        }
        if (password != null && !password.isEmpty()) {
            scrubbed = scrubbed.replace(password, "***");
        }
        String url = source.database().url();
        scrubbed = scrubbed.replace(url, source.database().describe());
        return Printable.escape(scrubbed);
    }
}
