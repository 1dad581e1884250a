package ai.tradesense.infrastructure.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Reads the SQLSTATE out of an exception chain; PostgreSQL and H2 share the standard codes used here. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /**
     * A lost or refused connection anywhere in the chain: SQLSTATE class 08, or 57P01-57P03 (the server
     * shutting down or not accepting connections yet), or the pool failing to give one.
     */
    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().endsWith("PoolingException")
                    || t.getClass().getName().endsWith("ResourceException")) {
                return true;
            }
        }
        return false;
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
