package ai.tradesense.application;

import java.time.Instant;
import java.util.Map;

/** Storage chores the maintenance job asks of the database. */
public interface Housekeeping {

    /** Deletes refresh tokens that expired or were revoked before {@code before}; returns how many. */
    int deleteSpentRefreshTokens(Instant before);

    /** Rows of each of the application's tables, and their size in bytes where the database tells it. */
    Map<String, Long> tableSizes();
}
