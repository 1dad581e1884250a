package ai.tradesense.infrastructure.persistence;

import java.sql.SQLException;

/** Reads the SQLSTATE out of an exception chain; PostgreSQL and H2 share the standard codes used here. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
