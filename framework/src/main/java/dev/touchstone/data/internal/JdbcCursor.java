package dev.touchstone.data.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A JDBC result as the pushdown reads it. */
record JdbcCursor(ResultSet rs) implements Engine.Cursor {

    @Override
    public boolean next() throws SQLException {
        return rs.next();
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return rs.getObject(column);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return rs.getLong(column);
    }
}
