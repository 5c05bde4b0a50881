package io.anygate.store;

import java.sql.SQLException;

/** SQLState checks that hold on both H2 and PostgreSQL. */
public final class SqlStates {

    private SqlStates() {
    }

    /** A unique or primary key constraint was violated (SQLState 23505 on both databases). */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
